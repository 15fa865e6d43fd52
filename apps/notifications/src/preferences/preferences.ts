import {
  CRITICAL_CATEGORIES,
  NOTIFICATION_CATEGORIES,
  type CategoryPreferenceView,
  type EmailMode,
  type NotificationCategory,
  type PutPreferencesRequest,
} from '@olp/contracts';
import type { QuietHours } from '../schedule/schedule.js';

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
  emailMode: EmailMode;
}

/**
 * Defaults (documented in the README): everything in the app and by e-mail; matches, which can
 * be many, by e-mail in the daily digest, everything else at once; no quiet hours.
 */
export const DEFAULT_CHOICES: Readonly<Record<NotificationCategory, ChannelChoice>> = {
  matches: { inApp: true, email: true, emailMode: 'daily' },
  applications: { inApp: true, email: true, emailMode: 'immediate' },
  programmes: { inApp: true, email: true, emailMode: 'immediate' },
  essential: { inApp: true, email: true, emailMode: 'immediate' },
};

/** A user's stored preferences (a row of `notifications.preferences`), or the defaults. */
export interface Preferences {
  categories: Partial<Record<NotificationCategory, ChannelChoice>>;
  quietHours: QuietHours | null;
}

export const DEFAULT_PREFERENCES: Preferences = { categories: {}, quietHours: null };

export function isCritical(category: NotificationCategory): boolean {
  return CRITICAL_CATEGORIES.includes(category);
}

/** What the user chose for a category (their choice, else the default). */
export function choiceFor(preferences: Preferences, category: NotificationCategory): ChannelChoice {
  return preferences.categories[category] ?? DEFAULT_CHOICES[category];
}

/**
 * What actually happens for a category: critical categories ignore opt-outs (both channels on)
 * and never wait for the digest.
 */
export function effectiveChoice(preferences: Preferences, category: NotificationCategory): ChannelChoice {
  const choice = choiceFor(preferences, category);
  return isCritical(category) ? { inApp: true, email: true, emailMode: 'immediate' } : choice;
}

/** A PUT body as stored preferences: listed categories replace, the others keep their defaults. */
export function fromRequest(request: PutPreferencesRequest): Preferences {
  const categories: Preferences['categories'] = {};
  for (const c of request.categories) categories[c.category] = { inApp: c.inApp, email: c.email, emailMode: c.emailMode };
  return { categories, quietHours: request.quietHours ? { start: request.quietHours.start, end: request.quietHours.end } : null };
}

export function categoryViews(preferences: Preferences): CategoryPreferenceView[] {
  return NOTIFICATION_CATEGORIES.map((category) => ({ category, critical: isCritical(category), ...choiceFor(preferences, category) }));
}
