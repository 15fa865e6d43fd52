import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NOTIFICATIONS_CREATED_MAX, type NotificationCategory } from '@olp/contracts';
import { OutboxWriter } from '@olp/messaging';
import { prepared, queryRows, type PreparedSql } from '@olp/persistence';
import { CONFIG } from '@olp/platform';
import { CLOCK, type Clock } from '../clock.js';
import { lockUsers } from '../directory/directory.js';
import type { NotificationsConfig } from '../notifications.config.js';
import { effectiveChoice, type ChannelChoice, type Preferences } from '../preferences/preferences.js';
import { HeldZones } from '../schedule/held-zones.js';
import { heldUntil, quietHoursOf } from '../schedule/schedule.js';
import type { Dispatch } from './dispatch-table.js';

export interface WriteResult {
  category: NotificationCategory;
  inApp: boolean;
  email: boolean;
}

/**
 * Turns one event's dispatches into stored rows inside the consumer's transaction, in a fixed
 * number of statements whatever the number of recipients (a vacancy closing tells every
 * applicant): the notifications (shown in the app when the in-app channel is on), an e-mail
 * delivery each when e-mail is on, and `notifications.notifications.created.v1` (one for the batch) for the gateways'
 * streams. The unique keys (event, recipient) and (notification, channel) make a redelivered event
 * a no-op even past the inbox; preferences are read at this moment (critical categories ignore
 * opt-outs); erased users get nothing. An e-mail of a category the recipient reads as a daily
 * digest is stored held for their next digest right away (the delivery worker would only claim it
 * to hold it: most e-mails of a burst of matches); one whose recipient is not in the directory
 * yet is left pending for the worker, which waits for it.
 */
@Injectable()
export class NotificationWriter {
  /** {@link insertNotificationsSql} with this service's outbox, prepared once per connection. */
  private readonly insertStatement: PreparedSql;

  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: NotificationsConfig,
    @Inject(HeldZones) private readonly heldZones: HeldZones,
  ) {
    this.insertStatement = prepared(insertNotificationsSql((first) => outbox.insertSql(first)));
  }

  async writeAll(em: EntityManager, eventId: string, dispatches: Dispatch[]): Promise<WriteResult[]> {
    return this.writeMany(em, [{ eventId, dispatches }]);
  }

  /**
   * Several events' dispatches (a delivery batch of one subject) in the same fixed number of
   * statements: a burst of match announcements costs a few statements per batch, not per event.
   */
  async writeMany(em: EntityManager, events: readonly { eventId: string; dispatches: Dispatch[] }[]): Promise<WriteResult[]> {
    // One notification per recipient and event, whatever a rule returned.
    const wanted: { eventId: string; dispatch: Dispatch }[] = [];
    for (const { eventId, dispatches } of events) {
      const seen = new Set<string>();
      for (const d of dispatches) {
        if (seen.has(d.recipientId)) continue;
        seen.add(d.recipientId);
        wanted.push({ eventId, dispatch: d });
      }
    }
    if (wanted.length === 0) return [];
    const recipients = [...new Set(wanted.map((w) => w.dispatch.recipientId))];
    await lockUsers(em, recipients);

    // Erased recipients, (event, recipient) pairs already stored, stored preferences and the
    // directory's time zones (for holding digest e-mails): one read after the locks.
    const erased = new Set<string>();
    const done = new Set<string>();
    const stored = new Map<string, Preferences>();
    const zones = new Map<string, string>();
    for (const r of await queryRows<{
      kind: 'erased' | 'done' | 'preferences' | 'zone';
      user_id: string;
      event_id: string | null;
      categories: Preferences['categories'] | null;
      quiet_start: string | null;
      quiet_end: string | null;
      time_zone: string | null;
    }>(
      em,
      READ_RECIPIENTS,
      [recipients, wanted.map((w) => w.eventId), wanted.map((w) => w.dispatch.recipientId)],
    )) {
      if (r.kind === 'erased') erased.add(r.user_id);
      else if (r.kind === 'done') done.add(`${r.event_id}|${r.user_id}`);
      else if (r.kind === 'zone') zones.set(r.user_id, r.time_zone!);
      else stored.set(r.user_id, { categories: r.categories!, quietHours: quietHoursOf(r.quiet_start, r.quiet_end) });
    }
    const planned: { eventId: string; dispatch: Dispatch; choice: ChannelChoice; id: string }[] = [];
    for (const { eventId, dispatch } of wanted) {
      const recipientId = dispatch.recipientId;
      if (erased.has(recipientId) || done.has(`${eventId}|${recipientId}`)) continue;
      const choice = effectiveChoice({ categories: stored.get(recipientId)?.categories ?? {}, quietHours: null }, dispatch.category);
      if (choice.inApp || choice.email) planned.push({ eventId, dispatch, choice, id: randomUUID() });
    }
    if (planned.length === 0) return [];

    // Per-recipient sequences for in-app notifications; the counter rows' locks order commits per recipient,
    // so a stream resuming after sequence n never misses a smaller one.
    const inApp = planned.filter((p) => p.choice.inApp);
    const perUser = new Map<string, number>();
    for (const p of inApp) perUser.set(p.dispatch.recipientId, (perUser.get(p.dispatch.recipientId) ?? 0) + 1);
    const last = new Map(
      (
        await queryRows<{ user_id: string; last_sequence: string }>(
          em,
          NEXT_SEQUENCES,
          [[...perUser.keys()], [...perUser.values()]],
        )
      ).map((r) => [r.user_id, Number(r.last_sequence)]),
    );
    // A recipient's notifications of this batch take the sequences up to their new last one, in event order.
    const sequences = new Map<string, number>();
    for (const p of inApp) {
      const recipientId = p.dispatch.recipientId;
      const left = perUser.get(recipientId)!;
      perUser.set(recipientId, left - 1);
      sequences.set(p.id, last.get(recipientId)! - left + 1);
    }
    const now = this.clock.now();
    // E-mails read as a daily digest are held at once for the recipient's next one.
    const holdUntil = new Map<string, Date>();
    for (const p of planned) {
      const zone = zones.get(p.dispatch.recipientId);
      if (!p.choice.email || p.choice.emailMode !== 'daily' || zone === undefined) continue;
      const due = heldUntil(now, zone, this.config.DIGEST_HOUR, stored.get(p.dispatch.recipientId)?.quietHours ?? null);
      if (Number.isNaN(due.getTime())) continue; // a zone luxon does not know: the worker decides (and fails it visibly)
      holdUntil.set(p.id, due);
      this.heldZones.remember(zone);
    }
    // One event for the batch's in-app notifications (split beyond the contract's maximum), not one each.
    const created = inApp.map((p) => ({ notificationId: p.id, userId: p.dispatch.recipientId, sequence: sequences.get(p.id)!, category: p.dispatch.category }));
    const parts: { payload: { notifications: typeof created; createdAt: string } }[] = [];
    for (let i = 0; i < created.length; i += NOTIFICATIONS_CREATED_MAX) {
      parts.push({ payload: { notifications: created.slice(i, i + NOTIFICATIONS_CREATED_MAX), createdAt: now.toISOString() } });
    }
    const told = this.outbox.prepareMany(em, 'notifications.notifications.created.v1', parts);
    // The notifications, for those with e-mail on their deliveries, and that event: one statement.
    await queryRows(
      em,
      this.insertStatement,
      [
        now,
        planned.map((p) => p.id),
        planned.map((p) => p.eventId),
        planned.map((p) => p.dispatch.recipientId),
        planned.map((p) => p.dispatch.category),
        planned.map((p) => p.dispatch.type),
        planned.map((p) => JSON.stringify(p.dispatch.params)),
        planned.map((p) => JSON.stringify(p.dispatch.refs)),
        planned.map((p) => p.dispatch.link),
        planned.map((p) => p.choice.inApp),
        planned.map((p) => (p.choice.inApp ? sequences.get(p.id)! : null)),
        planned.map((p) => p.choice.email),
        planned.map((p) => holdUntil.get(p.id)?.toISOString() ?? null),
        ...told.params,
      ],
    );
    return planned.map((p) => ({ category: p.dispatch.category, inApp: p.choice.inApp, email: p.choice.email }));
  }
}

