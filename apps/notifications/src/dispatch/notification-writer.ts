import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '@olp/messaging';
import { queryRow, queryRows } from '@olp/persistence';
import { CLOCK, type Clock } from '../clock.js';
import { Directory, lockUser } from '../directory/directory.js';
import { effectiveChoice } from '../preferences/preferences.js';
import { PreferencesStore } from '../preferences/preferences.store.js';
import type { Dispatch } from './dispatch-table.js';

export interface WriteResult {
  created: boolean;
  inApp: boolean;
  email: boolean;
}

/**
 * Turns one (event, recipient) into stored rows inside the consumer's transaction: the
 * notification (shown in the app when the in-app channel is on), an e-mail delivery when e-mail
 * is on, and `notifications.notification.created.v1` for the gateways' streams. The unique keys
 * (event, recipient) and (notification, channel) make a redelivered event a no-op even past the
 * inbox; preferences are read at this moment (critical categories ignore opt-outs).
 */
@Injectable()
export class NotificationWriter {
  constructor(
    @Inject(Directory) private readonly directory: Directory,
    @Inject(PreferencesStore) private readonly preferences: PreferencesStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async write(em: EntityManager, eventId: string, dispatch: Dispatch): Promise<WriteResult> {
    const none = { created: false, inApp: false, email: false };
    await lockUser(em, dispatch.recipientId);
    if (await this.directory.isErased(em, dispatch.recipientId)) return none;
    const existing = await queryRows(em, `SELECT 1 FROM notifications.notifications WHERE event_id = $1 AND recipient_id = $2`, [eventId, dispatch.recipientId]);
    if (existing.length > 0) return none;
    const choice = effectiveChoice(await this.preferences.load(em, dispatch.recipientId), dispatch.category);
    if (!choice.inApp && !choice.email) return none;

    const now = this.clock.now();
    let sequence: number | null = null;
    if (choice.inApp) {
      // The counter row's lock orders commits per recipient, so a stream resuming after sequence n never misses a smaller one.
      const counter = await queryRow<{ last_sequence: string }>(
        em,
        `INSERT INTO notifications.recipient_sequences (user_id, last_sequence) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET last_sequence = notifications.recipient_sequences.last_sequence + 1
         RETURNING last_sequence`,
        [dispatch.recipientId],
      );
      sequence = Number(counter!.last_sequence);
    }
    const id = randomUUID();
    await em.query(
      `INSERT INTO notifications.notifications (id, event_id, recipient_id, category, type, params, refs, link, in_app, sequence, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, eventId, dispatch.recipientId, dispatch.category, dispatch.type, JSON.stringify(dispatch.params), JSON.stringify(dispatch.refs), dispatch.link, choice.inApp, sequence, now],
    );
    if (choice.email) {
      await em.query(
        `INSERT INTO notifications.deliveries (id, notification_id, recipient_id, channel, status, due_at, created_at)
         VALUES ($1, $2, $3, 'email', 'pending', $4, $4) ON CONFLICT (notification_id, channel) DO NOTHING`,
        [randomUUID(), id, dispatch.recipientId, now],
      );
    }
    if (sequence !== null) {
      await this.outbox.add(
        em,
        'notifications.notification.created.v1',
        { notificationId: id, userId: dispatch.recipientId, sequence, category: dispatch.category, createdAt: now.toISOString() },
        { about: dispatch.recipientId },
      );
    }
    return { created: true, inApp: choice.inApp, email: choice.email };
  }
}
