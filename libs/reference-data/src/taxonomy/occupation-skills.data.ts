import { deepFreeze } from '../deep-freeze.util.js';
import type { BuiltInSkillId } from './skills.data.js';
import type { OccupationSkills } from './taxonomy.types.js';

/** Shape checked against every entry below: skill ids must be built-in ones (checked by tsc). */
interface OccupationSkillsRecord {
  iscoGroup: string;
  essential: readonly BuiltInSkillId[];
  optional: readonly BuiltInSkillId[];
}

/**
 * The skills typical of ISCO-08 unit groups (4-digit codes of the ILO's ISCO-08), drawn from the
 * built-in starter taxonomy in skills.data.ts: a few essential skills that nearly every job in the
 * group asks for, and optional ones that many do. A starting point for matching and for suggesting
 * skills to job seekers and employers, not a complete occupational profile; ESCO data loaded at run
 * time adds to it. The comment above each entry is the ILO's English title of the unit group.
 */
const OCCUPATION_SKILLS_RECORDS = [
  // 1120 Managing directors and chief executives
  { iscoGroup: '1120', essential: ['mgmt.strategic-planning', 'mgmt.financial-management', 'soft.leadership', 'soft.decision-making', 'mgmt.stakeholder-engagement'], optional: ['mgmt.change-management', 'mgmt.enterprise-risk-management', 'soft.negotiation', 'mgmt.islamic-finance', 'soft.public-speaking'] },
  // 1211 Finance managers
  { iscoGroup: '1211', essential: ['mgmt.financial-management', 'mgmt.budgeting', 'mgmt.financial-reporting', 'mgmt.accounting', 'mgmt.enterprise-risk-management'], optional: ['mgmt.islamic-finance', 'ict.erp-systems', 'ict.spreadsheets', 'soft.leadership'] },
  // 1212 Human resource managers
  { iscoGroup: '1212', essential: ['mgmt.human-resource-management', 'pes.recruitment', 'mgmt.performance-management', 'mgmt.compensation-benefits', 'pes.labour-law'], optional: ['mgmt.change-management', 'edu.training-needs-analysis', 'soft.conflict-resolution', 'soft.negotiation', 'osh.osh-legislation'] },
  // 1213 Policy and planning managers
  { iscoGroup: '1213', essential: ['mgmt.policy-analysis', 'mgmt.strategic-planning', 'mgmt.monitoring-evaluation', 'mgmt.stakeholder-engagement'], optional: ['stat.data-analysis', 'mgmt.proposal-writing', 'soft.report-writing', 'pes.labour-market-information'] },
  // 1219 Business services and administration managers not elsewhere classified
  { iscoGroup: '1219', essential: ['mgmt.operations-management', 'mgmt.office-administration', 'mgmt.budgeting', 'mgmt.staff-supervision'], optional: ['mgmt.procurement', 'mgmt.contract-management', 'mgmt.records-management'] },
  // 1221 Sales and marketing managers
  { iscoGroup: '1221', essential: ['mgmt.marketing', 'mgmt.sales', 'mgmt.budgeting', 'soft.leadership', 'soft.negotiation'], optional: ['stat.data-analysis', 'soft.customer-service', 'mgmt.business-planning', 'soft.presentation-skills'] },
  // 1311 Agricultural and forestry production managers
  { iscoGroup: '1311', essential: ['agri.farm-business-management', 'agri.crop-production', 'agri.irrigation', 'mgmt.budgeting', 'mgmt.staff-supervision'], optional: ['agri.livestock-husbandry', 'agri.climate-smart-agriculture', 'agri.organic-farming', 'agri.pesticide-application'] },
  // 1321 Manufacturing managers
  { iscoGroup: '1321', essential: ['mgmt.operations-management', 'manu.production-planning', 'manu.quality-management-systems', 'manu.lean-manufacturing', 'mgmt.staff-supervision', 'osh.osh-management-systems'], optional: ['manu.six-sigma', 'mgmt.budgeting', 'manu.environmental-management', 'ict.erp-systems'] },
  // 1323 Construction managers
  { iscoGroup: '1323', essential: ['mgmt.project-management', 'cons.construction-planning', 'cons.site-supervision', 'cons.building-codes', 'osh.construction-site-safety', 'mgmt.contract-management'], optional: ['cons.quantity-surveying', 'cons.bim', 'mgmt.procurement', 'mgmt.budgeting'] },
  // 1330 Information and communications technology service managers
  { iscoGroup: '1330', essential: ['ict.it-service-management', 'mgmt.project-management', 'mgmt.budgeting', 'ict.cybersecurity', 'soft.leadership'], optional: ['ict.cloud-computing', 'mgmt.procurement', 'mgmt.contract-management', 'ict.agile-development'] },
  // 1342 Health services managers
  { iscoGroup: '1342', essential: ['mgmt.health-services-management', 'mgmt.budgeting', 'mgmt.human-resource-management', 'mgmt.performance-management'], optional: ['health.public-health', 'health.electronic-health-records', 'health.infection-control', 'mgmt.procurement', 'mgmt.strategic-planning'] },
  // 1345 Education managers
  { iscoGroup: '1345', essential: ['mgmt.strategic-planning', 'mgmt.staff-supervision', 'mgmt.budgeting', 'edu.curriculum-design', 'mgmt.performance-management'], optional: ['edu.inclusive-education', 'edu.qualifications-frameworks', 'mgmt.stakeholder-engagement', 'edu.educational-technology'] },
  // 1411 Hotel managers
  { iscoGroup: '1411', essential: ['hosp.hotel-operations', 'mgmt.budgeting', 'mgmt.staff-supervision', 'hosp.guest-relations', 'soft.customer-service'], optional: ['hosp.reservations', 'hosp.event-management', 'mgmt.marketing', 'hosp.hajj-umrah-services', 'lang.english'] },
  // 1412 Restaurant managers
  { iscoGroup: '1412', essential: ['hosp.restaurant-operations', 'hosp.food-safety', 'mgmt.staff-supervision', 'mgmt.budgeting', 'soft.customer-service'], optional: ['hosp.menu-planning', 'hosp.haccp', 'manu.inventory-control', 'hosp.halal-standards'] },
  // 2120 Mathematicians, actuaries and statisticians
  { iscoGroup: '2120', essential: ['stat.survey-design', 'stat.sampling', 'stat.statistical-inference', 'stat.regression-analysis', 'stat.probability-theory', 'stat.r-programming'], optional: ['stat.actuarial-methods', 'stat.time-series-analysis', 'stat.econometrics', 'ict.python', 'stat.stata', 'stat.sdmx', 'stat.disclosure-control', 'stat.official-statistics-principles'] },
  // 2141 Industrial and production engineers
  { iscoGroup: '2141', essential: ['manu.production-planning', 'manu.lean-manufacturing', 'manu.work-study', 'manu.quality-management-systems', 'osh.risk-assessment'], optional: ['manu.six-sigma', 'manu.industrial-automation', 'ict.computer-aided-design', 'ict.erp-systems'] },
  // 2142 Civil engineers
  { iscoGroup: '2142', essential: ['cons.structural-design', 'cons.building-codes', 'cons.construction-materials', 'ict.computer-aided-design', 'mgmt.project-management'], optional: ['cons.bim', 'cons.land-surveying', 'cons.road-construction', 'cons.quantity-surveying', 'osh.construction-site-safety'] },
  // 2143 Environmental engineers
  { iscoGroup: '2143', essential: ['manu.environmental-management', 'manu.industrial-waste-management', 'osh.risk-assessment', 'osh.exposure-monitoring'], optional: ['ict.gis', 'stat.data-analysis', 'cons.green-building', 'soft.report-writing'] },
  // 2144 Mechanical engineers
  { iscoGroup: '2144', essential: ['manu.mechanical-design', 'ict.computer-aided-design', 'manu.industrial-maintenance', 'voc.hvac', 'manu.quality-control'], optional: ['manu.industrial-automation', 'manu.plc-programming', 'mgmt.project-management', 'osh.machine-guarding'] },
  // 2149 Engineering professionals not elsewhere classified (includes safety engineers)
  { iscoGroup: '2149', essential: ['osh.risk-assessment', 'osh.hazard-identification', 'osh.process-safety', 'osh.osh-management-systems', 'osh.incident-investigation', 'osh.osh-legislation'], optional: ['osh.fire-safety', 'osh.osh-auditing', 'osh.root-cause-analysis', 'osh.hse-management', 'osh.permit-to-work', 'osh.job-safety-analysis'] },
  // 2151 Electrical engineers
  { iscoGroup: '2151', essential: ['manu.electrical-power-systems', 'voc.electrical-installation', 'osh.electrical-safety', 'ict.computer-aided-design'], optional: ['voc.solar-pv-installation', 'manu.plc-programming', 'mgmt.project-management', 'voc.electrical-testing'] },
  // 2152 Electronics engineers
  { iscoGroup: '2152', essential: ['manu.electronic-circuit-design', 'manu.industrial-automation', 'manu.plc-programming'], optional: ['ict.python', 'voc.soldering', 'ict.computer-aided-design', 'manu.product-inspection'] },
  // 2153 Telecommunications engineers
  { iscoGroup: '2153', essential: ['ict.telecommunications-networks', 'ict.network-administration', 'voc.telecom-cabling'], optional: ['ict.network-security', 'mgmt.project-management', 'ict.cloud-computing'] },
  // 2161 Building architects
  { iscoGroup: '2161', essential: ['cons.architectural-design', 'ict.computer-aided-design', 'cons.building-codes', 'cons.bim'], optional: ['cons.green-building', 'cons.construction-materials', 'soft.creativity', 'soft.presentation-skills', 'mgmt.project-management'] },
  // 2211 Generalist medical practitioners
  { iscoGroup: '2211', essential: ['health.patient-assessment', 'health.diagnosis', 'health.prescribing', 'health.clinical-documentation', 'health.medical-ethics', 'health.patient-communication'], optional: ['health.emergency-care', 'health.public-health', 'health.immunisation', 'health.electronic-health-records', 'health.pharmacology', 'osh.occupational-diseases'] },
  // 2212 Specialist medical practitioners
  { iscoGroup: '2212', essential: ['health.diagnosis', 'health.patient-assessment', 'health.prescribing', 'health.medical-ethics', 'health.clinical-documentation'], optional: ['edu.research-methods', 'health.epidemiology', 'health.electronic-health-records', 'osh.occupational-diseases', 'osh.health-surveillance'] },
  // 2221 Nursing professionals
  { iscoGroup: '2221', essential: ['health.nursing', 'health.patient-care', 'health.medication-administration', 'health.vital-signs', 'health.infection-control', 'health.clinical-documentation', 'health.patient-assessment'], optional: ['health.wound-care', 'health.basic-life-support', 'health.triage', 'health.phlebotomy', 'health.electronic-health-records', 'mgmt.staff-supervision'] },
  // 2222 Midwifery professionals
  { iscoGroup: '2222', essential: ['health.midwifery', 'health.maternal-newborn-care', 'health.patient-assessment', 'health.infection-control', 'health.basic-life-support'], optional: ['health.health-education', 'health.immunisation', 'health.clinical-documentation', 'health.patient-communication'] },
  // 2262 Pharmacists
  { iscoGroup: '2262', essential: ['health.pharmacology', 'health.dispensing', 'health.patient-communication', 'health.medical-ethics'], optional: ['manu.good-manufacturing-practice', 'manu.inventory-control', 'health.public-health'] },
  // 2263 Environmental and occupational health and hygiene professionals
  { iscoGroup: '2263', essential: ['osh.occupational-hygiene', 'osh.exposure-monitoring', 'osh.risk-assessment', 'osh.hazard-identification', 'osh.osh-legislation', 'osh.chemical-safety'], optional: ['osh.noise-control', 'osh.ergonomics', 'osh.health-surveillance', 'osh.radiation-protection', 'health.epidemiology', 'osh.psychosocial-risks', 'osh.heat-stress-prevention'] },
  // 2264 Physiotherapists
  { iscoGroup: '2264', essential: ['health.physiotherapy', 'health.rehabilitation', 'health.patient-assessment', 'health.anatomy-physiology'], optional: ['osh.ergonomics', 'health.patient-handling', 'health.elderly-care', 'health.patient-communication'] },
  // 2310 University and higher education teachers
  { iscoGroup: '2310', essential: ['edu.curriculum-design', 'edu.learner-assessment', 'edu.research-methods', 'edu.academic-supervision', 'soft.public-speaking'], optional: ['edu.e-learning', 'mgmt.proposal-writing', 'edu.educational-technology', 'lang.english'] },
  // 2320 Vocational education teachers
  { iscoGroup: '2320', essential: ['edu.competency-based-training', 'edu.lesson-planning', 'edu.learner-assessment', 'edu.training-delivery', 'edu.work-based-learning'], optional: ['edu.occupational-standards', 'edu.recognition-prior-learning', 'osh.safety-training', 'edu.e-learning', 'edu.adult-learning', 'edu.tvet-systems'] },
  // 2330 Secondary education teachers
  { iscoGroup: '2330', essential: ['edu.lesson-planning', 'edu.classroom-management', 'edu.learner-assessment', 'soft.communication'], optional: ['edu.mathematics-teaching', 'edu.science-teaching', 'edu.educational-technology', 'edu.inclusive-education', 'edu.language-teaching'] },
  // 2341 Primary school teachers
  { iscoGroup: '2341', essential: ['edu.lesson-planning', 'edu.classroom-management', 'edu.learner-assessment', 'edu.literacy-instruction', 'edu.child-development'], optional: ['edu.mathematics-teaching', 'edu.inclusive-education', 'edu.quran-teaching', 'edu.educational-technology'] },
  // 2342 Early childhood educators
  { iscoGroup: '2342', essential: ['edu.early-childhood-education', 'edu.child-development', 'edu.classroom-management', 'osh.first-aid'], optional: ['edu.inclusive-education', 'soft.empathy', 'edu.literacy-instruction'] },
  // 2351 Education methods specialists
  { iscoGroup: '2351', essential: ['edu.curriculum-design', 'edu.instructional-design', 'edu.learner-assessment', 'edu.training-needs-analysis'], optional: ['edu.educational-technology', 'edu.e-learning', 'edu.research-methods', 'edu.qualifications-frameworks'] },
  // 2352 Special needs teachers
  { iscoGroup: '2352', essential: ['edu.special-needs-education', 'edu.inclusive-education', 'edu.lesson-planning', 'edu.learner-assessment'], optional: ['lang.sign-language', 'soft.empathy', 'edu.child-development'] },
  // 2353 Other language teachers
  { iscoGroup: '2353', essential: ['edu.language-teaching', 'edu.lesson-planning', 'edu.learner-assessment', 'soft.intercultural-communication'], optional: ['lang.arabic', 'lang.english', 'lang.french', 'lang.turkish', 'edu.e-learning', 'edu.adult-learning'] },
  // 2356 Information technology trainers
  { iscoGroup: '2356', essential: ['edu.training-delivery', 'ict.digital-literacy', 'ict.office-software', 'edu.instructional-design'], optional: ['edu.e-learning', 'ict.spreadsheets', 'ict.python', 'edu.adult-learning'] },
  // 2359 Teaching professionals not elsewhere classified
  { iscoGroup: '2359', essential: ['edu.training-delivery', 'edu.lesson-planning', 'edu.learner-assessment'], optional: ['edu.literacy-instruction', 'edu.mentoring', 'edu.adult-learning'] },
  // 2411 Accountants
  { iscoGroup: '2411', essential: ['mgmt.accounting', 'mgmt.financial-reporting', 'mgmt.budgeting', 'ict.spreadsheets'], optional: ['ict.erp-systems', 'mgmt.islamic-finance', 'mgmt.enterprise-risk-management', 'soft.attention-to-detail'] },
  // 2421 Management and organization analysts
  { iscoGroup: '2421', essential: ['mgmt.business-process-analysis', 'mgmt.change-management', 'mgmt.strategic-planning', 'stat.data-analysis'], optional: ['manu.lean-manufacturing', 'mgmt.project-management', 'soft.presentation-skills', 'soft.report-writing'] },
  // 2422 Policy administration professionals
  { iscoGroup: '2422', essential: ['mgmt.policy-analysis', 'mgmt.monitoring-evaluation', 'soft.report-writing', 'mgmt.stakeholder-engagement'], optional: ['pes.active-labour-market-programmes', 'pes.labour-market-information', 'stat.sdg-indicators', 'osh.osh-legislation', 'pes.social-protection'] },
  // 2423 Personnel and careers professionals
  { iscoGroup: '2423', essential: ['pes.recruitment', 'pes.candidate-screening', 'pes.career-counselling', 'pes.job-description-writing', 'mgmt.human-resource-management'], optional: ['pes.vocational-guidance', 'pes.skills-assessment', 'pes.labour-law', 'pes.occupational-classifications', 'pes.labour-market-information', 'soft.active-listening'] },
  // 2424 Training and staff development professionals
  { iscoGroup: '2424', essential: ['edu.training-needs-analysis', 'edu.instructional-design', 'edu.training-delivery', 'edu.adult-learning'], optional: ['edu.e-learning', 'edu.training-of-trainers', 'mgmt.monitoring-evaluation', 'edu.mentoring', 'osh.safety-training'] },
  // 2511 Systems analysts
  { iscoGroup: '2511', essential: ['ict.systems-analysis', 'ict.requirements-analysis', 'mgmt.business-process-analysis', 'ict.database-design'], optional: ['ict.sql', 'ict.agile-development', 'ict.software-architecture', 'ict.ui-ux-design'] },
  // 2512 Software developers
  { iscoGroup: '2512', essential: ['ict.software-architecture', 'ict.version-control', 'ict.software-testing', 'ict.sql', 'ict.agile-development'], optional: ['ict.typescript', 'ict.java', 'ict.python', 'ict.csharp', 'ict.devops', 'ict.containerisation', 'ict.rest-api-design', 'ict.cloud-computing'] },
  // 2513 Web and multimedia developers
  { iscoGroup: '2513', essential: ['ict.html-css', 'ict.javascript', 'ict.web-development', 'ict.ui-ux-design'], optional: ['ict.typescript', 'ict.react', 'ict.nodejs', 'ict.php', 'ict.web-accessibility', 'ict.content-management-systems', 'ict.multimedia-design', 'ict.software-localisation'] },
  // 2514 Applications programmers
  { iscoGroup: '2514', essential: ['ict.version-control', 'ict.software-testing', 'ict.sql', 'ict.rest-api-design'], optional: ['ict.java', 'ict.csharp', 'ict.python', 'ict.mobile-development', 'ict.typescript'] },
  // 2519 Software and applications developers and analysts not elsewhere classified
  { iscoGroup: '2519', essential: ['ict.software-testing', 'ict.requirements-analysis', 'soft.attention-to-detail'], optional: ['ict.python', 'ict.devops', 'ict.agile-development', 'ict.web-accessibility'] },
  // 2521 Database designers and administrators
  { iscoGroup: '2521', essential: ['ict.database-design', 'ict.database-administration', 'ict.sql', 'ict.backup-recovery'], optional: ['ict.linux-administration', 'ict.cloud-computing', 'ict.data-protection', 'ict.python'] },
  // 2522 Systems administrators
  { iscoGroup: '2522', essential: ['ict.linux-administration', 'ict.windows-server', 'ict.backup-recovery', 'ict.network-administration'], optional: ['ict.containerisation', 'ict.kubernetes', 'ict.cloud-computing', 'ict.it-service-management', 'ict.cybersecurity'] },
  // 2523 Computer network professionals
  { iscoGroup: '2523', essential: ['ict.network-administration', 'ict.network-security', 'ict.telecommunications-networks'], optional: ['ict.cloud-computing', 'ict.linux-administration', 'voc.telecom-cabling'] },
  // 2529 Database and network professionals not elsewhere classified (includes security specialists)
  { iscoGroup: '2529', essential: ['ict.cybersecurity', 'ict.network-security', 'ict.security-incident-response', 'ict.data-protection'], optional: ['ict.linux-administration', 'ict.python', 'ict.cloud-computing', 'mgmt.enterprise-risk-management'] },
  // 2631 Economists
  { iscoGroup: '2631', essential: ['mgmt.economic-analysis', 'stat.econometrics', 'stat.data-analysis', 'stat.national-accounts'], optional: ['stat.time-series-analysis', 'stat.stata', 'stat.r-programming', 'mgmt.policy-analysis', 'pes.labour-market-information', 'mgmt.islamic-finance'] },
  // 2635 Social work and counselling professionals
  { iscoGroup: '2635', essential: ['pes.case-management', 'soft.active-listening', 'soft.empathy', 'pes.social-protection'], optional: ['pes.motivational-interviewing', 'pes.disability-employment-inclusion', 'soft.conflict-resolution', 'pes.career-counselling'] },
  // 2643 Translators, interpreters and other linguists
  { iscoGroup: '2643', essential: ['lang.translation', 'lang.proofreading', 'lang.terminology-management'], optional: ['lang.interpreting', 'lang.arabic', 'lang.english', 'lang.french', 'ict.software-localisation'] },
  // 3112 Civil engineering technicians
  { iscoGroup: '3112', essential: ['cons.land-surveying', 'cons.setting-out', 'cons.construction-materials', 'voc.blueprint-reading'], optional: ['ict.computer-aided-design', 'cons.quantity-surveying', 'osh.construction-site-safety'] },
  // 3113 Electrical engineering technicians
  { iscoGroup: '3113', essential: ['voc.electrical-installation', 'voc.electrical-testing', 'voc.electrical-troubleshooting', 'osh.electrical-safety', 'voc.blueprint-reading'], optional: ['voc.solar-pv-installation', 'manu.plc-programming', 'osh.lockout-tagout'] },
  // 3115 Mechanical engineering technicians
  { iscoGroup: '3115', essential: ['voc.blueprint-reading', 'manu.industrial-maintenance', 'voc.precision-measurement', 'ict.computer-aided-design'], optional: ['voc.cnc-machining', 'voc.hvac', 'manu.preventive-maintenance'] },
  // 3122 Manufacturing supervisors
  { iscoGroup: '3122', essential: ['mgmt.staff-supervision', 'manu.production-planning', 'manu.quality-control', 'osh.risk-assessment', 'manu.lean-manufacturing'], optional: ['manu.work-study', 'osh.safety-training', 'manu.inventory-control', 'soft.conflict-resolution'] },
  // 3123 Construction supervisors
  { iscoGroup: '3123', essential: ['cons.site-supervision', 'osh.construction-site-safety', 'voc.blueprint-reading', 'cons.construction-planning', 'mgmt.staff-supervision'], optional: ['cons.quantity-surveying', 'cons.setting-out', 'osh.working-at-height', 'osh.permit-to-work'] },
  // 3212 Medical and pathology laboratory technicians
  { iscoGroup: '3212', essential: ['health.laboratory-testing', 'health.specimen-handling', 'health.infection-control', 'manu.quality-control'], optional: ['health.phlebotomy', 'health.electronic-health-records', 'osh.chemical-safety', 'health.sterilisation'] },
  // 3213 Pharmaceutical technicians and assistants
  { iscoGroup: '3213', essential: ['health.dispensing', 'manu.inventory-control', 'health.pharmacology'], optional: ['soft.customer-service', 'hosp.point-of-sale', 'soft.attention-to-detail'] },
  // 3221 Nursing associate professionals
  { iscoGroup: '3221', essential: ['health.nursing', 'health.patient-care', 'health.vital-signs', 'health.medication-administration', 'health.infection-control'], optional: ['health.wound-care', 'health.basic-life-support', 'health.personal-care', 'health.patient-handling', 'health.clinical-documentation'] },
  // 3222 Midwifery associate professionals
  { iscoGroup: '3222', essential: ['health.midwifery', 'health.maternal-newborn-care', 'health.vital-signs', 'health.infection-control'], optional: ['health.health-education', 'health.immunisation', 'health.basic-life-support'] },
  // 3256 Medical assistants
  { iscoGroup: '3256', essential: ['health.vital-signs', 'health.clinical-documentation', 'health.patient-communication', 'health.infection-control'], optional: ['health.phlebotomy', 'health.immunisation', 'mgmt.diary-management', 'health.electronic-health-records'] },
  // 3257 Environmental and occupational health inspectors and associates
  { iscoGroup: '3257', essential: ['osh.safety-inspection', 'osh.labour-inspection', 'osh.osh-legislation', 'osh.hazard-identification', 'osh.risk-assessment', 'soft.report-writing'], optional: ['osh.incident-investigation', 'osh.occupational-hygiene', 'hosp.food-safety', 'osh.fire-safety', 'osh.ilo-osh-conventions', 'osh.accident-reporting'] },
  // 3258 Ambulance workers
  { iscoGroup: '3258', essential: ['health.emergency-care', 'health.basic-life-support', 'health.triage', 'health.patient-handling', 'voc.defensive-driving'], optional: ['health.vital-signs', 'health.clinical-documentation', 'soft.stress-management'] },
  // 3314 Statistical, mathematical and related associate professionals
  { iscoGroup: '3314', essential: ['stat.data-cleaning', 'stat.descriptive-statistics', 'stat.data-entry', 'ict.spreadsheets', 'stat.data-quality-assessment'], optional: ['stat.spss', 'stat.stata', 'stat.r-programming', 'stat.data-visualisation', 'stat.capi', 'stat.labour-force-survey-methods', 'stat.sdmx'] },
  // 3333 Employment agents and contractors
  { iscoGroup: '3333', essential: ['pes.job-matching', 'pes.recruitment', 'pes.candidate-screening', 'pes.employer-outreach', 'soft.negotiation'], optional: ['pes.labour-law', 'pes.private-employment-agencies', 'pes.labour-migration', 'pes.online-job-portals', 'mgmt.contract-management', 'pes.vacancy-management'] },
  // 3343 Administrative and executive secretaries
  { iscoGroup: '3343', essential: ['mgmt.office-administration', 'mgmt.diary-management', 'ict.office-software', 'mgmt.records-management', 'soft.communication'], optional: ['lang.english', 'lang.french', 'soft.report-writing', 'soft.time-management'] },
  // 3412 Social work associate professionals
  { iscoGroup: '3412', essential: ['pes.case-management', 'soft.empathy', 'pes.social-protection'], optional: ['pes.job-search-assistance', 'pes.disability-employment-inclusion', 'soft.active-listening'] },
  // 3434 Chefs
  { iscoGroup: '3434', essential: ['hosp.cooking-techniques', 'hosp.menu-planning', 'hosp.kitchen-management', 'hosp.food-safety', 'hosp.haccp'], optional: ['hosp.halal-standards', 'hosp.allergen-management', 'manu.inventory-control', 'mgmt.staff-supervision', 'voc.pastry-making'] },
  // 3511 Information and communications technology operations technicians
  { iscoGroup: '3511', essential: ['ict.it-service-management', 'ict.backup-recovery', 'ict.linux-administration'], optional: ['ict.windows-server', 'ict.network-administration', 'ict.cloud-computing'] },
  // 3512 Information and communications technology user support technicians
  { iscoGroup: '3512', essential: ['ict.it-support', 'ict.hardware-troubleshooting', 'ict.office-software', 'soft.customer-service'], optional: ['ict.windows-server', 'ict.network-administration', 'ict.it-service-management', 'soft.active-listening'] },
  // 3513 Computer network and systems technicians
  { iscoGroup: '3513', essential: ['ict.network-administration', 'voc.telecom-cabling', 'ict.hardware-troubleshooting'], optional: ['ict.network-security', 'ict.linux-administration', 'ict.windows-server'] },
  // 3514 Web technicians
  { iscoGroup: '3514', essential: ['ict.content-management-systems', 'ict.html-css', 'ict.web-development'], optional: ['ict.web-accessibility', 'ict.linux-administration', 'ict.php', 'ict.javascript'] },
  // 4110 General office clerks
  { iscoGroup: '4110', essential: ['mgmt.office-administration', 'ict.office-software', 'mgmt.records-management', 'stat.data-entry'], optional: ['soft.customer-service', 'ict.spreadsheets', 'soft.time-management'] },
  // 4132 Data entry clerks
  { iscoGroup: '4132', essential: ['stat.data-entry', 'ict.spreadsheets', 'soft.attention-to-detail'], optional: ['ict.office-software', 'stat.data-cleaning', 'ict.digital-literacy'] },
  // 4222 Contact centre information clerks
  { iscoGroup: '4222', essential: ['soft.customer-service', 'soft.active-listening', 'soft.communication', 'ict.digital-literacy'], optional: ['lang.english', 'lang.french', 'lang.arabic', 'soft.stress-management', 'soft.conflict-resolution'] },
  // 4224 Hotel receptionists
  { iscoGroup: '4224', essential: ['hosp.front-desk', 'hosp.reservations', 'hosp.guest-relations', 'soft.customer-service', 'hosp.cash-handling'], optional: ['lang.english', 'lang.french', 'lang.arabic', 'hosp.point-of-sale', 'hosp.hajj-umrah-services'] },
  // 4227 Survey and market research interviewers
  { iscoGroup: '4227', essential: ['stat.field-interviewing', 'stat.capi', 'soft.communication', 'soft.attention-to-detail'], optional: ['stat.data-entry', 'stat.labour-force-survey-methods', 'stat.census-methods', 'soft.intercultural-communication'] },
  // 5120 Cooks
  { iscoGroup: '5120', essential: ['hosp.cooking-techniques', 'hosp.food-preparation', 'hosp.food-safety'], optional: ['hosp.halal-standards', 'hosp.allergen-management', 'hosp.menu-planning', 'voc.baking', 'voc.pastry-making'] },
  // 5131 Waiters
  { iscoGroup: '5131', essential: ['hosp.table-service', 'soft.customer-service', 'hosp.food-safety', 'hosp.beverage-service'], optional: ['hosp.point-of-sale', 'hosp.cash-handling', 'hosp.allergen-management', 'lang.english'] },
  // 5151 Cleaning and housekeeping supervisors in offices, hotels and other establishments
  { iscoGroup: '5151', essential: ['hosp.housekeeping', 'hosp.cleaning-techniques', 'mgmt.staff-supervision'], optional: ['osh.chemical-safety', 'manu.inventory-control', 'hosp.guest-relations'] },
  // 5246 Food service counter attendants
  { iscoGroup: '5246', essential: ['hosp.food-safety', 'soft.customer-service', 'hosp.cash-handling'], optional: ['hosp.barista', 'hosp.point-of-sale', 'hosp.food-preparation'] },
  // 5311 Child care workers
  { iscoGroup: '5311', essential: ['edu.child-development', 'osh.first-aid', 'edu.early-childhood-education'], optional: ['soft.empathy', 'edu.special-needs-education', 'hosp.food-safety'] },
  // 5321 Health care assistants
  { iscoGroup: '5321', essential: ['health.personal-care', 'health.patient-care', 'health.vital-signs', 'health.infection-control', 'health.patient-handling'], optional: ['health.elderly-care', 'health.basic-life-support', 'health.patient-communication'] },
  // 5322 Home-based personal care workers
  { iscoGroup: '5322', essential: ['health.personal-care', 'health.elderly-care', 'health.patient-handling'], optional: ['hosp.food-preparation', 'osh.first-aid', 'soft.empathy', 'health.medication-administration'] },
  // 5414 Security guards
  { iscoGroup: '5414', essential: ['osh.emergency-preparedness', 'osh.fire-safety', 'osh.first-aid'], optional: ['soft.conflict-resolution', 'soft.customer-service', 'osh.fire-fighting-equipment', 'soft.report-writing'] },
  // 6111 Field crop and vegetable growers
  { iscoGroup: '6111', essential: ['agri.crop-production', 'agri.irrigation', 'agri.soil-fertility', 'agri.harvesting', 'agri.integrated-pest-management'], optional: ['agri.drip-irrigation', 'agri.pesticide-application', 'agri.farm-machinery', 'agri.greenhouse-cultivation', 'agri.organic-farming'] },
  // 6112 Tree and shrub crop growers
  { iscoGroup: '6112', essential: ['agri.orchard-management', 'agri.irrigation', 'agri.harvesting', 'agri.integrated-pest-management'], optional: ['agri.date-palm-cultivation', 'agri.drip-irrigation', 'agri.plant-propagation', 'agri.pesticide-application'] },
  // 6113 Gardeners, horticultural and nursery growers
  { iscoGroup: '6113', essential: ['agri.plant-propagation', 'agri.greenhouse-cultivation', 'agri.irrigation', 'agri.soil-fertility'], optional: ['agri.drip-irrigation', 'agri.organic-farming', 'agri.integrated-pest-management'] },
  // 6121 Livestock and dairy producers
  { iscoGroup: '6121', essential: ['agri.livestock-husbandry', 'agri.animal-feeding', 'agri.animal-health', 'agri.dairy-production'], optional: ['agri.biosecurity', 'agri.farm-business-management', 'hosp.food-safety', 'agri.farm-machinery'] },
  // 6122 Poultry producers
  { iscoGroup: '6122', essential: ['agri.poultry-farming', 'agri.animal-feeding', 'agri.animal-health', 'agri.biosecurity'], optional: ['agri.farm-business-management', 'hosp.halal-standards'] },
  // 6221 Aquaculture workers
  { iscoGroup: '6221', essential: ['agri.aquaculture', 'agri.animal-feeding', 'agri.animal-health'], optional: ['agri.biosecurity', 'agri.harvesting'] },
  // 7111 House builders
  { iscoGroup: '7111', essential: ['cons.bricklaying', 'cons.concrete-placing', 'voc.blueprint-reading', 'voc.carpentry'], optional: ['cons.roofing', 'cons.plastering', 'cons.tiling', 'osh.construction-site-safety'] },
  // 7112 Bricklayers and related workers
  { iscoGroup: '7112', essential: ['cons.bricklaying', 'cons.blockwork', 'cons.setting-out', 'voc.blueprint-reading'], optional: ['cons.plastering', 'cons.scaffolding', 'osh.working-at-height', 'osh.manual-handling'] },
  // 7114 Concrete placers, concrete finishers and related workers
  { iscoGroup: '7114', essential: ['cons.concrete-placing', 'cons.concrete-finishing', 'cons.formwork', 'cons.rebar-fixing'], optional: ['voc.blueprint-reading', 'osh.ppe-use', 'cons.construction-materials'] },
  // 7115 Carpenters and joiners
  { iscoGroup: '7115', essential: ['voc.carpentry', 'voc.joinery', 'voc.hand-power-tools', 'voc.blueprint-reading', 'voc.precision-measurement'], optional: ['cons.formwork', 'voc.furniture-making', 'cons.roofing', 'osh.working-at-height'] },
  // 7119 Building frame and related trades workers not elsewhere classified (includes scaffolders)
  { iscoGroup: '7119', essential: ['cons.scaffolding', 'osh.working-at-height', 'osh.fall-protection'], optional: ['cons.rigging-slinging', 'cons.steel-erection', 'cons.formwork'] },
  // 7121 Roofers
  { iscoGroup: '7121', essential: ['cons.roofing', 'cons.waterproofing', 'osh.working-at-height', 'osh.fall-protection'], optional: ['cons.thermal-insulation', 'voc.solar-pv-installation', 'voc.hand-power-tools'] },
  // 7122 Floor layers and tile setters
  { iscoGroup: '7122', essential: ['cons.tiling', 'voc.precision-measurement', 'voc.hand-power-tools'], optional: ['cons.waterproofing', 'cons.setting-out', 'osh.manual-handling'] },
  // 7123 Plasterers
  { iscoGroup: '7123', essential: ['cons.plastering', 'cons.drywall', 'voc.hand-power-tools'], optional: ['cons.thermal-insulation', 'cons.scaffolding', 'cons.painting-decorating'] },
  // 7124 Insulation workers
  { iscoGroup: '7124', essential: ['cons.thermal-insulation', 'cons.waterproofing', 'osh.ppe-use'], optional: ['voc.hvac', 'osh.working-at-height', 'cons.green-building'] },
  // 7126 Plumbers and pipe fitters
  { iscoGroup: '7126', essential: ['voc.plumbing', 'voc.pipe-fitting', 'voc.blueprint-reading', 'voc.hand-power-tools'], optional: ['voc.welding-tig', 'voc.welding-smaw', 'osh.confined-spaces', 'cons.building-codes', 'cons.waterproofing'] },
  // 7127 Air conditioning and refrigeration mechanics
  { iscoGroup: '7127', essential: ['voc.hvac', 'voc.refrigeration', 'voc.refrigerant-handling', 'voc.electrical-troubleshooting'], optional: ['voc.pipe-fitting', 'osh.electrical-safety', 'osh.working-at-height', 'soft.customer-service'] },
  // 7131 Painters and related workers
  { iscoGroup: '7131', essential: ['cons.painting-decorating', 'voc.hand-power-tools', 'osh.chemical-safety'], optional: ['cons.scaffolding', 'osh.working-at-height', 'osh.ppe-use'] },
  // 7212 Welders and flamecutters
  { iscoGroup: '7212', essential: ['voc.welding-smaw', 'voc.welding-mig', 'voc.oxy-fuel-cutting', 'voc.blueprint-reading', 'osh.ppe-use'], optional: ['voc.welding-tig', 'voc.weld-inspection', 'voc.metal-fabrication', 'osh.fire-safety', 'osh.confined-spaces'] },
  // 7213 Sheet-metal workers
  { iscoGroup: '7213', essential: ['voc.sheet-metal-work', 'voc.blueprint-reading', 'voc.hand-power-tools'], optional: ['voc.welding-mig', 'voc.precision-measurement', 'voc.hvac'] },
  // 7214 Structural-metal preparers and erectors
  { iscoGroup: '7214', essential: ['voc.metal-fabrication', 'cons.steel-erection', 'voc.blueprint-reading', 'osh.working-at-height'], optional: ['voc.welding-smaw', 'cons.rigging-slinging', 'voc.oxy-fuel-cutting', 'osh.fall-protection'] },
  // 7223 Metal working machine tool setters and operators
  { iscoGroup: '7223', essential: ['voc.cnc-machining', 'voc.lathe-operation', 'voc.milling', 'voc.precision-measurement', 'voc.blueprint-reading'], optional: ['ict.computer-aided-design', 'manu.quality-control', 'osh.machine-guarding'] },
  // 7231 Motor vehicle mechanics and repairers
  { iscoGroup: '7231', essential: ['voc.automotive-repair', 'voc.engine-diagnostics', 'voc.brake-systems', 'voc.automotive-electrical', 'voc.hand-power-tools'], optional: ['voc.welding-mig', 'soft.customer-service', 'osh.chemical-safety'] },
  // 7233 Agricultural and industrial machinery mechanics and repairers
  { iscoGroup: '7233', essential: ['voc.heavy-equipment-maintenance', 'voc.engine-diagnostics', 'manu.preventive-maintenance', 'voc.hand-power-tools'], optional: ['voc.welding-smaw', 'agri.farm-machinery', 'osh.lockout-tagout'] },
  // 7411 Building and related electricians
  { iscoGroup: '7411', essential: ['voc.electrical-installation', 'voc.electrical-testing', 'osh.electrical-safety', 'voc.blueprint-reading', 'cons.building-codes'], optional: ['voc.electrical-troubleshooting', 'voc.solar-pv-installation', 'osh.lockout-tagout', 'osh.working-at-height'] },
  // 7412 Electrical mechanics and fitters
  { iscoGroup: '7412', essential: ['voc.electrical-troubleshooting', 'voc.electrical-testing', 'osh.electrical-safety', 'manu.industrial-maintenance'], optional: ['manu.plc-programming', 'osh.lockout-tagout', 'manu.preventive-maintenance'] },
  // 7421 Electronics mechanics and servicers
  { iscoGroup: '7421', essential: ['voc.electronics-repair', 'voc.soldering', 'voc.electrical-troubleshooting'], optional: ['voc.mobile-device-repair', 'manu.product-inspection', 'osh.electrical-safety'] },
  // 7422 Information and communications technology installers and servicers
  { iscoGroup: '7422', essential: ['voc.telecom-cabling', 'ict.hardware-troubleshooting', 'ict.network-administration'], optional: ['ict.it-support', 'osh.working-at-height', 'osh.electrical-safety'] },
  // 7512 Bakers, pastry-cooks and confectionery makers
  { iscoGroup: '7512', essential: ['voc.baking', 'voc.pastry-making', 'hosp.food-safety'], optional: ['hosp.halal-standards', 'manu.food-machine-operation', 'hosp.allergen-management'] },
  // 7522 Cabinet-makers and related workers
  { iscoGroup: '7522', essential: ['voc.furniture-making', 'voc.joinery', 'voc.hand-power-tools'], optional: ['voc.blueprint-reading', 'voc.cnc-machining', 'ict.computer-aided-design'] },
  // 7531 Tailors, dressmakers, furriers and hatters
  { iscoGroup: '7531', essential: ['voc.tailoring', 'voc.pattern-making', 'soft.attention-to-detail'], optional: ['manu.textile-machine-operation', 'soft.customer-service'] },
  // 7543 Product graders and testers (excluding foods and beverages)
  { iscoGroup: '7543', essential: ['manu.product-inspection', 'manu.quality-control', 'voc.precision-measurement'], optional: ['manu.quality-management-systems', 'soft.attention-to-detail', 'soft.report-writing'] },
  // 8121 Metal processing plant operators
  { iscoGroup: '8121', essential: ['manu.metal-processing', 'manu.machine-operation', 'osh.heat-stress-prevention', 'osh.ppe-use'], optional: ['manu.quality-control', 'osh.noise-control', 'manu.preventive-maintenance'] },
  // 8131 Chemical products plant and machine operators
  { iscoGroup: '8131', essential: ['manu.chemical-process-operation', 'osh.chemical-safety', 'osh.process-safety', 'osh.safety-data-sheets'], optional: ['manu.quality-control', 'osh.permit-to-work', 'osh.lockout-tagout', 'manu.good-manufacturing-practice'] },
  // 8160 Food and related products machine operators
  { iscoGroup: '8160', essential: ['manu.food-machine-operation', 'manu.food-processing', 'hosp.food-safety', 'manu.packaging'], optional: ['hosp.haccp', 'hosp.halal-standards', 'manu.good-manufacturing-practice', 'manu.quality-control'] },
  // 8211 Mechanical machinery assemblers
  { iscoGroup: '8211', essential: ['manu.assembly', 'voc.blueprint-reading', 'voc.hand-power-tools', 'manu.quality-control'], optional: ['voc.precision-measurement', 'manu.lean-manufacturing', 'osh.manual-handling'] },
  // 8219 Assemblers not elsewhere classified
  { iscoGroup: '8219', essential: ['manu.assembly', 'soft.following-procedures', 'manu.product-inspection'], optional: ['manu.lean-manufacturing', 'osh.ergonomics'] },
  // 8322 Car, taxi and van drivers
  { iscoGroup: '8322', essential: ['voc.passenger-transport-driving', 'voc.defensive-driving', 'voc.pre-trip-inspection', 'soft.customer-service'], optional: ['lang.english', 'hosp.cash-handling'] },
  // 8332 Heavy truck and lorry drivers
  { iscoGroup: '8332', essential: ['voc.heavy-vehicle-driving', 'voc.defensive-driving', 'voc.pre-trip-inspection'], optional: ['osh.manual-handling', 'manu.warehouse-operations', 'osh.chemical-safety'] },
  // 8342 Earthmoving and related plant operators
  { iscoGroup: '8342', essential: ['cons.earthmoving', 'voc.pre-trip-inspection', 'osh.construction-site-safety'], optional: ['cons.road-construction', 'voc.heavy-equipment-maintenance', 'cons.setting-out'] },
  // 8343 Crane, hoist and related plant operators
  { iscoGroup: '8343', essential: ['cons.crane-operation', 'cons.rigging-slinging', 'osh.construction-site-safety', 'voc.pre-trip-inspection'], optional: ['osh.working-at-height', 'osh.permit-to-work'] },
  // 8344 Lifting truck operators
  { iscoGroup: '8344', essential: ['manu.forklift-operation', 'manu.warehouse-operations', 'voc.pre-trip-inspection'], optional: ['manu.inventory-control', 'osh.manual-handling', 'osh.safety-signage'] },
  // 9112 Cleaners and helpers in offices, hotels and other establishments
  { iscoGroup: '9112', essential: ['hosp.cleaning-techniques', 'osh.chemical-safety', 'soft.following-procedures'], optional: ['hosp.housekeeping', 'osh.manual-handling', 'osh.ppe-use'] },
  // 9211 Crop farm labourers
  { iscoGroup: '9211', essential: ['agri.harvesting', 'osh.manual-handling', 'soft.physical-stamina'], optional: ['agri.irrigation', 'agri.pesticide-application', 'osh.heat-stress-prevention'] },
  // 9312 Civil engineering labourers
  { iscoGroup: '9312', essential: ['osh.construction-site-safety', 'osh.manual-handling', 'soft.physical-stamina'], optional: ['cons.road-construction', 'cons.concrete-placing', 'osh.ppe-use'] },
  // 9313 Building construction labourers
  { iscoGroup: '9313', essential: ['osh.construction-site-safety', 'osh.manual-handling', 'osh.ppe-use', 'soft.physical-stamina'], optional: ['cons.concrete-placing', 'cons.scaffolding', 'voc.hand-power-tools', 'cons.bricklaying'] },
  // 9329 Manufacturing labourers not elsewhere classified
  { iscoGroup: '9329', essential: ['osh.manual-handling', 'manu.packaging', 'soft.following-procedures'], optional: ['manu.forklift-operation', 'osh.ppe-use', 'soft.teamwork'] },
  // 9412 Kitchen helpers
  { iscoGroup: '9412', essential: ['hosp.kitchen-cleaning', 'hosp.food-safety', 'hosp.food-preparation'], optional: ['osh.manual-handling', 'soft.teamwork', 'osh.chemical-safety'] },
] as const satisfies readonly OccupationSkillsRecord[];

/** The typical skills of each covered ISCO-08 unit group, sorted by unit group code; frozen. */
export const OCCUPATION_SKILLS: readonly OccupationSkills[] = deepFreeze(
  OCCUPATION_SKILLS_RECORDS.map((record: OccupationSkillsRecord) => ({
    iscoGroup: record.iscoGroup,
    essential: [...record.essential],
    optional: [...record.optional],
  })).sort((a, b) => (a.iscoGroup < b.iscoGroup ? -1 : a.iscoGroup > b.iscoGroup ? 1 : 0)),
);
