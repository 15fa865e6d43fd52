/**
 * The platform's languages and trilingual text. This is the one home of these types: reference
 * data is written in them, contracts carry them, and the platform negotiates among them.
 */
export const LOCALES = ['ar', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Arabic is written right-to-left; the others left-to-right. */
export const LOCALE_DIRECTION: Readonly<Record<Locale, 'rtl' | 'ltr'>> = { ar: 'rtl', en: 'ltr', fr: 'ltr' };

/** The order in which a missing translation falls back, after the requested language. */
export const LOCALE_FALLBACK_ORDER: readonly Locale[] = ['en', 'fr', 'ar'];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** User-facing text in one or more of the platform languages; at least one must be present. */
export interface LocalizedText {
  ar?: string;
  en?: string;
  fr?: string;
}

/** Text that exists in all three languages: reference data, templates, error messages. */
export type TrilingualText = Required<LocalizedText>;

/**
 * Text for a reader: the requested language, else the first present in LOCALE_FALLBACK_ORDER.
 * Returns `undefined` only when no language is present.
 */
export function resolveText(text: LocalizedText, locale: Locale): string | undefined {
  const own = text[locale];
  if (own !== undefined && own !== '') return own;
  for (const candidate of LOCALE_FALLBACK_ORDER) {
    const value = text[candidate];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}
