import type { EntityManager } from 'typeorm';
import { EVENT_PEOPLE } from '@olp/contracts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

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
 * - their entries in the service's events that name several people (`EVENT_PEOPLE` of
 *   @olp/contracts: the events of subjects under `<schema>.`), through {@link scrubOutboxEntries};
 *   an event left naming nobody goes.
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
  let deleted = Number(row?.deleted ?? 0);
  for (const [subject, people] of Object.entries(EVENT_PEOPLE)) {
    if (subject.startsWith(`${schema}.`)) deleted += await scrubOutboxEntries(em, schema, { subject, ...people }, about);
  }
  return deleted;
}

/** Where an event that names several people keeps them: the `data` array and each entry's id field. */
export interface OutboxEntryList {
  subject: string;
  /** The array in the event's `data` (e.g. `seekers`). */
  list: string;
  /** The id field of each entry (e.g. `seekerId`). */
  key: string;
}

/**
 * Erasure support for events about many people at once (a batch announcement, whose CloudEvents
 * `subject` cannot name them all, so {@link scrubOutbox} does not find them): takes the entries
 * naming `who` out of `<schema>.outbox` rows of `entries.subject`, published or not, and deletes a
 * row left naming nobody. In the caller's (erasing) transaction; a row the relay is publishing
 * right now is waited for, like `scrubOutbox`'s. Returns how many rows it deleted.
 */
export async function scrubOutboxEntries(em: EntityManager, schema: string, entries: OutboxEntryList, who: string): Promise<number> {
  if (!IDENTIFIER.test(schema)) throw new Error(`scrubOutboxEntries: invalid schema name ${JSON.stringify(schema)}`);
  // Spliced into the statement as JSON keys: plain field names only.
  for (const field of [entries.list, entries.key]) {
    if (!FIELD.test(field)) throw new Error(`scrubOutboxEntries: invalid field name ${JSON.stringify(field)}`);
  }
  if (who.trim() === '') throw new Error('scrubOutboxEntries: `who` must not be empty');
  const [row] = (await em.query(
    `WITH hit AS (
       SELECT o.id, COALESCE(jsonb_agg(e) FILTER (WHERE e->>'${entries.key}' <> $2), '[]'::jsonb) AS kept
       FROM ${schema}.outbox o, jsonb_array_elements(o.envelope->'data'->'${entries.list}') e
       WHERE o.subject = $1 AND o.envelope->'data'->'${entries.list}' @> jsonb_build_array(jsonb_build_object('${entries.key}', $2::text))
       GROUP BY o.id
     ), emptied AS (
       DELETE FROM ${schema}.outbox o USING hit WHERE o.id = hit.id AND jsonb_array_length(hit.kept) = 0 RETURNING 1
     ), kept AS (
       UPDATE ${schema}.outbox o SET envelope = jsonb_set(o.envelope, '{data,${entries.list}}', hit.kept)
       FROM hit WHERE o.id = hit.id AND jsonb_array_length(hit.kept) > 0 RETURNING 1
     )
     SELECT (SELECT count(*) FROM emptied)::int AS deleted, (SELECT count(*) FROM kept)::int AS kept`,
    [entries.subject, who],
  )) as { deleted: number }[];
  return Number(row?.deleted ?? 0);
}
