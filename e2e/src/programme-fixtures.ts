import { ADMIN_EMAIL, ADMIN_PASSWORD, type PlatformHarness } from './platform-harness.js';

export interface Staff {
  id: string;
  token: string;
  email: string;
}

const STAFF_PASSWORD = 'Programme-Staff-2026';

export async function adminToken(h: PlatformHarness): Promise<string> {
  const login = await h.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${login.text}`);
  return login.body.accessToken;
}

/** An account made by the admin (coordinator, focal point) and logged in. */
export async function staff(h: PlatformHarness, admin: string, email: string, roles: string[], countryScope: string[], locale = 'en', country = countryScope[0] ?? 'TR'): Promise<Staff> {
  const created = await h.call<{ id: string }>('POST', '/api/v1/users', { email, password: STAFF_PASSWORD, displayName: email.split('@')[0], locale, country, roles, countryScope }, { token: admin });
  if (created.status !== 201) throw new Error(`create ${email} failed: ${created.status} ${created.text}`);
  const login = await h.login(email, STAFF_PASSWORD);
  if (login.status !== 200) throw new Error(`login ${email} failed: ${login.status} ${login.text}`);
  return { id: created.body.id, token: login.body.accessToken, email };
}

/** A coordinator assigned to `programme`. */
export async function coordinator(h: PlatformHarness, admin: string, email: string, programme: string, locale = 'en'): Promise<Staff> {
  const who = await staff(h, admin, email, ['coordinator'], ['TR'], locale);
  const assigned = await h.call('PUT', `/api/v1/programmes/${programme}/coordinators/${who.id}`, undefined, { token: admin });
  if (assigned.status !== 200) throw new Error(`assign failed: ${assigned.status} ${assigned.text}`);
  return who;
}

export function isoDay(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

export function activityBody(overrides: Record<string, unknown> = {}) {
  return {
    type: 'training-course',
    title: { ar: 'دورة تدريبية في تقييم المخاطر المهنية', en: 'Training course on occupational risk assessment', fr: "Formation à l'évaluation des risques professionnels" },
    description: {
      ar: 'دورة لمفتشي العمل في تقييم المخاطر في مواقع البناء.',
      en: 'A course for labour inspectors on risk assessment on construction sites.',
      fr: "Une formation des inspecteurs du travail à l'évaluation des risques sur les chantiers.",
    },
    hostCountry: 'TR',
    providerCountries: ['TR'],
    beneficiaryCountries: ['SN', 'JO', 'MA', 'QA'],
    modality: 'hybrid',
    languages: ['ar', 'en', 'fr'],
    startDate: isoDay(60),
    endDate: isoDay(64),
    applicationDeadline: isoDay(30),
    seats: 20,
    countryQuota: 2,
    ...overrides,
  };
}

let expertCounter = 0;

export function expertBody(country: string, overrides: Record<string, unknown> = {}) {
  expertCounter += 1;
  return {
    fullName: `Expert ${country} ${expertCounter}`,
    email: `expert${expertCounter}.${country.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@example.org`,
    country,
    gender: expertCounter % 2 === 0 ? 'female' : 'male',
    institution: 'Ministry of Labour',
    languages: ['ar', 'en'],
    skills: ['osh.risk-assessment'],
    iscoCodes: ['2263'],
    ...overrides,
  };
}

/** Creates an activity in `programme` and opens it; returns its id. */
export async function openActivity(h: PlatformHarness, token: string, programme: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await h.call<{ id: string }>('POST', `/api/v1/programmes/${programme}/activities`, activityBody(overrides), { token });
  if (created.status !== 201) throw new Error(`create activity failed: ${created.status} ${created.text}`);
  const opened = await h.call('POST', `/api/v1/activities/${created.body.id}/status`, { status: 'open' }, { token });
  if (opened.status !== 200) throw new Error(`open failed: ${opened.status} ${opened.text}`);
  return created.body.id;
}

export async function createExpert(h: PlatformHarness, token: string, country: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; fullName: string; country: string }> {
  const created = await h.call<{ id: string; fullName: string; country: string }>('POST', '/api/v1/experts', expertBody(country, overrides), { token });
  if (created.status !== 201) throw new Error(`create expert failed: ${created.status} ${created.text}`);
  return created.body;
}
