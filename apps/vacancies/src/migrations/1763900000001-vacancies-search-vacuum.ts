import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After 1763900000000 rewrote `vacancies.vacancies`: VACUUM sets the visibility map again, so
 * counting facets is an index-only scan from the start (a rewritten table has an empty map, and
 * every index-only scan fetched each heap row: browse counts took ~140 ms instead of ~30 ms at
 * 100,000 vacancies until autovacuum came by), and ANALYZE gathers statistics for `facet_key`.
 * VACUUM cannot run inside a transaction, hence a migration of its own without one. It takes no
 * lock that blocks reads or writes.
 */
export class VacanciesSearchVacuum1763900000001 implements MigrationInterface {
  name = 'VacanciesSearchVacuum1763900000001';

  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`VACUUM (ANALYZE) vacancies.vacancies`);
  }

  async down(): Promise<void> {
    // Nothing to undo.
  }
}
