import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search-change log (1763900000003) is pruned every 64th generation instead of on every
 * change: each publication ran the prune's DELETE (~0.3 ms of backend time) while holding the
 * generation row, which every writer of a published vacancy waits for (docs/decisions.md,
 * "Change-aware search caches"). The log keeps its 15 minutes plus at most 64 changes;
 * `complete_after` moves as before whenever a prune removes something.
 *
 * A migration is a snapshot: the function is restated whole (the columns and the bulk limit as
 * 1763900000003 has them); `down` restores that migration's pruning on every change.
 */
const PRUNE_EVERY = 64;
const LOGGED_PER_STATEMENT = 500;
const SEARCHABLE = 'status, closing_date, search_vector, country, isco_code, skill_ids, contract_type, work_mode, published_at, eligibility_scope, eligibility_countries';

const PRUNE = `
        WITH gone AS (DELETE FROM vacancies.search_changes WHERE changed_at < now() - interval '15 minutes' RETURNING generation)
        SELECT max(generation) INTO pruned FROM gone;
        IF pruned IS NOT NULL THEN
          UPDATE vacancies.search_generation SET complete_after = greatest(complete_after, pruned);
        END IF;`;

/** `vacancies.note_search_change()` with `prune` (PL/pgSQL) run after a logged change. */
function noteSearchChange(prune: string): string {
  return `
      CREATE OR REPLACE FUNCTION vacancies.note_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
${prune}
        RETURN NULL;
      END $$`;
}

export class VacanciesSearchPruneEvery1764200000000 implements MigrationInterface {
  name = 'VacanciesSearchPruneEvery1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    // Every PRUNE_EVERYth generation, not every change.
    await runner.query(noteSearchChange(`
        IF g % ${PRUNE_EVERY} = 0 THEN${PRUNE}
        END IF;`));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(noteSearchChange(PRUNE));
  }
}
