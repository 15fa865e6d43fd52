// The search benchmark's vacancies: published vacancies with a realistic spread, generated in
// JavaScript from a seeded PRNG (same seed, same texts) and bulk-inserted with SQL.
//
// - Country: the 57 member states weighted by population (rough 2023 figures, millions; a floor
//   of 1 so the smallest states still have a few dozen vacancies); the employer's country for
//   90 % of its vacancies.
// - Occupation: 75 % from ~70 common occupations (real ISCO-08 unit groups, weighted, singular
//   job titles per language), 25 % any of the 436 unit groups with its ISCO title, so every major
//   group (0 armed forces … 9 elementary) occurs.
// - Text: title and description in one to three of ar/en/fr (the country's usual languages first),
//   from per-occupation-family templates: duties, skills (labels of the occupation's skills from
//   SKILLS / OCCUPATION_SKILLS), experience, benefits and sometimes the colleagues ("work with
//   site engineers"). Some Arabic titles carry harakat, some Arabic texts drop the hamza on alef,
//   some French texts are typed without accents, as people write them.
// - Contract types, work modes, eligibility (70 % all member states, else listed countries of the
//   same OIC group), salary (60 %), published over the last 90 days (more recent more often),
//   closing dates 1–120 days ahead.
import { randomUUID } from 'node:crypto';
import { COUNTRIES, ISCO_GROUPS, OCCUPATION_SKILLS, SKILLS } from '@olp/reference-data';

/** Mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from `[item, weight]` pairs with cumulative weights and binary search. */
function weighted(pairs) {
  const items = pairs.map(([item]) => item);
  const cumulative = [];
  let sum = 0;
  for (const [, w] of pairs) cumulative.push((sum += w));
  return (random) => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const int = (random, min, max) => min + Math.floor(random() * (max - min + 1));

// ---- countries --------------------------------------------------------------------------------

/** Population (millions, ~2023), largest city or capital, usual languages of job ads (first = main). */
const COUNTRY_INFO = {
  DZ: [45.6, 'Algiers', ['ar', 'fr']], BH: [1.5, 'Manama', ['ar', 'en']], KM: [0.85, 'Moroni', ['fr', 'ar']],
  DJ: [1.1, 'Djibouti', ['fr', 'ar']], EG: [112.7, 'Cairo', ['ar', 'en']], IQ: [45.5, 'Baghdad', ['ar', 'en']],
  JO: [11.3, 'Amman', ['ar', 'en']], KW: [4.3, 'Kuwait City', ['ar', 'en']], LB: [5.4, 'Beirut', ['ar', 'fr', 'en']],
  LY: [6.9, 'Tripoli', ['ar', 'en']], MR: [4.9, 'Nouakchott', ['ar', 'fr']], MA: [37.8, 'Casablanca', ['fr', 'ar']],
  OM: [4.6, 'Muscat', ['ar', 'en']], PS: [5.4, 'Ramallah', ['ar', 'en']], QA: [2.7, 'Doha', ['ar', 'en']],
  SA: [36.9, 'Riyadh', ['ar', 'en']], SO: [18.1, 'Mogadishu', ['ar', 'en']], SD: [48.1, 'Khartoum', ['ar', 'en']],
  SY: [23.2, 'Damascus', ['ar', 'en']], TN: [12.5, 'Tunis', ['fr', 'ar']], AE: [9.5, 'Dubai', ['en', 'ar']],
  YE: [34.4, "Sana'a", ['ar', 'en']], BJ: [13.7, 'Cotonou', ['fr', 'en']], BF: [23.3, 'Ouagadougou', ['fr', 'en']],
  CM: [28.6, 'Douala', ['fr', 'en']], TD: [18.3, "N'Djamena", ['fr', 'ar']], CI: [28.9, 'Abidjan', ['fr', 'en']],
  GA: [2.4, 'Libreville', ['fr', 'en']], GM: [2.8, 'Banjul', ['en', 'fr']], GN: [14.2, 'Conakry', ['fr', 'en']],
  GW: [2.2, 'Bissau', ['fr', 'en']], ML: [23.3, 'Bamako', ['fr', 'ar']], MZ: [33.9, 'Maputo', ['en', 'fr']],
  NE: [27.2, 'Niamey', ['fr', 'ar']], NG: [223.8, 'Lagos', ['en', 'fr']], SN: [17.8, 'Dakar', ['fr', 'en']],
  SL: [8.8, 'Freetown', ['en', 'fr']], TG: [9.1, 'Lomé', ['fr', 'en']], UG: [48.6, 'Kampala', ['en', 'fr']],
  AF: [42.2, 'Kabul', ['en', 'ar']], AL: [2.8, 'Tirana', ['en', 'fr']], AZ: [10.4, 'Baku', ['en', 'ar']],
  BD: [173.0, 'Dhaka', ['en', 'ar']], BN: [0.45, 'Bandar Seri Begawan', ['en', 'ar']], GY: [0.81, 'Georgetown', ['en', 'fr']],
  ID: [277.5, 'Jakarta', ['en', 'ar']], IR: [89.2, 'Tehran', ['en', 'ar']], KZ: [19.6, 'Almaty', ['en', 'fr']],
  KG: [7.0, 'Bishkek', ['en', 'fr']], MY: [34.3, 'Kuala Lumpur', ['en', 'ar']], MV: [0.52, 'Malé', ['en', 'ar']],
  PK: [240.5, 'Karachi', ['en', 'ar']], SR: [0.62, 'Paramaribo', ['en', 'fr']], TJ: [10.1, 'Dushanbe', ['en', 'fr']],
  TR: [85.8, 'Istanbul', ['en', 'ar']], TM: [6.5, 'Ashgabat', ['en', 'fr']], UZ: [35.2, 'Tashkent', ['en', 'fr']],
};

// ---- occupations ------------------------------------------------------------------------------

/** Per family: duties in en / fr / ar. */
const DUTIES = {
  engineering: [
    ['prepare designs and technical specifications', 'préparer les plans et les spécifications techniques', 'إعداد التصاميم والمواصفات الفنية'],
    ['supervise works on site', 'superviser les travaux sur le chantier', 'الإشراف على الأعمال في الموقع'],
    ['check quality and safety standards', 'contrôler la qualité et le respect des normes de sécurité', 'التحقق من معايير الجودة والسلامة'],
    ['coordinate with contractors and consultants', "coordonner avec les entreprises et les bureaux d'études", 'التنسيق مع المقاولين والاستشاريين'],
    ['estimate costs and schedules', 'estimer les coûts et les délais', 'تقدير التكاليف والجداول الزمنية'],
  ],
  health: [
    ['provide patient care', 'assurer les soins aux patients', 'تقديم الرعاية للمرضى'],
    ['keep accurate medical records', 'tenir les dossiers médicaux à jour', 'الحفاظ على دقة السجلات الطبية'],
    ['follow infection control procedures', 'appliquer les procédures de contrôle des infections', 'اتباع إجراءات مكافحة العدوى'],
    ['work in rotating shifts at the hospital', "travailler en horaires alternés à l'hôpital", 'العمل بنظام المناوبات في المستشفى'],
    ['advise patients and families', 'conseiller les patients et leurs familles', 'تقديم المشورة للمرضى وأسرهم'],
  ],
  education: [
    ['plan and deliver lessons', 'préparer et animer les cours', 'تخطيط الدروس وتقديمها'],
    ['assess student progress', 'évaluer les progrès des élèves', 'تقييم تقدم الطلاب'],
    ['communicate with parents', 'communiquer avec les parents', 'التواصل مع أولياء الأمور'],
    ['contribute to the school curriculum', "contribuer au programme de l'établissement", 'المساهمة في تطوير المناهج المدرسية'],
  ],
  business: [
    ['prepare monthly reports', 'préparer les rapports mensuels', 'إعداد التقارير الشهرية'],
    ['manage budgets and invoices', 'gérer les budgets et les factures', 'إدارة الميزانيات والفواتير'],
    ['serve clients and partners', 'accompagner les clients et les partenaires', 'خدمة العملاء والشركاء'],
    ['improve internal procedures', 'améliorer les procédures internes', 'تحسين الإجراءات الداخلية'],
    ['negotiate with suppliers', 'négocier avec les fournisseurs', 'التفاوض مع الموردين'],
  ],
  ict: [
    ['develop and maintain applications', 'développer et maintenir des applications', 'تطوير التطبيقات وصيانتها'],
    ['administer servers and networks', 'administrer les serveurs et les réseaux', 'إدارة الخوادم والشبكات'],
    ['protect systems against cyber attacks', 'protéger les systèmes contre les cyberattaques', 'حماية الأنظمة من الهجمات الإلكترونية'],
    ['support users', 'assister les utilisateurs', 'دعم المستخدمين'],
  ],
  trades: [
    ['install and repair equipment', 'installer et réparer les équipements', 'تركيب المعدات وإصلاحها'],
    ['read technical drawings', 'lire les plans techniques', 'قراءة المخططات الفنية'],
    ['follow health and safety rules', "respecter les règles d'hygiène et de sécurité", 'الالتزام بقواعد الصحة والسلامة'],
    ['maintain tools and the workshop', "entretenir l'outillage et l'atelier", 'صيانة الأدوات والورشة'],
  ],
  transport: [
    ['drive company vehicles safely', "conduire les véhicules de l'entreprise en toute sécurité", 'قيادة مركبات الشركة بأمان'],
    ['plan delivery routes', 'planifier les tournées de livraison', 'تخطيط مسارات التوصيل'],
    ['load and unload goods', 'charger et décharger les marchandises', 'تحميل البضائع وتفريغها'],
    ['keep the logbook up to date', 'tenir le carnet de bord à jour', 'تحديث سجل الرحلات'],
  ],
  hospitality: [
    ['welcome guests', 'accueillir les clients', 'استقبال الضيوف'],
    ['prepare meals to halal standards', 'préparer les repas selon les normes halal', 'إعداد الوجبات وفق معايير الحلال'],
    ['keep the kitchen clean', 'veiller à la propreté de la cuisine', 'الحفاظ على نظافة المطبخ'],
    ['handle reservations', 'gérer les réservations', 'إدارة الحجوزات'],
  ],
  agriculture: [
    ['prepare fields and irrigation', "préparer les parcelles et l'irrigation", 'تجهيز الحقول والري'],
    ['care for livestock', "s'occuper du bétail", 'رعاية الماشية'],
    ['harvest and sort crops', 'récolter et trier les produits', 'حصاد المحاصيل وفرزها'],
    ['operate farm machinery', 'conduire les engins agricoles', 'تشغيل الآلات الزراعية'],
  ],
  general: [
    ['carry out the tasks of the position', 'assurer les missions du poste', 'القيام بمهام الوظيفة'],
    ['work with the team', "travailler avec l'équipe", 'العمل ضمن الفريق'],
    ['report to the manager', 'rendre compte au responsable', 'رفع التقارير إلى المدير'],
    ['follow company procedures', "respecter les procédures de l'entreprise", 'احترام إجراءات الشركة'],
  ],
};

/** The ISCO major group's usual family, for the 25 % drawn from all unit groups. */
const FAMILY_BY_MAJOR = ['general', 'business', 'general', 'general', 'business', 'hospitality', 'agriculture', 'trades', 'transport', 'general'];

/** [ISCO unit group, weight, family, en, fr, ar]: singular job titles as vacancies are written. */
const OCCUPATIONS = [
  ['2142', 30, 'engineering', 'Civil engineer', 'Ingénieur civil', 'مهندس مدني'],
  ['2144', 18, 'engineering', 'Mechanical engineer', 'Ingénieur mécanicien', 'مهندس ميكانيكي'],
  ['2151', 18, 'engineering', 'Electrical engineer', 'Ingénieur électricien', 'مهندس كهرباء'],
  ['2141', 8, 'engineering', 'Industrial engineer', 'Ingénieur industriel', 'مهندس صناعي'],
  ['2145', 5, 'engineering', 'Chemical engineer', 'Ingénieur chimiste', 'مهندس كيميائي'],
  ['2146', 4, 'engineering', 'Mining engineer', 'Ingénieur des mines', 'مهندس تعدين'],
  ['2153', 6, 'engineering', 'Telecommunications engineer', 'Ingénieur télécoms', 'مهندس اتصالات'],
  ['2152', 4, 'engineering', 'Electronics engineer', 'Ingénieur électronicien', 'مهندس إلكترونيات'],
  ['2149', 6, 'engineering', 'Project engineer', "Ingénieur d'études", 'مهندس مشاريع'],
  ['2161', 8, 'engineering', 'Architect', 'Architecte', 'مهندس معماري'],
  ['2132', 4, 'agriculture', 'Agronomist', 'Agronome', 'مهندس زراعي'],
  ['3112', 8, 'engineering', 'Civil engineering technician', 'Technicien génie civil', 'فني هندسة مدنية'],
  ['3113', 5, 'engineering', 'Electrical technician', 'Électrotechnicien', 'فني كهرباء'],
  ['3115', 5, 'engineering', 'Mechanical technician', 'Technicien de maintenance mécanique', 'فني ميكانيكا'],
  ['1323', 6, 'engineering', 'Construction manager', 'Directeur de travaux', 'مدير مشروع إنشاءات'],
  ['3123', 6, 'engineering', 'Site supervisor', 'Chef de chantier', 'مشرف موقع'],
  ['2165', 3, 'engineering', 'Land surveyor', 'Géomètre', 'مساح'],
  ['2221', 28, 'health', 'Nurse', 'Infirmier', 'ممرض'],
  ['2221', 14, 'health', 'Staff nurse', 'Infirmière', 'ممرضة'],
  ['2211', 12, 'health', 'General practitioner', 'Médecin généraliste', 'طبيب عام'],
  ['2262', 7, 'health', 'Pharmacist', 'Pharmacien', 'صيدلي'],
  ['2222', 3, 'health', 'Midwife', 'Sage-femme', 'قابلة'],
  ['3256', 6, 'health', 'Medical assistant', 'Assistant médical', 'مساعد طبي'],
  ['5321', 6, 'health', 'Health care assistant', 'Aide-soignant', 'مساعد رعاية صحية'],
  ['2341', 18, 'education', 'Primary school teacher', 'Enseignant du primaire', 'معلم المرحلة الابتدائية'],
  ['2330', 16, 'education', 'Secondary school teacher', 'Professeur de lycée', 'معلم المرحلة الثانوية'],
  ['2310', 5, 'education', 'University lecturer', 'Enseignant-chercheur', 'محاضر جامعي'],
  ['2411', 16, 'business', 'Accountant', 'Comptable', 'محاسب'],
  ['4311', 8, 'business', 'Bookkeeper', 'Aide-comptable', 'مساعد محاسب'],
  ['1219', 8, 'business', 'Administration manager', 'Responsable administratif', 'مدير إداري'],
  ['1221', 8, 'business', 'Sales manager', 'Directeur commercial', 'مدير مبيعات'],
  ['3322', 14, 'business', 'Sales representative', 'Commercial terrain', 'مندوب مبيعات'],
  ['5223', 16, 'business', 'Shop sales assistant', 'Vendeur en magasin', 'بائع في متجر'],
  ['4110', 12, 'business', 'Office clerk', 'Employé de bureau', 'موظف إداري'],
  ['4222', 8, 'business', 'Call centre agent', 'Téléconseiller', 'موظف مركز اتصال'],
  ['2421', 4, 'business', 'Management consultant', 'Consultant en organisation', 'مستشار إداري'],
  ['1212', 5, 'business', 'Human resources manager', 'Responsable des ressources humaines', 'مدير الموارد البشرية'],
  ['1324', 4, 'business', 'Logistics manager', 'Responsable logistique', 'مدير الخدمات اللوجستية'],
  ['2431', 4, 'business', 'Marketing specialist', 'Chargé de marketing', 'أخصائي تسويق'],
  ['2631', 2, 'business', 'Economist', 'Économiste', 'خبير اقتصادي'],
  ['2120', 2, 'business', 'Statistician', 'Statisticien', 'إحصائي'],
  ['2611', 3, 'business', 'Lawyer', 'Juriste', 'محام'],
  ['2643', 3, 'business', 'Translator', 'Traducteur', 'مترجم'],
  ['2512', 14, 'ict', 'Software developer', 'Développeur logiciel', 'مطور برمجيات'],
  ['2512', 6, 'ict', 'Software engineer', 'Ingénieur logiciel', 'مهندس برمجيات'],
  ['2511', 4, 'ict', 'Systems analyst', 'Analyste systèmes', 'محلل نظم'],
  ['2521', 3, 'ict', 'Database administrator', 'Administrateur de bases de données', 'مسؤول قواعد البيانات'],
  ['3512', 6, 'ict', 'IT support technician', 'Technicien support informatique', 'فني دعم تقني'],
  ['2529', 3, 'ict', 'Cybersecurity specialist', 'Spécialiste en cybersécurité', 'أخصائي أمن المعلومات'],
  ['2166', 3, 'ict', 'Graphic designer', 'Graphiste', 'مصمم جرافيك'],
  ['7411', 12, 'trades', 'Electrician', 'Électricien', 'كهربائي'],
  ['7126', 8, 'trades', 'Plumber', 'Plombier', 'سباك'],
  ['7212', 7, 'trades', 'Welder', 'Soudeur', 'لحام'],
  ['7231', 9, 'trades', 'Car mechanic', 'Mécanicien automobile', 'ميكانيكي سيارات'],
  ['7233', 3, 'trades', 'Heavy equipment mechanic', "Mécanicien d'engins", 'ميكانيكي معدات ثقيلة'],
  ['7115', 6, 'trades', 'Carpenter', 'Menuisier', 'نجار'],
  ['7112', 6, 'trades', 'Mason', 'Maçon', 'بناء'],
  ['8211', 4, 'trades', 'Machine assembler', 'Monteur', 'مجمع آلات'],
  ['8189', 5, 'trades', 'Machine operator', 'Opérateur de production', 'مشغل آلات'],
  ['8160', 3, 'trades', 'Food production operator', 'Opérateur agroalimentaire', 'مشغل خط إنتاج غذائي'],
  ['8322', 18, 'transport', 'Driver', 'Chauffeur', 'سائق'],
  ['8332', 10, 'transport', 'Truck driver', 'Chauffeur poids lourd', 'سائق شاحنة'],
  ['4321', 7, 'transport', 'Storekeeper', 'Magasinier', 'أمين مستودع'],
  ['9333', 6, 'transport', 'Warehouse worker', 'Manutentionnaire', 'عامل مستودع'],
  ['5120', 10, 'hospitality', 'Cook', 'Cuisinier', 'طباخ'],
  ['5131', 8, 'hospitality', 'Waiter', 'Serveur', 'نادل'],
  ['1411', 3, 'hospitality', 'Hotel manager', "Directeur d'hôtel", 'مدير فندق'],
  ['4226', 7, 'hospitality', 'Receptionist', 'Réceptionniste', 'موظف استقبال'],
  ['5141', 3, 'hospitality', 'Hairdresser', 'Coiffeur', 'مصفف شعر'],
  ['5414', 12, 'general', 'Security guard', 'Agent de sécurité', 'حارس أمن'],
  ['9112', 10, 'general', 'Cleaner', "Agent d'entretien", 'عامل نظافة'],
  ['3257', 4, 'engineering', 'HSE officer', 'Responsable HSE', 'مسؤول الصحة والسلامة المهنية'],
  ['2635', 3, 'general', 'Social worker', 'Travailleur social', 'أخصائي اجتماعي'],
  ['6111', 5, 'agriculture', 'Farm worker', 'Ouvrier agricole', 'عامل زراعي'],
  ['6121', 3, 'agriculture', 'Livestock farmer', 'Éleveur', 'مربي ماشية'],
  ['9211', 4, 'agriculture', 'Crop farm labourer', 'Manœuvre agricole', 'عامل مزرعة'],
  ['9313', 8, 'trades', 'Construction labourer', 'Manœuvre du bâtiment', 'عامل بناء'],
];

/** Seniority words: English before the title, French and Arabic after it. */
const QUALIFIERS = [
  ['Senior', 'confirmé', 'أول'],
  ['Junior', 'débutant', 'مبتدئ'],
  ['Lead', 'principal', 'رئيسي'],
  ['Assistant', 'adjoint', 'مساعد'],
  ['Trainee', 'stagiaire', 'متدرب'],
  ['Chief', 'en chef', 'رئيس'],
];

const SECTORS = [
  ['construction', 'BTP', 'البناء والتشييد'],
  ['health care', 'santé', 'الرعاية الصحية'],
  ['oil and gas', 'pétrole et gaz', 'النفط والغاز'],
  ['banking', 'banque', 'المصارف'],
  ['telecommunications', 'télécommunications', 'الاتصالات'],
  ['hospitality', 'hôtellerie', 'الضيافة'],
  ['education', 'éducation', 'التعليم'],
  ['logistics', 'logistique', 'الخدمات اللوجستية'],
  ['manufacturing', 'industrie', 'الصناعة'],
  ['public sector', 'secteur public', 'القطاع العام'],
  ['agriculture', 'agriculture', 'الزراعة'],
  ['retail', 'commerce de détail', 'تجارة التجزئة'],
  ['energy', 'énergie', 'الطاقة'],
  ['water and sanitation', 'eau et assainissement', 'المياه والصرف الصحي'],
];

const BENEFITS = [
  ['a competitive salary and health insurance', 'un salaire compétitif et une assurance maladie', 'راتبا تنافسيا وتأمينا صحيا'],
  ['housing and transport allowances', 'des indemnités de logement et de transport', 'بدلات السكن والنقل'],
  ['annual leave and return tickets', 'des congés annuels et un billet retour', 'إجازة سنوية وتذاكر سفر'],
  ['training and career development', "de la formation et des perspectives d'évolution", 'التدريب والتطوير المهني'],
];

/** Colleagues named in some descriptions ("work closely with site engineers"). */
const COLLEAGUES = [
  ['site engineers', 'ingénieurs de chantier', 'مهندسي الموقع'],
  ['the engineering team', "l'équipe d'ingénierie", 'فريق الهندسة'],
  ['nurses and doctors', 'infirmiers et médecins', 'الممرضين والأطباء'],
  ['the sales team', "l'équipe commerciale", 'فريق المبيعات'],
  ['the project manager', 'le chef de projet', 'مدير المشروع'],
  ['drivers and storekeepers', 'chauffeurs et magasiniers', 'السائقين وأمناء المستودعات'],
  ['teachers and parents', 'enseignants et parents', 'المعلمين وأولياء الأمور'],
  ['the accountant', 'le comptable', 'المحاسب'],
];

const EMPLOYER_NAMES = [
  ['Al Noor', 'Al Nour', 'النور'], ['Al Amal', 'Al Amal', 'الأمل'], ['Al Baraka', 'Al Baraka', 'البركة'],
  ['Al Fajr', 'Al Fajr', 'الفجر'], ['Al Rawda', 'Al Rawda', 'الروضة'], ['Al Waha', 'Al Waha', 'الواحة'],
  ['Al Hilal', 'Al Hilal', 'الهلال'], ['Al Manar', 'Al Manar', 'المنار'], ['Al Safa', 'Al Safa', 'الصفا'],
  ['Al Andalus', 'Al Andalous', 'الأندلس'], ['Atlas', 'Atlas', 'أطلس'], ['Sahel', 'Sahel', 'الساحل'],
  ['Nile', 'Nil', 'النيل'], ['Silk Road', 'Route de la Soie', 'طريق الحرير'], ['Green Oasis', 'Oasis Verte', 'الواحة الخضراء'],
  ['Golden Crescent', "Croissant d'Or", 'الهلال الذهبي'], ['United', 'Unie', 'المتحدة'], ['National', 'Nationale', 'الوطنية'],
  ['Horizon', 'Horizon', 'الأفق'], ['Pioneer', 'Pionnier', 'الرواد'],
];
const EMPLOYER_KINDS = [
  ['Construction', 'Construction', 'للمقاولات'], ['Hospital', 'Clinique', 'مستشفى'], ['Trading', 'Négoce', 'للتجارة'],
  ['Logistics', 'Logistique', 'للخدمات اللوجستية'], ['Industries', 'Industries', 'للصناعات'], ['Hotels', 'Hôtels', 'للفنادق'],
  ['Schools', 'Écoles', 'للمدارس'], ['Technologies', 'Technologies', 'للتقنية'], ['Energy', 'Énergie', 'للطاقة'],
  ['Agro', 'Agro', 'للزراعة'], ['Bank', 'Banque', 'مصرف'], ['Telecom', 'Télécom', 'للاتصالات'],
];

const CONTRACTS = weighted([['permanent', 45], ['fixed-term', 25], ['part-time', 10], ['internship', 8], ['apprenticeship', 4], ['seasonal', 8]]);
const WORK_MODES = weighted([['on-site', 65], ['hybrid', 20], ['remote', 15]]);
const WORK_MODES_ICT = weighted([['on-site', 35], ['hybrid', 35], ['remote', 30]]);
const LANGUAGE_COUNT = weighted([[1, 40], [2, 40], [3, 20]]);
const CEFR = ['A2', 'B1', 'B2', 'C1'];

const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0652'];

/** Some voweling, as in carefully typed Arabic: a haraka after about half the letters, a shadda now and then. */
function withHarakat(random, text) {
  let out = '';
  for (const ch of text) {
    out += ch;
    if (/[\u0621-\u064a]/.test(ch)) {
      if (random() < 0.08) out += '\u0651';
      if (random() < 0.5) out += pick(random, HARAKAT);
    }
  }
  return out;
}

const withoutHamzaOnAlef = (text) => text.replace(/[أإآ]/g, 'ا');
const withoutAccents = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

/**
 * The generator: `employers(n)` and `vacancies(n, employers)` yield rows in the tables' shape.
 * Everything random comes from `seed`, except the row ids (UUIDs).
 */
export function createCorpus({ seed = 1, today = new Date() } = {}) {
  const random = prng(seed);
  const unitGroups = new Map(ISCO_GROUPS.filter((g) => g.level === 4).map((g) => [g.code, g]));
  for (const [code] of OCCUPATIONS) if (!unitGroups.has(code)) throw new Error(`not an ISCO-08 unit group: ${code}`);
  for (const c of COUNTRIES) if (!COUNTRY_INFO[c.alpha2]) throw new Error(`no population for ${c.alpha2}`);
  const countries = new Map(COUNTRIES.map((c) => [c.alpha2, c]));
  const countryByPopulation = weighted(COUNTRIES.map((c) => [c.alpha2, Math.max(1, COUNTRY_INFO[c.alpha2][0])]));
  const occupation = weighted(OCCUPATIONS.map((o) => [o, o[1]]));
  const allUnitGroups = [...unitGroups.values()];
  const skillsById = new Map(SKILLS.map((s) => [s.id, s]));
  const skillsByGroup = new Map(OCCUPATION_SKILLS.map((o) => [o.iscoGroup, o]));
  const skillIds = SKILLS.map((s) => s.id);
  const byGroup = new Map();
  for (const c of COUNTRIES) byGroup.set(c.oicGroup, [...(byGroup.get(c.oicGroup) ?? []), c.alpha2]);
  const day = 86_400_000;
  const now = today.getTime();
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());

  function employers(n) {
    // Two per member state first, so the smallest ones have employers of their own.
    const fixed = COUNTRIES.flatMap((c) => [c.alpha2, c.alpha2]);
    return Array.from({ length: n }, (_, i) => {
      const country = fixed[i] ?? countryByPopulation(random);
      const [name, kind] = [pick(random, EMPLOYER_NAMES), pick(random, EMPLOYER_KINDS)];
      return {
        id: randomUUID(),
        country,
        name: {
          en: `${name[0]} ${kind[0]} ${i + 1}`,
          fr: `${kind[1]} ${name[1]} ${i + 1}`,
          ar: `${kind[2].startsWith('ل') ? `${name[2]} ${kind[2]}` : `${kind[2]} ${name[2]}`} ${i + 1}`,
        },
        isic_section: pick(random, ['C', 'F', 'G', 'H', 'I', 'J', 'K', 'M', 'P', 'Q']),
        size: pick(random, ['micro', 'small', 'medium', 'large']),
      };
    });
  }

  /** Title and description in `langs`, from the occupation's templates. */
  function texts(job, family, langs, country, skills, years, employer) {
    const title = {};
    const description = {};
    const qualifier = random() < 0.35 ? pick(random, QUALIFIERS) : undefined;
    const sector = pick(random, SECTORS);
    const duties = [...DUTIES[family]].sort(() => random() - 0.5).slice(0, 3);
    const benefit = pick(random, BENEFITS);
    const colleague = random() < 0.3 ? pick(random, COLLEAGUES) : undefined;
    const countryName = countries.get(country).name;
    for (const lang of langs) {
      const l = { en: 0, fr: 1, ar: 2 }[lang];
      const jobTitle = job[l];
      const skillLabels = skills.map((id) => skillsById.get(id)?.label[lang] ?? skillsById.get(id)?.label.en).filter(Boolean);
      const employerName = employer.name[lang] ?? employer.name.en;
      if (lang === 'en') {
        title.en = qualifier ? `${qualifier[0]} ${jobTitle.charAt(0).toLowerCase()}${jobTitle.slice(1)}` : jobTitle;
        description.en = [
          `${employerName} is looking for ${/^[aeiou]/i.test(jobTitle) ? 'an' : 'a'} ${jobTitle.toLowerCase()} to join its ${sector[0]} team in ${countryName.en}.`,
          `You will ${duties.map((d) => d[0]).join(', ').replace(/, ([^,]*)$/, ' and $1')}.`,
          skillLabels.length ? `Required skills: ${skillLabels.join(', ').toLowerCase()}.` : '',
          `At least ${years} years of experience.`,
          colleague ? `You will work closely with ${colleague[0]}.` : '',
          `We offer ${benefit[0]}.`,
        ];
      } else if (lang === 'fr') {
        title.fr = qualifier ? `${jobTitle} ${qualifier[1]}` : jobTitle;
        description.fr = [
          `${employerName} recrute un ${jobTitle.toLowerCase()} pour son activité ${sector[1]} (${countryName.fr}).`,
          `Missions : ${duties.map((d) => d[1]).join(', ').replace(/, ([^,]*)$/, ' et $1')}.`,
          skillLabels.length ? `Compétences requises : ${skillLabels.join(', ').toLowerCase()}.` : '',
          `Expérience d'au moins ${years} ans.`,
          colleague ? `Vous travaillerez avec ${colleague[1]}.` : '',
          `Nous offrons ${benefit[1]}.`,
        ];
      } else {
        title.ar = qualifier ? `${jobTitle} ${qualifier[2]}` : jobTitle;
        description.ar = [
          `تعلن ${employerName} عن حاجتها إلى ${jobTitle} للانضمام إلى فريق ${sector[2]} في ${countryName.ar}.`,
          `المهام: ${duties.map((d) => d[2]).join(' و')}.`,
          skillLabels.length ? `المهارات المطلوبة: ${skillLabels.join('، ')}.` : '',
          `خبرة لا تقل عن ${years} سنوات.`,
          colleague ? `العمل بالتعاون مع ${colleague[2]}.` : '',
          `نقدم ${benefit[2]}.`,
        ];
      }
      description[lang] = description[lang].filter(Boolean).join(' ');
    }
    if (title.ar) {
      if (random() < 0.15) title.ar = withHarakat(random, title.ar);
      if (random() < 0.25) {
        title.ar = withoutHamzaOnAlef(title.ar);
        description.ar = withoutHamzaOnAlef(description.ar);
      }
    }
    if (title.fr && random() < 0.1) {
      title.fr = withoutAccents(title.fr);
      description.fr = withoutAccents(description.fr);
    }
    return { title, description };
  }

  function vacancy(employerList) {
    const employer = pick(random, employerList);
    const country = random() < 0.9 ? employer.country : countryByPopulation(random);
    const [, city, usual] = COUNTRY_INFO[country];
    let iscoCode;
    let family;
    let job;
    if (random() < 0.75) {
      const o = occupation(random);
      [iscoCode, , family] = o;
      job = o.slice(3);
    } else {
      const group = pick(random, allUnitGroups);
      iscoCode = group.code;
      family = FAMILY_BY_MAJOR[Number(iscoCode[0])];
      job = [group.title.en, group.title.fr, group.title.ar];
    }
    // Languages: the country's usual ones first, then the rest.
    const order = [...usual, ...['ar', 'en', 'fr'].filter((l) => !usual.includes(l))];
    const langs = order.slice(0, LANGUAGE_COUNT(random));
    // Skills: the occupation's essential ones (and some optional), else a few from its field.
    const known = skillsByGroup.get(iscoCode);
    const skills = known
      ? [...new Set([...known.essential.slice(0, int(random, 2, 4)), ...known.optional.filter(() => random() < 0.25)])]
      : [...new Set(Array.from({ length: int(random, 1, 3) }, () => pick(random, skillIds)))];
    const years = int(random, 1, 10);
    const { title, description } = texts(job, family, langs, country, skills.slice(0, 5), years, employer);
    const listed = random() < 0.3;
    const eligibility = listed
      ? [...new Set([country, ...Array.from({ length: int(random, 0, 4) }, () => pick(random, byGroup.get(countries.get(country).oicGroup)))])]
      : [];
    const published = now - Math.floor(90 * day * random() ** 1.4);
    const closing = new Date(todayUtc + day * int(random, 1, 120)).toISOString().slice(0, 10);
    const salary = random() < 0.6;
    const monthly = int(random, 300, 6000) * 100;
    return {
      id: randomUUID(),
      employer_id: employer.id,
      title,
      description,
      isco_code: iscoCode,
      skills: skills.map((skillId, i) => ({ skillId, essential: i < 2 || random() < 0.5 })),
      skill_ids: skills,
      languages: langs.map((code) => ({ code, minLevel: pick(random, CEFR) })),
      min_education_level: random() < 0.7 ? int(random, 2, 7) : null,
      min_experience_years: years,
      country,
      city,
      work_mode: (family === 'ict' ? WORK_MODES_ICT : WORK_MODES)(random),
      contract_type: CONTRACTS(random),
      salary_min: salary ? monthly : null,
      salary_max: salary ? monthly + int(random, 0, 20) * 5000 : null,
      salary_currency: salary ? countries.get(country).currency : null,
      salary_period: salary ? 'month' : null,
      positions: random() < 0.8 ? 1 : int(random, 2, 20),
      eligibility_scope: listed ? 'listed' : 'all-member-states',
      eligibility_countries: eligibility,
      relocation_support: random() < 0.3,
      visa_support: random() < 0.25,
      closing_date: closing,
      published_at: new Date(published).toISOString(),
    };
  }

  return {
    employers,
    vacancies: (n, employerList) => Array.from({ length: n }, () => vacancy(employerList)),
  };
}

