import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bounded search work (`src/search/vacancy-search.ts`, README "Search"): a search now works on its
 * newest SEARCH_CANDIDATE_LIMIT matches, found by walking the recency index and stopping there. This
 * index carries every column the filters and the facet counts read (closing date, packed facet key,
 * country, contract type, work mode, ISCO code, eligibility), so a search without text finds its
 * candidates, page and counts with an index-only scan that stops after ~1,000 entries, instead of
 * counting every match (~50 ms for the browse page at 100,000 vacancies). The country index gets
the same columns, for searches in one country.
 *
 * Built CONCURRENTLY (no lock that blocks writes), hence no transaction. If the build fails it
 * leaves an invalid index: drop it and migrate again.
 */
export class VacanciesSearchCandidates1763900000002 implements MigrationInterface {
  name = 'VacanciesSearchCandidates1763900000002';

  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS vacancies_published_recency_covering_idx ON vacancies.vacancies (published_at DESC, id DESC)
      INCLUDE (closing_date, facet_key, country, contract_type, work_mode, isco_code, eligibility_scope, eligibility_countries)
      WHERE status = 'published'`);
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS vacancies.vacancies_published_recency_idx`);
    // The same for a search in one country: its newest matches straight from the country index.
    await runner.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS vacancies_published_country_covering_idx ON vacancies.vacancies (country, published_at DESC, id DESC)
      INCLUDE (closing_date, facet_key, contract_type, work_mode, isco_code, eligibility_scope, eligibility_countries)
      WHERE status = 'published'`);
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS vacancies.vacancies_published_country_idx`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS vacancies_published_country_idx ON vacancies.vacancies (country, published_at DESC, id DESC) WHERE status = 'published'`);
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS vacancies.vacancies_published_country_covering_idx`);
    await runner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS vacancies_published_recency_idx ON vacancies.vacancies (published_at DESC, id DESC) WHERE status = 'published'`);
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS vacancies.vacancies_published_recency_covering_idx`);
  }
}
