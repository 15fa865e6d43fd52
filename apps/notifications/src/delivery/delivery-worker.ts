import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { NotificationCategory } from '@olp/contracts';
import { DATA_SOURCE, queryRows } from '@olp/persistence';
import { CONFIG, LOGGER, type Logger } from '@olp/platform';
import { CLOCK, type Clock } from '../clock.js';
import { Directory, type Recipient } from '../directory/directory.js';
import type { NotificationsConfig } from '../notifications.config.js';
import { NotificationsMetrics } from '../notifications-metrics.js';
import { effectiveChoice, type Preferences } from '../preferences/preferences.js';
import { PreferencesStore } from '../preferences/preferences.store.js';
import { HeldZones } from '../schedule/held-zones.js';
import { backoffMs, digestSendTime, heldUntil, lastDigestMoment, quietHoursEnd, quietHoursOf } from '../schedule/schedule.js';
import type { TemplateType } from '../templates/catalog.js';
import { renderDigest, renderEmail, type EmailItem, type TemplateParams } from '../templates/render.js';
import { Mailer } from './mailer.js';

interface ClaimedDelivery {
  id: string;
  recipient_id: string;
  attempts: number;
  category: NotificationCategory;
  type: TemplateType;
  params: TemplateParams;
  link: string;
}

/** A claimed e-mail with what deciding and rendering it needs: the directory entry and preferences, read with the claim. */
interface DueDelivery extends ClaimedDelivery {
  email: string | null;
  display_name: string | null;
  locale: Recipient['locale'] | null;
  time_zone: string | null;
  categories: Preferences['categories'] | null;
  quiet_start: string | null;
  quiet_end: string | null;
}

interface ClaimedDigest {
  id: string;
  recipient_id: string;
  cutoff_at: Date;
  attempts: number;
}

export interface PassReport {
  sent: number;
  cancelled: number;
  held: number;
  deferred: number;
  retried: number;
  failed: number;
  digests: number;
}

