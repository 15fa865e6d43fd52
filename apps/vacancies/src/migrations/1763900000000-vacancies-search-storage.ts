import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper uncached search, same results (`src/search/vacancy-search.ts`, README "Search"):
 *
 * 1. `search_vector` is kept in the row (STORAGE MAIN). Rows are ~2.6 kB with trilingual
 *    descriptions, so PostgreSQL moved the vector, the largest value, to TOAST. Every match of a
 *    text query was then fetched and decompressed from TOAST to rank it: for 'engineer' (20 % of
 *    100,000 vacancies) ~85 of ~135 ms. Now the descriptions, which search never reads, go to TOAST
 *    first and the vector stays inline.
 * 2. `vacancies.search_query(q)`: the query parsed per language, as before, but without repeating a
 *    parse that equals an earlier one. Arabic words parse the same in all three configurations, and
 *    the planner estimated `'مهندس' | 'مهندس' | 'مهندس'` as three independent terms (28 % instead of
 *    10 %), then read the whole table instead of the GIN index. Equal operands of an OR add nothing
 *    to the matches or to `ts_rank_cd`.
 * 3. `facet_key`: country, contract type, work mode and ISCO major group packed into one integer,
 *    included in the facets index. Counting facets groups the matches on one integer instead of
 *    four text columns: 100,000 rows in ~19 ms instead of ~45 ms. `vacancies.facet_country(key)`,
 *    `facet_contract_type`, `facet_work_mode` and `facet_major` decode it. A new contract type or
 *    work mode needs a migration that extends these functions and recomputes the column.
 *
 * Adding the stored column rewrites the table (ACCESS EXCLUSIVE lock for the rewrite: seconds
 * per 100,000 vacancies), which also stores every existing row the new way.
 */
const CONTRACT_TYPES = `ARRAY['permanent', 'fixed-term', 'part-time', 'internship', 'apprenticeship', 'seasonal']::text[]`;
const WORK_MODES = `ARRAY['on-site', 'hybrid', 'remote']::text[]`;

export class VacanciesSearchStorage1763900000000 implements MigrationInterface {
  name = 'VacanciesSearchStorage1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    // IMMUTABLE with a constant argument: the planner evaluates it while planning, so it sees the
    // final tsquery (and estimates its selectivity) exactly as with the expression written out.
    await runner.query(`
      CREATE FUNCTION vacancies.search_query(q text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN CASE
        WHEN websearch_to_tsquery('french', q) IN (websearch_to_tsquery('arabic', q), websearch_to_tsquery('english', q))
        THEN CASE WHEN websearch_to_tsquery('english', q) = websearch_to_tsquery('arabic', q) THEN websearch_to_tsquery('arabic', q)
                  ELSE websearch_to_tsquery('arabic', q) || websearch_to_tsquery('english', q) END
        ELSE CASE WHEN websearch_to_tsquery('english', q) = websearch_to_tsquery('arabic', q) THEN websearch_to_tsquery('arabic', q)
                  ELSE websearch_to_tsquery('arabic', q) || websearch_to_tsquery('english', q) END
             || websearch_to_tsquery('french', q)
      END`);

    // Bits: country letters 5 + 5 (A = 1), contract type 3 (1-based), work mode 2 (1-based), major group 4.
    await runner.query(`
      CREATE FUNCTION vacancies.facet_key(country bpchar, contract_type text, work_mode text, isco_code bpchar) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN ((ascii(substr(country, 1, 1)) - 64) << 14) | ((ascii(substr(country, 2, 1)) - 64) << 9)
        | (array_position(${CONTRACT_TYPES}, contract_type) << 6)
        | (array_position(${WORK_MODES}, work_mode) << 4)
        | (ascii(isco_code) - 48)`);
    // Not STRICT, so the planner inlines them (an ARRAY[...] counts as non-strict, and a STRICT SQL
    // function is only inlined when its body is strict): ~1.5 µs less per call, per group.
    await runner.query(`
      CREATE FUNCTION vacancies.facet_country(key integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN chr(((key >> 14) & 31) + 64) || chr(((key >> 9) & 31) + 64)`);
    await runner.query(`
      CREATE FUNCTION vacancies.facet_contract_type(key integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (${CONTRACT_TYPES})[(key >> 6) & 7]`);
    await runner.query(`
      CREATE FUNCTION vacancies.facet_work_mode(key integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (${WORK_MODES})[(key >> 4) & 3]`);
    await runner.query(`
      CREATE FUNCTION vacancies.facet_major(key integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (key & 15)::text`);

    await runner.query(`ALTER TABLE vacancies.vacancies ALTER COLUMN search_vector SET STORAGE MAIN`);
    await runner.query(`
      ALTER TABLE vacancies.vacancies
      ADD COLUMN facet_key integer GENERATED ALWAYS AS (vacancies.facet_key(country, contract_type, work_mode, isco_code)) STORED`);
    // The facets index, now with the packed key (what counting groups on) and the ISCO code (so an
    // occupation filter is answered from the index too). Expiry still finds due vacancies through it.
    await runner.query(`DROP INDEX vacancies.vacancies_published_facets_idx`);
    await runner.query(`
      CREATE INDEX vacancies_published_facets_idx ON vacancies.vacancies (closing_date)
      INCLUDE (id, published_at, facet_key, country, contract_type, work_mode, isco_code, eligibility_scope, eligibility_countries)
      WHERE status = 'published'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX vacancies.vacancies_published_facets_idx`);
    await runner.query(`ALTER TABLE vacancies.vacancies DROP COLUMN facet_key`);
    await runner.query(`ALTER TABLE vacancies.vacancies ALTER COLUMN search_vector SET STORAGE EXTENDED`);
    await runner.query(`
      CREATE INDEX vacancies_published_facets_idx ON vacancies.vacancies (closing_date)
      INCLUDE (id, published_at, country, contract_type, work_mode, isco_major, eligibility_scope, eligibility_countries)
      WHERE status = 'published'`);
    for (const fn of ['facet_major', 'facet_work_mode', 'facet_contract_type', 'facet_country']) await runner.query(`DROP FUNCTION vacancies.${fn}(integer)`);
    await runner.query(`DROP FUNCTION vacancies.facet_key(bpchar, text, text, bpchar)`);
    await runner.query(`DROP FUNCTION vacancies.search_query(text)`);
  }
}
