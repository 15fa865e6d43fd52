import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  decodeCursor,
  DomainError,
  encodeCursor,
  ErrorCode,
  type EmailStatus,
  type ListNotificationsRequest,
  type MarkedRead,
  type NotificationCategory,
  type NotificationList,
  type NotificationPage,
  type NotificationPreferencesView,
  type NotificationsExport,
  type NotificationView,
  type Principal,
  type PutPreferencesRequest,
  type UnreadCount,
} from '@olp/contracts';
import { DATA_SOURCE, queryRow, queryRows } from '@olp/persistence';
import { CONFIG } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { CLOCK, type Clock } from '../clock.js';
import { Directory, lockUser } from '../directory/directory.js';
import type { NotificationsConfig } from '../notifications.config.js';
import { categoryViews, fromRequest } from '../preferences/preferences.js';
import { PreferencesStore } from '../preferences/preferences.store.js';
import type { TemplateType } from '../templates/catalog.js';
import { renderMessage, type TemplateParams } from '../templates/render.js';

const DEFAULT_PAGE = 20;
const SINCE_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface NotificationRow {
  id: string;
  sequence: string;
  category: NotificationCategory;
  type: TemplateType;
  params: TemplateParams;
  refs: Record<string, string>;
  link: string;
  created_at: Date;
  read_at: Date | null;
  email_status: 'pending' | 'held' | 'sent' | 'failed' | 'cancelled' | null;
  email_attempts: number | null;
  email_sent_at: Date | null;
  email_due_at: Date | null;
}

/** Keyset cursor: the last item's creation time and id (newest first), and the filter it belongs to. */
interface InboxCursor {
  c: string;
  i: string;
  u: boolean;
}

function isInboxCursor(value: unknown): value is InboxCursor {
  const c = value as Partial<InboxCursor> | null;
  return typeof c === 'object' && c !== null && typeof c.c === 'string' && !Number.isNaN(Date.parse(c.c)) && typeof c.i === 'string' && UUID.test(c.i) && typeof c.u === 'boolean';
}

const SELECT = `
  SELECT n.id, n.sequence, n.category, n.type, n.params, n.refs, n.link, n.created_at, n.read_at,
         d.status AS email_status, d.attempts AS email_attempts, d.sent_at AS email_sent_at, d.due_at AS email_due_at
  FROM notifications.notifications n
  LEFT JOIN notifications.deliveries d ON d.notification_id = n.id AND d.channel = 'email'`;

function requireUser(principal: Principal | undefined): string {
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated);
  return principal.userId;
}

/**
 * The in-app side: a user's notifications (only their own: every query is keyed by the caller's
 * id, so another user's id simply does not exist for them), rendered on read in the request's
 * language with dates in the user's time zone; read marks; preferences; the data export.
 */
