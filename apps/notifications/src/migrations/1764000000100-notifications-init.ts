import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recipient directory (from identity events), preferences, notifications (one per event and
 * recipient; `in_app` when shown in the app), e-mail deliveries (one per notification and channel:
 * the outbox-like queue the delivery worker claims), daily digests (one per recipient and local
 * day), per-recipient sequence counters (the stream's event ids) and the tombstones of erased users.
 */
export class NotificationsInit1764000000100 implements MigrationInterface {
  name = 'NotificationsInit1764000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notifications.recipients (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('ar', 'en', 'fr')),
        time_zone text NOT NULL,
        country char(2) NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE notifications.erased_users (
        user_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE notifications.preferences (
        user_id uuid PRIMARY KEY,
        categories jsonb NOT NULL,
        quiet_start text,
        quiet_end text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE notifications.recipient_sequences (
        user_id uuid PRIMARY KEY,
        last_sequence bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE notifications.notifications (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        category text NOT NULL,
        type text NOT NULL,
        params jsonb NOT NULL,
        refs jsonb NOT NULL,
        link text NOT NULL,
        in_app boolean NOT NULL,
        sequence bigint,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (event_id, recipient_id),
        CHECK (in_app = (sequence IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX notifications_inbox ON notifications.notifications (recipient_id, created_at DESC, id DESC) WHERE in_app`);
    await runner.query(`CREATE UNIQUE INDEX notifications_sequence ON notifications.notifications (recipient_id, sequence) WHERE in_app`);
    await runner.query(`CREATE INDEX notifications_unread ON notifications.notifications (recipient_id) WHERE in_app AND read_at IS NULL`);
    await runner.query(`
      CREATE TABLE notifications.digests (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL,
        local_date date NOT NULL,
        cutoff_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        sent_at timestamptz,
        item_count integer NOT NULL DEFAULT 0,
        UNIQUE (recipient_id, local_date)
      )`);
    await runner.query(`CREATE INDEX digests_due ON notifications.digests (due_at) WHERE status = 'pending'`);
    await runner.query(`
      CREATE TABLE notifications.deliveries (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications.notifications (id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email')),
        status text NOT NULL CHECK (status IN ('pending', 'held', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL,
        lease_until timestamptz,
        held_at timestamptz,
        digest_id uuid REFERENCES notifications.digests (id) ON DELETE SET NULL,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (notification_id, channel)
      )`);
    await runner.query(`CREATE INDEX deliveries_due ON notifications.deliveries (due_at) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX deliveries_held ON notifications.deliveries (recipient_id, held_at) WHERE status = 'held'`);
    await runner.query(`CREATE INDEX deliveries_recipient ON notifications.deliveries (recipient_id)`);
    await runner.query(`CREATE INDEX deliveries_digest ON notifications.deliveries (digest_id) WHERE digest_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['deliveries', 'digests', 'notifications', 'recipient_sequences', 'preferences', 'erased_users', 'recipients']) {
      await runner.query(`DROP TABLE notifications.${table}`);
    }
  }
}
