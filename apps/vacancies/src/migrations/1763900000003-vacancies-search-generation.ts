import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search generation (`src/search/search-generation.ts`, docs/decisions.md "Change-aware search
 * caches"): one counter that PostgreSQL itself raises, in the writing transaction, whenever what
 * public search can return may have changed. Caches of search results (the service's SearchCache,
 * the gateway's response cache) tag what they keep with the generation read before computing it
 * and reuse it while the generation is unchanged, instead of recomputing it every few seconds.
 *
 * Triggers, not application code, so no write path can forget it (publish, edit, close, fill,
 * expiry, erasure, a migration or an operator's UPDATE alike). Statement-level with transition
 * tables: one counter update per statement however many rows it touches (expiry closes 500 at a
 * time), and only when a row that is or was published changed in something besides the
 * bookkeeping columns (`application_count` is raised on every application and search never reads
 * it). An employer's name appears in results, so renaming one counts too. Drafts never do.
 *
 * The counter row is updated in the writer's transaction: readers see the new value exactly when
 * they can see the change (MVCC), and concurrent writers of published vacancies queue on that row
 * for the rest of their (short) transactions. Publishing is rare next to searching.
 */
export class VacanciesSearchGeneration1763900000003 implements MigrationInterface {
  name = 'VacanciesSearchGeneration1763900000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vacancies.search_generation (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        value bigint NOT NULL
      )`);
    await runner.query(`INSERT INTO vacancies.search_generation (singleton, value) VALUES (true, 1)`);
    await runner.query(`
      CREATE FUNCTION vacancies.note_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed boolean;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          changed := true;
        ELSIF TG_TABLE_NAME = 'employers' THEN
          SELECT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.name IS DISTINCT FROM n.name) INTO changed;
        ELSIF TG_OP = 'INSERT' THEN
          SELECT EXISTS (SELECT 1 FROM new_rows WHERE status = 'published') INTO changed;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT EXISTS (SELECT 1 FROM old_rows WHERE status = 'published') INTO changed;
        ELSE
          SELECT EXISTS (
            SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.status = 'published' OR n.status = 'published')
              AND to_jsonb(o) - ARRAY['application_count', 'updated_at'] IS DISTINCT FROM to_jsonb(n) - ARRAY['application_count', 'updated_at']
          ) INTO changed;
        END IF;
        IF changed THEN
          UPDATE vacancies.search_generation SET value = value + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER vacancies_search_insert AFTER INSERT ON vacancies.vacancies
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancies.note_search_change()`);
    await runner.query(`
      CREATE TRIGGER vacancies_search_update AFTER UPDATE ON vacancies.vacancies
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancies.note_search_change()`);
    await runner.query(`
      CREATE TRIGGER vacancies_search_delete AFTER DELETE ON vacancies.vacancies
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancies.note_search_change()`);
    await runner.query(`
      CREATE TRIGGER vacancies_search_truncate AFTER TRUNCATE ON vacancies.vacancies
      FOR EACH STATEMENT EXECUTE FUNCTION vacancies.note_search_change()`);
    await runner.query(`
      CREATE TRIGGER employers_search_update AFTER UPDATE ON vacancies.employers
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancies.note_search_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER IF EXISTS employers_search_update ON vacancies.employers`);
    for (const name of ['insert', 'update', 'delete', 'truncate']) {
      await runner.query(`DROP TRIGGER IF EXISTS vacancies_search_${name} ON vacancies.vacancies`);
    }
    await runner.query(`DROP FUNCTION IF EXISTS vacancies.note_search_change()`);
    await runner.query(`DROP TABLE IF EXISTS vacancies.search_generation`);
  }
}
