import type { PlatformHarness } from './platform-harness.js';

/** A valid vacancy body (draft) for an employer organisation. */
export function vacancyBody(employerId: string, overrides: Record<string, unknown> = {}) {
  const closing = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  return {
    employerId,
    title: { ar: 'مُهَنْدِسُ سَلامَةٍ مِهْنِيَّة', en: 'Occupational safety engineers', fr: 'Ingénieur en sécurité au travail' },
    description: {
      ar: 'نبحث عن مهندس لإدارة أنظمة السلامة والصحة المهنية في مواقع البناء.',
      en: 'We are looking for an engineer to run occupational safety and health systems on construction sites.',
      fr: 'Nous recherchons un ingénieur pour gérer la santé et la sécurité au travail sur les chantiers.',
    },
    iscoCode: '2149',
    skills: [
      { skillId: 'osh.risk-assessment', essential: true },
      { skillId: 'osh.hazard-identification', essential: true },
    ],
    languages: [{ code: 'ar', minLevel: 'B2' }],
    minEducationLevel: 6,
    minExperienceYears: 3,
    country: 'QA',
    city: 'Doha',
    workMode: 'on-site',
    contractType: 'permanent',
    salary: { min: 1_500_000, max: 2_000_000, currency: 'QAR', period: 'month' },
    positions: 2,
    eligibility: { scope: 'all-member-states' },
    relocationSupport: true,
    visaSupport: true,
    closingDate: closing,
    ...overrides,
  };
}

export function profileBody(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'أمينة الحسن',
    nationality: 'JO',
    residenceCountry: 'JO',
    languages: [
      { code: 'ar', level: 'C2' },
      { code: 'en', level: 'B2' },
    ],
    education: { level: 6, field: 'Civil engineering' },
    experience: [{ iscoCode: '2142', years: 5, employer: 'Amman Builders', country: 'JO' }],
    skills: ['osh.risk-assessment', 'osh.hazard-identification'],
    desiredOccupations: ['2149'],
    mobility: { relocate: 'listed', countries: ['QA'], remote: false },
    visibility: 'matching',
    consentToMatching: true,
    ...overrides,
  };
}

export interface Actor {
  id: string;
  token: string;
  email: string;
}

/** Registers and signs in an actor. */
export async function actor(h: PlatformHarness, email: string, role: 'seeker' | 'employer', country = 'QA', locale = 'en'): Promise<Actor> {
  const session = await h.registerAndLogin(email, role, { country, locale });
  return { id: session.user.id, token: session.accessToken, email };
}