// What every dispatch batch runs: prepared once per connection (PreparedSql in @olp/persistence:
// planning such a statement cost PostgreSQL more than running it).
const READ_RECIPIENTS = prepared(
  `SELECT 'erased' AS kind, user_id, NULL::uuid AS event_id, NULL::jsonb AS categories, NULL::text AS quiet_start, NULL::text AS quiet_end, NULL::text AS time_zone
   FROM notifications.erased_users WHERE user_id = ANY($1::uuid[])
   UNION ALL SELECT 'done', n.recipient_id, n.event_id, NULL, NULL, NULL, NULL FROM notifications.notifications n
   JOIN unnest($2::uuid[], $3::uuid[]) AS w(e, r) ON n.event_id = w.e AND n.recipient_id = w.r
   UNION ALL SELECT 'preferences', user_id, NULL, categories, quiet_start::text, quiet_end::text, NULL FROM notifications.preferences WHERE user_id = ANY($1::uuid[])
   UNION ALL SELECT 'zone', user_id, NULL, NULL, NULL, NULL, time_zone FROM notifications.recipients
   WHERE user_id = ANY($1::uuid[]) AND email IS NOT NULL AND display_name IS NOT NULL AND locale IS NOT NULL AND time_zone IS NOT NULL`,
);
const NEXT_SEQUENCES = prepared(
  `INSERT INTO notifications.recipient_sequences (user_id, last_sequence)
   SELECT u, n FROM unnest($1::uuid[], $2::bigint[]) AS t(u, n)
   ON CONFLICT (user_id) DO UPDATE SET last_sequence = notifications.recipient_sequences.last_sequence + EXCLUDED.last_sequence
   RETURNING user_id, last_sequence`,
);
/**
 * The notifications (`$2`–`$13`, created at `$1`) and, for those with e-mail on, their deliveries;
 * and the outbox rows of the batch's `notifications.created` (from `$14`: `OutboxWriter.insertSql`;
 * none, empty arrays): one round trip for all three.
 */
const insertNotificationsSql = (events: (first: number) => string): string =>
  `WITH t AS (
     SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::boolean[], $11::bigint[], $12::boolean[], $13::timestamptz[])
       AS t (id, event_id, recipient_id, category, type, params, refs, link, in_app, sequence, email, held_until)
   ), n AS (
     INSERT INTO notifications.notifications (id, event_id, recipient_id, category, type, params, refs, link, in_app, sequence, created_at)
     SELECT id, event_id, recipient_id, category, type, params, refs, link, in_app, sequence, $1 FROM t
     RETURNING id
   ), told AS (${events(14)})
   INSERT INTO notifications.deliveries (id, notification_id, recipient_id, channel, status, due_at, held_at, created_at)
   SELECT gen_random_uuid(), t.id, t.recipient_id, 'email',
          CASE WHEN t.held_until IS NULL THEN 'pending' ELSE 'held' END, COALESCE(t.held_until, $1),
          CASE WHEN t.held_until IS NULL THEN NULL ELSE $1::timestamptz END, $1
   FROM n JOIN t ON t.id = n.id WHERE t.email
   ON CONFLICT (notification_id, channel) DO NOTHING`;
