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
 * for the rest of their (short) transactions, so generations are numbered in commit order.
 * Publishing is rare next to searching.
 *
 * `vacancies.search_changes` logs, per generation, the searchable columns (all a search's WHERE
 * reads) of each row as it was before and is after the change, when published: a search that
 * matches none of the rows logged after generation g returns today what it returned at g, so a
 * cache can keep it although the generation moved on (VacancySearch.changedSince). The log keeps
 * 15 minutes, pruned by the writers themselves; `complete_after` says from which generation on it
 * is complete (pruning, a TRUNCATE or a statement changing more than 500 published vacancies,
 * which are not logged, move it: every search counts as changed).
 */
/** More changed vacancies in one statement are not logged: the log stays a few hundred rows. Expiry closes 500 at a time. */
const LOGGED_PER_STATEMENT = 500;

const SEARCHABLE = 'status, closing_date, search_vector, country, isco_code, skill_ids, contract_type, work_mode, published_at, eligibility_scope, eligibility_countries';

export class VacanciesSearchGeneration1763900000003 implements MigrationInterface {
  name = 'VacanciesSearchGeneration1763900000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vacancies.search_generation (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        value bigint NOT NULL,
        complete_after bigint NOT NULL
      )`);
    await runner.query(`INSERT INTO vacancies.search_generation (singleton, value, complete_after) VALUES (true, 1, 1)`);
    // The searchable columns with the vacancies' own types; a new filter column must be added here.
    await runner.query(`
      CREATE TABLE vacancies.search_changes AS
      SELECT 0::bigint AS generation, now() AS changed_at, ${SEARCHABLE} FROM vacancies.vacancies WITH NO DATA`);
    await runner.query(`CREATE INDEX search_changes_generation_idx ON vacancies.search_changes (generation)`);
    await runner.query(`CREATE INDEX search_changes_changed_at_idx ON vacancies.search_changes (changed_at)`);
    await runner.query(`
      CREATE FUNCTION vacancies.note_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed bigint;
        g bigint;
        pruned bigint;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE vacancies.search_generation SET value = value + 1, complete_after = value + 1;
          RETURN NULL;
        ELSIF TG_TABLE_NAME = 'employers' THEN
          SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN vacancies.vacancies v ON v.employer_id = n.id
          WHERE o.name IS DISTINCT FROM n.name AND v.status = 'published' INTO changed;
        ELSIF TG_OP = 'INSERT' THEN
          SELECT count(*) FROM new_rows WHERE status = 'published' INTO changed;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT count(*) FROM old_rows WHERE status = 'published' INTO changed;
        ELSE
          SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.status = 'published' OR n.status = 'published')
            AND to_jsonb(o) - ARRAY['application_count', 'updated_at'] IS DISTINCT FROM to_jsonb(n) - ARRAY['application_count', 'updated_at']
          INTO changed;
        END IF;
        IF changed = 0 THEN
          RETURN NULL;
        ELSIF changed > ${LOGGED_PER_STATEMENT} THEN
          -- A bulk change (an import, a migration): not logged, every search counts as changed.
          UPDATE vacancies.search_generation SET value = value + 1, complete_after = value + 1;
          RETURN NULL;
        END IF;
        UPDATE vacancies.search_generation SET value = value + 1 RETURNING value INTO g;
        IF TG_TABLE_NAME = 'employers' THEN
          -- A new name shows in every result listing the employer's vacancies.
          INSERT INTO vacancies.search_changes
          SELECT g, now(), ${SEARCHABLE.split(', ').map((c) => `v.${c}`).join(', ')}
          FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN vacancies.vacancies v ON v.employer_id = n.id
          WHERE o.name IS DISTINCT FROM n.name AND v.status = 'published';
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO vacancies.search_changes SELECT g, now(), ${SEARCHABLE} FROM new_rows WHERE status = 'published';
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO vacancies.search_changes SELECT g, now(), ${SEARCHABLE} FROM old_rows WHERE status = 'published';
        ELSE
          INSERT INTO vacancies.search_changes
          SELECT g, now(), ${SEARCHABLE} FROM (
            SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.status = 'published'
              AND to_jsonb(o) - ARRAY['application_count', 'updated_at'] IS DISTINCT FROM to_jsonb(n) - ARRAY['application_count', 'updated_at']
            UNION ALL
            SELECT n.* FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE n.status = 'published'
              AND to_jsonb(o) - ARRAY['application_count', 'updated_at'] IS DISTINCT FROM to_jsonb(n) - ARRAY['application_count', 'updated_at']
          ) r;
        END IF;
        WITH gone AS (DELETE FROM vacancies.search_changes WHERE changed_at < now() - interval '15 minutes' RETURNING generation)
        SELECT max(generation) INTO pruned FROM gone;
        IF pruned IS NOT NULL THEN
          UPDATE vacancies.search_generation SET complete_after = greatest(complete_after, pruned);
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
    await runner.query(`DROP TABLE IF EXISTS vacancies.search_changes`);
    await runner.query(`DROP TABLE IF EXISTS vacancies.search_generation`);
  }
}
