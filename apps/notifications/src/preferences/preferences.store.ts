import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationCategory } from '@olp/contracts';
import { queryRow } from '@olp/persistence';
import { quietHoursOf } from '../schedule/schedule.js';
import { DEFAULT_PREFERENCES, type ChannelChoice, type Preferences } from './preferences.js';

interface PreferencesRow {
  categories: Partial<Record<NotificationCategory, ChannelChoice>>;
  quiet_start: string | null;
  quiet_end: string | null;
}

/** `notifications.preferences`: one row per user who changed anything; the others have the defaults. */
@Injectable()
export class PreferencesStore {
  async load(db: DataSource | EntityManager, userId: string): Promise<Preferences> {
    const row = await queryRow<PreferencesRow>(db, `SELECT categories, quiet_start, quiet_end FROM notifications.preferences WHERE user_id = $1`, [userId]);
    if (!row) return DEFAULT_PREFERENCES;
    return { categories: row.categories, quietHours: quietHoursOf(row.quiet_start, row.quiet_end) };
  }

  async save(em: EntityManager, userId: string, preferences: Preferences): Promise<void> {
    await em.query(
      `INSERT INTO notifications.preferences (user_id, categories, quiet_start, quiet_end, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id) DO UPDATE SET categories = EXCLUDED.categories, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, updated_at = now()`,
      [userId, JSON.stringify(preferences.categories), preferences.quietHours?.start ?? null, preferences.quietHours?.end ?? null],
    );
  }
}
