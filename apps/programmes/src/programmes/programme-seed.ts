import type { ThematicArea } from '@olp/contracts';
import type { TrilingualText } from '@olp/reference-data';

export interface ProgrammeSeed {
  code: string;
  name: TrilingualText;
  description: TrilingualText;
  institution: TrilingualText;
  thematicArea: ThematicArea;
}

const SESRIC: TrilingualText = {
  ar: 'مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية (سيسريك)',
  en: 'Statistical, Economic and Social Research and Training Centre for Islamic Countries (SESRIC)',
  fr: 'Centre de recherches statistiques, économiques et sociales et de formation pour les pays islamiques (SESRIC)',
};

/**
 * The capacity-building programmes SESRIC reported to the 6th Islamic Conference of Labour
 * Ministers, loaded by the first migration. Frozen: later changes go through the API (admins add
 * programmes) or a new migration, never by editing this list.
 */
export const PROGRAMME_SEED: readonly ProgrammeSeed[] = [
  {
    code: 'OSH-CaB',
    name: { ar: 'برنامج بناء القدرات في السلامة والصحة المهنية', en: 'Occupational Safety and Health Capacity Building Programme', fr: 'Programme de renforcement des capacités en sécurité et santé au travail' },
    description: {
      ar: 'يعزّز قدرات المؤسسات الوطنية المعنية بالسلامة والصحة المهنية في الدول الأعضاء.',
      en: 'Strengthens the national institutions in charge of occupational safety and health in member states.',
      fr: 'Renforce les institutions nationales chargées de la sécurité et de la santé au travail dans les États membres.',
    },
    institution: SESRIC,
    thematicArea: 'occupational-safety-health',
  },
  {
    code: 'PES-CaB',
    name: { ar: 'برنامج بناء القدرات لخدمات التوظيف العامة', en: 'Public Employment Services Capacity Building Programme', fr: "Programme de renforcement des capacités des services publics de l'emploi" },
    description: {
      ar: 'يطوّر قدرات خدمات التوظيف العامة على ربط الباحثين عن عمل بفرص العمل.',
      en: 'Develops the capacity of public employment services to connect job seekers with work.',
      fr: "Développe la capacité des services publics de l'emploi à rapprocher demandeurs d'emploi et offres.",
    },
    institution: SESRIC,
    thematicArea: 'unemployment-reduction',
  },
  {
    code: 'OIC-VET',
    name: { ar: 'برنامج التعليم والتدريب المهني لمنظمة التعاون الإسلامي', en: 'OIC Vocational Education and Training Programme', fr: "Programme d'enseignement et de formation professionnels de l'OCI" },
    description: {
      ar: 'يحسّن جودة التعليم والتدريب المهني وملاءمته لسوق العمل.',
      en: 'Improves the quality and labour-market relevance of vocational education and training.',
      fr: "Améliore la qualité de l'enseignement et de la formation professionnels et leur adéquation au marché du travail.",
    },
    institution: SESRIC,
    thematicArea: 'employability',
  },
  {
    code: 'PA-CaB',
    name: { ar: 'برنامج بناء القدرات في مجال التخفيف من حدة الفقر', en: 'Poverty Alleviation Capacity Building Programme', fr: 'Programme de renforcement des capacités en matière de réduction de la pauvreté' },
    description: {
      ar: 'يدعم السياسات والبرامج الوطنية للتخفيف من حدة الفقر والحماية الاجتماعية.',
      en: 'Supports national policies and programmes for poverty alleviation and social protection.',
      fr: 'Soutient les politiques et programmes nationaux de réduction de la pauvreté et de protection sociale.',
    },
    institution: SESRIC,
    thematicArea: 'social-protection',
  },
  {
    code: 'StatCaB',
    name: { ar: 'برنامج بناء القدرات الإحصائية', en: 'Statistical Capacity Building Programme', fr: 'Programme de renforcement des capacités statistiques' },
    description: {
      ar: 'يعزّز قدرات الأجهزة الإحصائية الوطنية، ومنها إحصاءات سوق العمل.',
      en: 'Strengthens national statistical offices, labour-market statistics included.',
      fr: 'Renforce les instituts nationaux de statistique, y compris les statistiques du marché du travail.',
    },
    institution: SESRIC,
    thematicArea: 'labour-productivity',
  },
  {
    code: 'OIC-PESNET',
    name: { ar: 'شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي', en: 'OIC Public Employment Services Network', fr: "Réseau des services publics de l'emploi de l'OCI" },
    description: {
      ar: 'تربط خدمات التوظيف العامة في الدول الأعضاء لتبادل الخبرات والممارسات.',
      en: 'Connects the public employment services of member states to exchange experience and practice.',
      fr: "Relie les services publics de l'emploi des États membres pour échanger expériences et pratiques.",
    },
    institution: SESRIC,
    thematicArea: 'unemployment-reduction',
  },
  {
    code: 'OIC-SMENET',
    name: { ar: 'شبكة المؤسسات الصغيرة والمتوسطة لمنظمة التعاون الإسلامي', en: 'OIC Network of SME Agencies', fr: "Réseau des agences de PME de l'OCI" },
    description: {
      ar: 'تربط هيئات المؤسسات الصغيرة والمتوسطة في الدول الأعضاء لدعم ريادة الأعمال والإنتاجية.',
      en: 'Connects the SME agencies of member states to support entrepreneurship and productivity.',
      fr: "Relie les agences de PME des États membres pour soutenir l'entrepreneuriat et la productivité.",
    },
    institution: SESRIC,
    thematicArea: 'labour-productivity',
  },
];
