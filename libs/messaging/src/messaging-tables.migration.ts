import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(runner: QueryRunner): string {
  const schema = (runner.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('Messaging tables need a schema-pinned data source');
  return schema;
}

/** The statement trigger that notified `<schema>_outbox` on every outbox insert. */
async function createOutboxNotify(runner: QueryRunner, s: string): Promise<void> {
  await runner.query(`
      CREATE FUNCTION ${s}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${s}_outbox', ''); RETURN NULL; END $$`);
  await runner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.outbox_notify()`);
}

async function dropOutboxNotify(runner: QueryRunner, s: string): Promise<void> {
  await runner.query(`DROP TRIGGER outbox_notify ON ${s}.outbox`);
  await runner.query(`DROP FUNCTION ${s}.outbox_notify()`);
}

/**
 * The outbox, inbox and dead-letter tables every service with a schema needs (services list
 * {@link MESSAGING_MIGRATIONS}). Rows are never edited by hand except to replay a dead letter
 * (delete its inbox row, republish).
 */
export class MessagingTables1763856000000 implements MigrationInterface {
  name = 'MessagingTables1763856000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.outbox (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        envelope jsonb NOT NULL,
        traceparent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`);
    await runner.query(`CREATE INDEX outbox_published_at_idx ON ${s}.outbox (published_at) WHERE published_at IS NOT NULL`);
    // Wake the relay at once instead of waiting for its next poll (until MessagingWakeInProcess).
    await createOutboxNotify(runner, s);
    await runner.query(`
      CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await runner.query(`
      CREATE TABLE ${s}.dead_letters (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid,
        subject text NOT NULL,
        payload text NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX dead_letters_consumer_idx ON ${s}.dead_letters (consumer, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE ${s}.dead_letters`);
    await runner.query(`DROP TABLE ${s}.inbox`);
    await dropOutboxNotify(runner, s);
    await runner.query(`DROP TABLE ${s}.outbox`);
  }
}

/**
 * The relay is woken in its own process when a transaction that wrote outbox rows commits
 * (`OutboxWriter.onCommit`), no longer by `NOTIFY`: PostgreSQL signals every listening backend of
 * the database at each notifying commit whatever the channel, so every service's listener woke
 * for every other service's events (bench:e2e: six listeners at ~0.5 % of a core each, and a
 * signal to each per commit). Rows written by other processes reach the relay's poll.
 */
export class MessagingWakeInProcess1764300000000 implements MigrationInterface {
  name = 'MessagingWakeInProcess1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await dropOutboxNotify(runner, s);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await createOutboxNotify(runner, s);
  }
}

/**
 * Every migration of the messaging library, for a service to spread into its own list
 * (`migrations: [...MESSAGING_MIGRATIONS, ServiceInit…]`). TypeORM runs a list in the order of the
 * migrations' timestamps, so a later messaging migration runs after the service migrations that
 * came before it; a new one is added here once, not in every service.
 */
export const MESSAGING_MIGRATIONS = [MessagingTables1763856000000, MessagingWakeInProcess1764300000000];