/**
 * Sends e-mail from the `deliveries` queue and the daily digests, on every replica: each pass
 * claims due rows with `FOR UPDATE SKIP LOCKED` and a lease (so replicas never take the same row
 * and a crashed replica's rows come back when the lease ends), then decides per row from the
 * recipient's directory entry and preferences at that moment: hold for the digest, wait for quiet
 * hours to end, or render in the recipient's language and send. A failed send is retried with
 * exponential backoff and, after DELIVERY_MAX_ATTEMPTS, stays `failed` with its error. Sending is
 * at least once: a crash between the SMTP server's acceptance and the status update resends.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<PassReport> | undefined;
  private stopped = true;

  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Directory) private readonly directory: Directory,
    @Inject(PreferencesStore) private readonly preferences: PreferencesStore,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(NotificationsMetrics) private readonly metrics: NotificationsMetrics,
    @Inject(HeldZones) private readonly heldZones: HeldZones,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'delivery pass failed'))
        .finally(() => this.schedule());
    }, this.config.DELIVERY_POLL_MS);
  }

  /** One pass (also what tests call): due e-mails until none is left, then digests. Passes never overlap in a replica. */
  async runOnce(): Promise<PassReport> {
    const previous = this.current ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.pass());
    this.current = next;
    return next;
  }

  private async pass(): Promise<PassReport> {
    const report: PassReport = { sent: 0, cancelled: 0, held: 0, deferred: 0, retried: 0, failed: 0, digests: 0 };
    for (;;) {
      const claimed = await this.claimDeliveries();
      await this.deliverAll(claimed, report);
      if (claimed.length < this.config.DELIVERY_BATCH_SIZE) break;
    }
    if (this.digestCheckDue()) await this.openDueDigests();
    for (;;) {
      const claimed = await this.claimDigests();
      await Promise.all(claimed.map((digest) => this.sendDigest(digest, report)));
      if (claimed.length < this.config.DELIVERY_BATCH_SIZE) break;
    }
    return report;
  }

  private leaseUntil(now: Date): Date {
    return new Date(now.getTime() + this.config.DELIVERY_LEASE_MS);
  }

  private async claimDeliveries(): Promise<DueDelivery[]> {
    const now = this.clock.now();
    return queryRows<DueDelivery>(
      this.db,
      `WITH due AS (
         SELECT id FROM notifications.deliveries
         WHERE status = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE notifications.deliveries d SET lease_until = $3 FROM due WHERE d.id = due.id
         RETURNING d.id, d.notification_id, d.recipient_id, d.attempts
       )
       SELECT c.id, c.recipient_id, c.attempts, n.category, n.type, n.params, n.link,
              r.email, r.display_name, r.locale, r.time_zone, p.categories, p.quiet_start, p.quiet_end
       FROM claimed c JOIN notifications.notifications n ON n.id = c.notification_id
       LEFT JOIN notifications.recipients r ON r.user_id = c.recipient_id
       LEFT JOIN notifications.preferences p ON p.user_id = c.recipient_id`,
      [now, this.config.DELIVERY_BATCH_SIZE, this.leaseUntil(now)],
    );
  }

  /**
   * Decides every claimed e-mail at once: those to hold for the digest, cancel or defer past quiet
   * hours are written in one statement per outcome (a burst of matches is mostly holds), those to
   * send go out concurrently, each recorded as its send ends.
   */
  private async deliverAll(claimed: DueDelivery[], report: PassReport): Promise<void> {
    const now = this.clock.now();
    const held: { id: string; dueAt: Date }[] = [];
    const cancelled: string[] = [];
    const deferred: { id: string; dueAt: Date }[] = [];
    const work: Promise<void>[] = [];
    for (const delivery of claimed) {
      if (delivery.email === null || delivery.display_name === null || delivery.locale === null || delivery.time_zone === null) {
        // Events about a person can arrive before their account's: wait for the directory, within the attempts.
        work.push(this.failed('deliveries', delivery.id, delivery.attempts, 'recipient not (yet) in the directory', 'immediate', report));
        continue;
      }
      const recipient: Recipient = { userId: delivery.recipient_id, email: delivery.email, displayName: delivery.display_name, locale: delivery.locale, timeZone: delivery.time_zone };
      const prefs: Preferences = {
        categories: delivery.categories ?? {},
        quietHours: quietHoursOf(delivery.quiet_start, delivery.quiet_end),
      };
      const choice = effectiveChoice(prefs, delivery.category);
      if (!choice.email) {
        // E-mail switched off for the category since the notification was created: it does not go.
        cancelled.push(delivery.id);
        continue;
      }
      if (choice.emailMode === 'daily') {
        held.push({ id: delivery.id, dueAt: heldUntil(now, recipient.timeZone, this.config.DIGEST_HOUR, prefs.quietHours) });
        this.heldZones.remember(recipient.timeZone);
        continue;
      }
      const quietEnd = quietHoursEnd(now, recipient.timeZone, prefs.quietHours);
      if (quietEnd) {
        deferred.push({ id: delivery.id, dueAt: quietEnd });
        continue;
      }
      work.push(this.send(delivery, recipient, report));
    }
    if (cancelled.length > 0) {
      work.push(
        this.db.query(`UPDATE notifications.deliveries SET status = 'cancelled', lease_until = NULL WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [cancelled]).then(() => {
          report.cancelled += cancelled.length;
        }),
      );
    }
    if (held.length > 0) {
      work.push(
        this.db
          .query(
            `UPDATE notifications.deliveries d SET status = 'held', held_at = $1, due_at = h.due_at, lease_until = NULL
             FROM unnest($2::uuid[], $3::timestamptz[]) AS h (id, due_at) WHERE d.id = h.id AND d.status = 'pending'`,
            [now, held.map((h) => h.id), held.map((h) => h.dueAt.toISOString())],
          )
          .then(() => {
            report.held += held.length;
          }),
      );
    }
    if (deferred.length > 0) {
      work.push(
        this.db
          .query(
            `UPDATE notifications.deliveries d SET due_at = q.due_at, lease_until = NULL
             FROM unnest($1::uuid[], $2::timestamptz[]) AS q (id, due_at) WHERE d.id = q.id AND d.status = 'pending'`,
            [deferred.map((q) => q.id), deferred.map((q) => q.dueAt.toISOString())],
          )
          .then(() => {
            report.deferred += deferred.length;
          }),
      );
    }
    await Promise.all(work);
  }

  private async send(delivery: DueDelivery, recipient: Recipient, report: PassReport): Promise<void> {
    const email = renderEmail(recipient, this.item(delivery), this.preferencesUrl());
    try {
      await this.mailer.send({ to: recipient.email, ...email, language: recipient.locale, deliveryId: delivery.id });
    } catch (error) {
      await this.failed('deliveries', delivery.id, delivery.attempts, describe(error), 'immediate', report);
      return;
    }
    await this.db.query(
      `UPDATE notifications.deliveries SET status = 'sent', sent_at = $2, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE id = $1`,
      [delivery.id, this.clock.now()],
    );
    this.metrics.email('immediate', 'sent');
    report.sent++;
  }

  /** A failed attempt: retry after the backoff, or give up for good after the last attempt. */
  private async failed(table: 'deliveries' | 'digests', id: string, previousAttempts: number, error: string, kind: 'immediate' | 'digest', report: PassReport): Promise<void> {
    const attempts = previousAttempts + 1;
    const now = this.clock.now();
    if (attempts >= this.config.DELIVERY_MAX_ATTEMPTS) {
      await this.db.query(`UPDATE notifications.${table} SET status = 'failed', attempts = $2, last_error = $3, lease_until = NULL WHERE id = $1`, [id, attempts, error]);
      if (table === 'digests') {
        await this.db.query(`UPDATE notifications.deliveries SET status = 'failed', last_error = $2, attempts = $3 WHERE digest_id = $1 AND status = 'held'`, [id, error, attempts]);
      }
      this.logger.warn({ [table === 'digests' ? 'digestId' : 'deliveryId']: id, attempts, error }, 'e-mail failed for good');
      this.metrics.email(kind, 'failed');
      report.failed++;
      return;
    }
    const due = new Date(now.getTime() + backoffMs(attempts, this.config.DELIVERY_BACKOFF_MS, this.config.DELIVERY_BACKOFF_MAX_MS));
    await this.db.query(`UPDATE notifications.${table} SET attempts = $2, last_error = $3, due_at = $4, lease_until = NULL WHERE id = $1`, [id, attempts, error, due]);
    this.metrics.email(kind, 'retry');
    report.retried++;
  }

  /** When this replica last looked for due digests (the clock's time; a clock set back looks again). */
  private lastDigestCheck: number | undefined;

  private digestCheckDue(): boolean {
    const now = this.clock.now().getTime();
    const last = this.lastDigestCheck;
    if (last !== undefined && now >= last && now - last < this.config.DIGEST_CHECK_MS) return false;
    this.lastDigestCheck = now;
    return true;
  }

  /**
   * Opens the digest of every recipient whose cut-off (DIGEST_HOUR local) has passed with e-mails
   * held from before it: one row per (recipient, local day), so never two digests a day. Only
   * recipients with an e-mail held from before their zone's last cut-off come back from the
   * database (the others wait for a later pass and would be skipped here anyway): the zones this
   * replica has seen go with their cut-offs; recipients in other zones come back whatever their
   * held time, are decided here as before, and their zone is filtered from then on.
   */
  private async openDueDigests(): Promise<void> {
    const now = this.clock.now();
    const zones: string[] = [];
    const cutoffs: string[] = [];
    for (const zone of this.heldZones) {
      const cutoff = lastDigestMoment(now, zone, this.config.DIGEST_HOUR).at;
      if (Number.isNaN(cutoff.getTime())) continue;
      zones.push(zone);
      cutoffs.push(cutoff.toISOString());
    }
    const waiting = await queryRows<{ recipient_id: string; time_zone: string; quiet_start: string | null; quiet_end: string | null; first_held: Date }>(
      this.db,
      `SELECT d.recipient_id, r.time_zone, p.quiet_start, p.quiet_end, min(d.held_at) AS first_held
       FROM notifications.deliveries d
       JOIN notifications.recipients r ON r.user_id = d.recipient_id
       LEFT JOIN notifications.preferences p ON p.user_id = d.recipient_id
       LEFT JOIN unnest($1::text[], $2::timestamptz[]) AS z (zone, cutoff) ON z.zone = r.time_zone
       WHERE d.status = 'held' AND d.digest_id IS NULL AND (z.zone IS NULL OR d.held_at <= z.cutoff)
       GROUP BY d.recipient_id, r.time_zone, p.quiet_start, p.quiet_end`,
      [zones, cutoffs],
    );
    for (const w of waiting) {
      this.heldZones.remember(w.time_zone);
      const moment = lastDigestMoment(now, w.time_zone, this.config.DIGEST_HOUR);
      if (new Date(w.first_held) > moment.at) continue;
      const sendAt = digestSendTime(moment.at, w.time_zone, quietHoursOf(w.quiet_start, w.quiet_end));
      if (sendAt > now) continue;
      await this.db.query(
        `INSERT INTO notifications.digests (id, recipient_id, local_date, cutoff_at, status, due_at) VALUES ($1, $2, $3, $4, 'pending', $5)
         ON CONFLICT (recipient_id, local_date) DO NOTHING`,
        [randomUUID(), w.recipient_id, moment.localDate, moment.at, sendAt],
      );
    }
  }

  private async claimDigests(): Promise<ClaimedDigest[]> {
    const now = this.clock.now();
    return queryRows<ClaimedDigest>(
      this.db,
      `WITH due AS (
         SELECT id FROM notifications.digests
         WHERE status = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE notifications.digests g SET lease_until = $3 FROM due WHERE g.id = due.id
       RETURNING g.id, g.recipient_id, g.cutoff_at, g.attempts`,
      [now, this.config.DELIVERY_BATCH_SIZE, this.leaseUntil(now)],
    );
  }

  private async sendDigest(digest: ClaimedDigest, report: PassReport): Promise<void> {
    // The held e-mails from before the cut-off join this digest (and stay with it through retries).
    await this.db.query(
      `UPDATE notifications.deliveries SET digest_id = $1 WHERE recipient_id = $2 AND status = 'held' AND digest_id IS NULL AND held_at <= $3`,
      [digest.id, digest.recipient_id, digest.cutoff_at],
    );
    let items = await queryRows<ClaimedDelivery>(
      this.db,
      `SELECT d.id, d.recipient_id, d.attempts, n.category, n.type, n.params, n.link
       FROM notifications.deliveries d JOIN notifications.notifications n ON n.id = d.notification_id
       WHERE d.digest_id = $1 AND d.status = 'held' ORDER BY n.created_at, n.id`,
      [digest.id],
    );
    const recipient: Recipient | undefined = await this.directory.find(this.db.manager, digest.recipient_id);
    // Categories whose e-mail was switched off while waiting for the digest leave it.
    const prefs = await this.preferences.load(this.db, digest.recipient_id);
    const dropped = items.filter((item) => !effectiveChoice(prefs, item.category).email).map((item) => item.id);
    if (dropped.length > 0) {
      await this.db.query(`UPDATE notifications.deliveries SET status = 'cancelled', digest_id = NULL WHERE id = ANY($1::uuid[]) AND status = 'held'`, [dropped]);
      report.cancelled += dropped.length;
      items = items.filter((item) => !dropped.includes(item.id));
    }
    if (items.length === 0) {
      await this.db.query(`UPDATE notifications.digests SET status = 'sent', sent_at = $2, item_count = 0, lease_until = NULL WHERE id = $1`, [digest.id, this.clock.now()]);
      return;
    }
    if (!recipient) {
      await this.failed('digests', digest.id, digest.attempts, 'recipient not in the directory', 'digest', report);
      return;
    }
    const email = renderDigest(recipient, items.map((item) => this.item(item)), new Date(digest.cutoff_at), this.preferencesUrl());
    try {
      await this.mailer.send({ to: recipient.email, ...email, language: recipient.locale, deliveryId: digest.id });
    } catch (error) {
      await this.failed('digests', digest.id, digest.attempts, describe(error), 'digest', report);
      return;
    }
    const sentAt = this.clock.now();
    await this.db.transaction(async (em) => {
      await em.query(
        `UPDATE notifications.digests SET status = 'sent', sent_at = $2, attempts = attempts + 1, item_count = $3, lease_until = NULL, last_error = NULL WHERE id = $1`,
        [digest.id, sentAt, items.length],
      );
      await em.query(`UPDATE notifications.deliveries SET status = 'sent', sent_at = $2, attempts = attempts + 1 WHERE digest_id = $1 AND status = 'held'`, [digest.id, sentAt]);
    });
    this.metrics.email('digest', 'sent');
    report.digests++;
  }

  private item(delivery: Pick<ClaimedDelivery, 'type' | 'params' | 'link'>): EmailItem {
    return { type: delivery.type, params: delivery.params, url: `${this.config.PORTAL_URL}${delivery.link}` };
  }

  private preferencesUrl(): string {
    return `${this.config.PORTAL_URL}/me/notification-preferences`;
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; responseCode?: number };
  return [e.code, e.responseCode, e.message].filter((part) => part !== undefined && part !== '').join(' ').slice(0, 500) || String(error);
}