/** Inserts employers (one statement) into vacancies.employers. `query(sql, params)` runs SQL. */
export async function insertEmployers(query, employers) {
  await query(
    `INSERT INTO vacancies.employers (id, name, country, isic_section, size)
     SELECT x.id, x.name, x.country, x.isic_section, x.size
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name jsonb, country text, isic_section text, size text)`,
    [JSON.stringify(employers)],
  );
}

/** Inserts published vacancies (one statement per call) into vacancies.vacancies. */
export async function insertVacancies(query, rows) {
  await query(
    `INSERT INTO vacancies.vacancies (id, employer_id, status, title, description, isco_code, skills, skill_ids, languages,
       min_education_level, min_experience_years, country, city, work_mode, contract_type, salary_min, salary_max, salary_currency,
       salary_period, positions, eligibility_scope, eligibility_countries, relocation_support, visa_support, closing_date,
       published_at, created_at, updated_at)
     SELECT x.id, x.employer_id, 'published', x.title, x.description, x.isco_code, x.skills, x.skill_ids, x.languages,
       x.min_education_level, x.min_experience_years, x.country, x.city, x.work_mode, x.contract_type, x.salary_min, x.salary_max,
       x.salary_currency, x.salary_period, x.positions, x.eligibility_scope, x.eligibility_countries, x.relocation_support,
       x.visa_support, x.closing_date, x.published_at, x.published_at - interval '1 hour', x.published_at
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, employer_id uuid, title jsonb, description jsonb, isco_code text, skills jsonb,
       skill_ids text[], languages jsonb, min_education_level smallint, min_experience_years smallint, country text, city text,
       work_mode text, contract_type text, salary_min bigint, salary_max bigint, salary_currency text, salary_period text,
       positions integer, eligibility_scope text, eligibility_countries text[], relocation_support boolean, visa_support boolean,
       closing_date date, published_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}
