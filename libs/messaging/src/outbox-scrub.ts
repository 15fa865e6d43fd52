import type { EntityManager } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Erasure support: deletes what the service's messaging tables still hold about one person, in
 * the caller's transaction (the one that erases their data), and returns how many rows went.
 *
 * - `<schema>.outbox` rows whose CloudEvents `subject` is `about` (events written with
 *   `{ about }`), published or not. Call it before writing the erasure event: that event, which
 *   every consumer acts on, supersedes whatever earlier events about the person had not yet gone
 *   out, so nothing a consumer needs is lost, and no copy of the person's data waits in the outbox
 *   for the 24-hour retention. A row the relay is publishing right now is locked by it; the delete
 *   waits for that and then removes the published row.
 * - `<schema>.dead_letters` rows whose raw payload mentions `about` anywhere.
 *
 * JetStream keeps published events for its own retention (14 days); consumers act on the erasure
 * event, and the events never carry more than the consumers were allowed to know.
 */
export async function scrubOutbox(em: EntityManager, schema: string, about: string): Promise<number> {
  if (!IDENTIFIER.test(schema)) throw new Error(`scrubOutbox: invalid schema name ${JSON.stringify(schema)}`);
  // An empty string is contained in every payload: it would wipe every dead letter.
  if (about.trim() === '') throw new Error('scrubOutbox: `about` must not be empty');
  const [row] = (await em.query(
    `WITH scrubbed_outbox AS (
       DELETE FROM ${schema}.outbox
       WHERE envelope->>'subject' = $1
       RETURNING 1
     ), scrubbed_dead_letters AS (
       DELETE FROM ${schema}.dead_letters WHERE strpos(payload, $1) > 0 RETURNING 1
     )
     SELECT (SELECT count(*) FROM scrubbed_outbox)::int + (SELECT count(*) FROM scrubbed_dead_letters)::int AS deleted`,
    [about],
  )) as { deleted: number }[];
  return Number(row?.deleted ?? 0);
}
