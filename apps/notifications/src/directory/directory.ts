import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserRegisteredV1, UserUpdatedV1 } from '@olp/contracts';
import { scrubOutbox } from '@olp/messaging';
import { prepared, queryRow, queryRows } from '@olp/persistence';
import { defaultTimeZone, type Locale } from '@olp/reference-data';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
}

/** Serialises everything that writes about one user (dispatch, erasure) within a transaction. */
export async function lockUser(em: EntityManager, userId: string): Promise<void> {
  await lockUsers(em, [userId]);
}

/** The same lock for several users at once, always taken in id order (no lock-order deadlocks between events). */
export async function lockUsers(em: EntityManager, userIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(userIds)].sort();
  await queryRows(em, LOCK_USERS, [sorted]);
}

/** Every dispatch batch runs it: prepared once per connection (PreparedSql). */
const LOCK_USERS = prepared(`SELECT count(pg_advisory_xact_lock(hashtextextended(u, 7305))) FROM (SELECT u FROM unnest($1::text[]) AS u ORDER BY u) AS s`);

/**
 * The recipient directory: who people are (name, e-mail, language, time zone, roles and the
 * countries they act for), kept from identity events only, and their erasure. An older snapshot
 * never overwrites a newer one (events on a stream may be redelivered out of order), and nothing
 * comes back for an erased user.
 */
@Injectable()
export class Directory {
  async upsert(em: EntityManager, user: UserRegisteredV1 | UserUpdatedV1, changedAt: string): Promise<void> {
    await lockUser(em, user.userId);
    if (await this.isErased(em, user.userId)) return;
    await em.query(
      `INSERT INTO notifications.recipients (user_id, email, display_name, locale, time_zone, country, roles, country_scope, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, locale = EXCLUDED.locale,
         time_zone = EXCLUDED.time_zone, country = EXCLUDED.country, roles = EXCLUDED.roles, country_scope = EXCLUDED.country_scope,
         changed_at = EXCLUDED.changed_at
       WHERE notifications.recipients.changed_at <= EXCLUDED.changed_at`,
      [user.userId, user.email, user.displayName, user.locale, user.timeZone ?? defaultTimeZone(user.country), user.country, user.roles, user.countryScope, changedAt],
    );
  }

  async find(em: EntityManager, userId: string): Promise<Recipient | undefined> {
    return queryRow<Recipient>(
      em,
      `SELECT user_id AS "userId", email, display_name AS "displayName", locale, time_zone AS "timeZone" FROM notifications.recipients WHERE user_id = $1`,
      [userId],
    );
  }

  /**
   * The focal points acting for any of these countries, in id order: one query on the partial GIN
   * index, whatever the number of countries. Erased users have no row, so they are never among them.
   */
  async focalPointsOf(em: EntityManager, countries: readonly string[]): Promise<string[]> {
    if (countries.length === 0) return [];
    const rows = await queryRows<{ user_id: string }>(
      em,
      `SELECT user_id FROM notifications.recipients WHERE 'focal-point' = ANY (roles) AND country_scope && $1::text[] ORDER BY user_id`,
      [countries],
    );
    return rows.map((r) => r.user_id);
  }

  async isErased(em: EntityManager, userId: string): Promise<boolean> {
    return (await queryRows(em, `SELECT 1 FROM notifications.erased_users WHERE user_id = $1`, [userId])).length > 0;
  }

  /**
   * Erasure: the directory entry, preferences, notifications, their deliveries and digests, the
   * sequence counter and the outbox rows about the user go; a tombstone (the id alone) keeps late
   * or redelivered events from bringing anything back.
   */
  async erase(em: EntityManager, userId: string, erasedAt: string): Promise<void> {
    await lockUser(em, userId);
    await em.query(
      `INSERT INTO notifications.erased_users (user_id, erased_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`,
      [userId, erasedAt],
    );
    for (const table of ['deliveries', 'digests']) {
      await em.query(`DELETE FROM notifications.${table} WHERE recipient_id = $1`, [userId]);
    }
    await em.query(`DELETE FROM notifications.notifications WHERE recipient_id = $1`, [userId]);
    for (const table of ['recipients', 'preferences', 'recipient_sequences']) {
      await em.query(`DELETE FROM notifications.${table} WHERE user_id = $1`, [userId]);
    }
    // Also takes the user's entries out of `notifications.created` events (which name a whole dispatch batch).
    await scrubOutbox(em, 'notifications', userId);
  }
}