@Injectable()
export class NotificationQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(Directory) private readonly directory: Directory,
    @Inject(PreferencesStore) private readonly preferences: PreferencesStore,
    @Inject(CONFIG) private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(principal: Principal | undefined, request: ListNotificationsRequest, locale: Locale): Promise<NotificationPage> {
    const userId = requireUser(principal);
    const unread = request.unread ?? false;
    const limit = request.limit ?? DEFAULT_PAGE;
    let after: InboxCursor | undefined;
    if (request.cursor !== undefined) {
      after = decodeCursor(request.cursor, isInboxCursor);
      if (!after || after.u !== unread) throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'cursor', rule: 'isCursor' }]);
    }
    const rows = await queryRows<NotificationRow>(
      this.db,
      `${SELECT}
       WHERE n.recipient_id = $1 AND n.in_app ${unread ? 'AND n.read_at IS NULL' : ''}
         ${after ? 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      after ? [userId, limit + 1, after.c, after.i] : [userId, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const zone = await this.timeZoneOf(userId);
    return {
      items: page.map((r) => this.view(r, locale, zone)),
      nextCursor: rows.length > limit && last ? encodeCursor({ c: new Date(last.created_at).toISOString(), i: last.id, u: unread } satisfies InboxCursor) : null,
    };
  }

  /** In-app notifications after a sequence number, oldest first (what a stream missed). */
  async since(principal: Principal | undefined, afterSequence: string, locale: Locale): Promise<NotificationList> {
    const userId = requireUser(principal);
    const rows = await queryRows<NotificationRow>(
      this.db,
      `${SELECT} WHERE n.recipient_id = $1 AND n.in_app AND n.sequence > $2 ORDER BY n.sequence LIMIT ${SINCE_LIMIT}`,
      [userId, afterSequence],
    );
    const zone = await this.timeZoneOf(userId);
    return { items: rows.map((r) => this.view(r, locale, zone)) };
  }

  async unreadCount(principal: Principal | undefined): Promise<UnreadCount> {
    const userId = requireUser(principal);
    const row = await queryRow<{ count: number; latest: string | null }>(
      this.db,
      `SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS count, max(sequence)::text AS latest
       FROM notifications.notifications WHERE recipient_id = $1 AND in_app`,
      [userId],
    );
    return { count: row?.count ?? 0, latestSequence: row?.latest ?? '0' };
  }

  async markRead(principal: Principal | undefined, notificationId: string, locale: Locale): Promise<NotificationView> {
    const userId = requireUser(principal);
    const updated = await queryRows(
      this.db,
      `UPDATE notifications.notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND recipient_id = $2 AND in_app RETURNING id`,
      [notificationId, userId, this.clock.now()],
    );
    // Someone else's notification is indistinguishable from a missing one.
    if (updated.length === 0) throw new DomainError(ErrorCode.NotFound);
    const row = await queryRow<NotificationRow>(this.db, `${SELECT} WHERE n.id = $1`, [notificationId]);
    return this.view(row!, locale, await this.timeZoneOf(userId));
  }

  async markAllRead(principal: Principal | undefined): Promise<MarkedRead> {
    const userId = requireUser(principal);
    const updated = await queryRows(
      this.db,
      `UPDATE notifications.notifications SET read_at = $2 WHERE recipient_id = $1 AND in_app AND read_at IS NULL RETURNING id`,
      [userId, this.clock.now()],
    );
    return { marked: updated.length };
  }

  async getPreferences(principal: Principal | undefined): Promise<NotificationPreferencesView> {
    const userId = requireUser(principal);
    return this.preferencesView(this.db.manager, userId);
  }

  async putPreferences(principal: Principal | undefined, request: PutPreferencesRequest): Promise<NotificationPreferencesView> {
    const userId = requireUser(principal);
    return this.db.transaction(async (em) => {
      await lockUser(em, userId);
      if (await this.directory.isErased(em, userId)) throw new DomainError(ErrorCode.UserNotFound);
      await this.preferences.save(em, userId, fromRequest(request));
      return this.preferencesView(em, userId);
    });
  }

  /** Everything held about the caller: every notification (in-app or e-mail only) and the preferences. */
  async export(principal: Principal | undefined, locale: Locale): Promise<NotificationsExport> {
    const userId = requireUser(principal);
    const rows = await queryRows<NotificationRow>(this.db, `${SELECT} WHERE n.recipient_id = $1 ORDER BY n.created_at, n.id`, [userId]);
    const zone = await this.timeZoneOf(userId);
    return { notifications: rows.map((r) => this.view(r, locale, zone)), preferences: await this.preferencesView(this.db.manager, userId) };
  }

  private async preferencesView(em: EntityManager, userId: string): Promise<NotificationPreferencesView> {
    const prefs = await this.preferences.load(em, userId);
    return { categories: categoryViews(prefs), quietHours: prefs.quietHours, timeZone: await this.timeZoneOf(userId), digestHour: this.config.DIGEST_HOUR };
  }

  private async timeZoneOf(userId: string): Promise<string> {
    return (await this.directory.find(this.db.manager, userId))?.timeZone ?? 'UTC';
  }

  private view(row: NotificationRow, locale: Locale, timeZone: string): NotificationView {
    const text = renderMessage(row.type, row.params, { locale, timeZone });
    // No delivery row, or one cancelled because e-mail was switched off before it went: `off`.
    const status: EmailStatus = row.email_status === null || row.email_status === 'cancelled' ? 'off' : row.email_status;
    return {
      id: row.id,
      sequence: row.sequence === null ? '0' : String(row.sequence),
      category: row.category,
      type: row.type,
      title: text.title,
      body: text.body,
      link: row.link,
      refs: row.refs,
      createdAt: new Date(row.created_at).toISOString(),
      readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
      email: {
        status,
        attempts: row.email_attempts ?? 0,
        sentAt: row.email_sent_at ? new Date(row.email_sent_at).toISOString() : null,
        dueAt: (status === 'pending' || status === 'held') && row.email_due_at ? new Date(row.email_due_at).toISOString() : null,
      },
    };
  }
}
