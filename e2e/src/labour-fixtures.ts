import type { ApiClient } from './api-client.js';

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
export async function actor(h: ApiClient, email: string, role: 'seeker' | 'employer', country = 'QA', locale = 'en'): Promise<Actor> {
  const session = await h.registerAndLogin(email, role, { country, locale });
  return { id: session.user.id, token: session.accessToken, email };
}

/** What `personalDataLeft` needs of a test database: a superuser query across schemas. */
export interface QueryableDatabase {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The platform's schemas in `db` (every schema but PostgreSQL's own and `public`). */
export async function platformSchemas(db: QueryableDatabase): Promise<string[]> {
  const rows = await db.query<{ schema_name: string }>(
    `SELECT schema_name FROM information_schema.schemata
     WHERE schema_name NOT IN ('public', 'information_schema') AND schema_name NOT LIKE 'pg\\_%' ORDER BY schema_name`,
  );
  return rows.map((row) => row.schema_name);
}

/**
 * Every `schema.table: needle` where a row of a base table in `schemas` contains a needle (whole
 * row as text, case-insensitive), for erasure checks; empty when nothing personal is left.
 */
export async function personalDataLeft(db: QueryableDatabase, schemas: string[], needles: string[]): Promise<string[]> {
  const tables = await db.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY ($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
    [schemas],
  );
  if (tables.length === 0) throw new Error(`no tables in schemas ${schemas.join(', ')}`);
  const found: string[] = [];
  for (const { table_schema: schema, table_name: table } of tables) {
    for (const needle of needles) {
      const rows = await db.query(`SELECT 1 FROM "${schema}"."${table}" t WHERE t::text ILIKE $1 LIMIT 1`, [`%${needle}%`]);
      if (rows.length > 0) found.push(`${schema}.${table}: ${needle}`);
    }
  }
  return found;
}
