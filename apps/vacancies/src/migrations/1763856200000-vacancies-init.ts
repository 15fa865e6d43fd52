import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `vacancies.fold_text(text)`: the SQL twin of `foldForSearch` (@olp/reference-data), step for
 * step, so the search vector and the folded query agree:
 *   NFKD → drop combining marks U+0300–U+036F → œ/æ/ß → oe/ae/ss → lower case → NFC →
 *   drop Arabic marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED) and tatweel U+0640 →
 *   أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي → collapse JavaScript's `\s` set to one space → trim.
 * NFKD already splits every accented Latin letter (é è ê ë à â ä î ï ô ö û ù ü ç ş ğ İ …) into its
 * base letter and combining marks, so no letter-by-letter translate() is needed. Lower casing uses
 * the ICU root collation when the server has ICU (full Unicode case mapping, as JavaScript's);
 * otherwise the database's own, which for non-ASCII letters depends on its LC_CTYPE.
 * `test/search.int.spec.ts` checks the two agree on tricky strings.
 */
function foldTextFunction(icu: boolean): string {
  const collate = icu ? ' COLLATE "und-x-icu"' : '';
  return `
    CREATE FUNCTION vacancies.fold_text(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN btrim(
      regexp_replace(
        translate(
          regexp_replace(
            normalize(
              lower(
                replace(replace(replace(
                  regexp_replace(normalize(input, NFKD), '[\\u0300-\\u036f]', '', 'g'),
                  'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')${collate}
              ),
              NFC
            ),
            '[\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06ed\\u0640]', '', 'g'
          ),
          'أإآٱةىؤئ', 'ااااهيوي'
        ),
        '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'
      ),
      ' '
    )`;
}

const SEARCH_VECTOR = ['title', 'description']
  .flatMap((field) =>
    (['arabic', 'english', 'french'] as const).map((config) => {
      const lang = config.slice(0, 2);
      const weight = field === 'title' ? 'A' : 'B';
      return `setweight(to_tsvector('${config}'::regconfig, vacancies.fold_text(coalesce(${field}->>'${lang}', ''))), '${weight}')`;
    }),
  )
  .join(' || ');

export class VacanciesInit1763856200000 implements MigrationInterface {
  name = 'VacanciesInit1763856200000';

  async up(runner: QueryRunner): Promise<void> {
    const [icu] = (await runner.query(`SELECT 1 AS ok FROM pg_collation WHERE collname = 'und-x-icu' LIMIT 1`)) as unknown[];
    await runner.query(foldTextFunction(Boolean(icu)));

    await runner.query(`
      CREATE TABLE vacancies.employers (
        id uuid PRIMARY KEY,
        name jsonb NOT NULL,
        description jsonb,
        country char(2) NOT NULL,
        isic_section text NOT NULL,
        size text NOT NULL CHECK (size IN ('micro', 'small', 'medium', 'large')),
        website text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE vacancies.employer_members (
        employer_id uuid NOT NULL REFERENCES vacancies.employers (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employer_id, user_id)
      )`);
    await runner.query(`CREATE INDEX employer_members_user_id_idx ON vacancies.employer_members (user_id)`);

    await runner.query(`
      CREATE TABLE vacancies.vacancies (
        id uuid PRIMARY KEY,
        employer_id uuid NOT NULL REFERENCES vacancies.employers (id),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'filled', 'expired')),
        title jsonb NOT NULL,
        description jsonb NOT NULL,
        isco_code char(4) NOT NULL CHECK (isco_code ~ '^[0-9]{4}$'),
        -- The ISCO-08 major group, for the occupation facet (covered by the facets index).
        isco_major char(1) GENERATED ALWAYS AS (left(isco_code, 1)) STORED,
        skills jsonb NOT NULL DEFAULT '[]',
        skill_ids text[] NOT NULL DEFAULT '{}',
        languages jsonb NOT NULL DEFAULT '[]',
        min_education_level smallint CHECK (min_education_level BETWEEN 0 AND 8),
        min_experience_years smallint CHECK (min_experience_years BETWEEN 0 AND 50),
        country char(2) NOT NULL,
        city text NOT NULL,
        work_mode text NOT NULL CHECK (work_mode IN ('on-site', 'hybrid', 'remote')),
        contract_type text NOT NULL
          CHECK (contract_type IN ('permanent', 'fixed-term', 'part-time', 'internship', 'apprenticeship', 'seasonal')),
        salary_min bigint,
        salary_max bigint,
        salary_currency char(3),
        salary_period text CHECK (salary_period IN ('hour', 'day', 'month', 'year')),
        positions integer NOT NULL CHECK (positions BETWEEN 1 AND 1000),
        eligibility_scope text NOT NULL CHECK (eligibility_scope IN ('all-member-states', 'listed')),
        eligibility_countries text[] NOT NULL DEFAULT '{}',
        relocation_support boolean NOT NULL,
        visa_support boolean NOT NULL,
        closing_date date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        published_at timestamptz,
        closed_at timestamptz,
        close_reason text CHECK (close_reason IN ('closed', 'filled', 'cancelled', 'expired')),
        application_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (${SEARCH_VECTOR}) STORED,
        CONSTRAINT vacancies_salary_complete CHECK (
          (salary_min IS NULL) = (salary_max IS NULL)
          AND (salary_min IS NULL) = (salary_currency IS NULL)
          AND (salary_min IS NULL) = (salary_period IS NULL)
        ),
        CONSTRAINT vacancies_salary_range CHECK (salary_min <= salary_max),
        CONSTRAINT vacancies_eligibility CHECK ((eligibility_scope = 'listed') = (cardinality(eligibility_countries) > 0)),
        CONSTRAINT vacancies_published_at CHECK ((status = 'draft') = (published_at IS NULL)),
        CONSTRAINT vacancies_closed CHECK ((status IN ('closed', 'filled', 'expired')) = (closed_at IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX vacancies_employer_idx ON vacancies.vacancies (employer_id, created_at DESC)`);
    // Search covers published vacancies only, so its indexes are partial: smaller, and never
    // touched by drafts or closed vacancies.
    await runner.query(`CREATE INDEX vacancies_published_recency_idx ON vacancies.vacancies (published_at DESC, id DESC) WHERE status = 'published'`);
    await runner.query(`CREATE INDEX vacancies_published_country_idx ON vacancies.vacancies (country, published_at DESC, id DESC) WHERE status = 'published'`);
    // char(4) compares as bpchar: its pattern operator class serves `isco_code LIKE '21%'` in any collation.
    await runner.query(`CREATE INDEX vacancies_published_isco_idx ON vacancies.vacancies (isco_code bpchar_pattern_ops) WHERE status = 'published'`);
    await runner.query(`CREATE INDEX vacancies_published_skills_idx ON vacancies.vacancies USING gin (skill_ids) WHERE status = 'published'`);
    await runner.query(`CREATE INDEX vacancies_published_search_idx ON vacancies.vacancies USING gin (search_vector) WHERE status = 'published'`);
    // Facet counts and totals without a text query read only this index (index-only scan), and
    // expiry finds due vacancies through it.
    await runner.query(`
      CREATE INDEX vacancies_published_facets_idx ON vacancies.vacancies (closing_date)
      INCLUDE (id, published_at, country, contract_type, work_mode, isco_major, eligibility_scope, eligibility_countries)
      WHERE status = 'published'`);

    await runner.query(`
      CREATE TABLE vacancies.applications (
        id uuid PRIMARY KEY,
        vacancy_id uuid NOT NULL REFERENCES vacancies.vacancies (id),
        seeker_id uuid,
        status text NOT NULL CHECK (status IN ('submitted', 'shortlisted', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
        cover_note text,
        profile_snapshot jsonb,
        history jsonb NOT NULL DEFAULT '[]',
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        anonymized_at timestamptz,
        CONSTRAINT applications_one_per_seeker UNIQUE (vacancy_id, seeker_id),
        CONSTRAINT applications_anonymized CHECK ((anonymized_at IS NULL) = (seeker_id IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX applications_seeker_idx ON vacancies.applications (seeker_id, submitted_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX applications_vacancy_idx ON vacancies.applications (vacancy_id, submitted_at DESC, id DESC)`);
    // Erasure finds the status changes an employer member made on other people's applications.
    await runner.query(`CREATE INDEX applications_history_idx ON vacancies.applications USING gin (history jsonb_path_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE vacancies.applications`);
    await runner.query(`DROP TABLE vacancies.vacancies`);
    await runner.query(`DROP TABLE vacancies.employer_members`);
    await runner.query(`DROP TABLE vacancies.employers`);
    await runner.query(`DROP FUNCTION vacancies.fold_text(text)`);
  }
}
