import { IntlMessageFormat } from 'intl-messageformat';
import { resolveText, type Locale, type TrilingualText, type LocalizedText } from '@olp/reference-data';

const cache = new Map<string, IntlMessageFormat>();

/**
 * Renders an ICU MessageFormat text in a language (plural rules, numbers and dates per locale).
 * Compiled messages are cached: the catalogs are small and fixed.
 */
export function formatMessage(
  text: TrilingualText | LocalizedText,
  locale: Locale,
  params: Record<string, string | number | Date> = {},
): string {
  const source = resolveText(text, locale) ?? '';
  const key = `${locale}\u0000${source}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
    cache.set(key, compiled);
  }
  try {
    return String(compiled.format(params));
  } catch {
    // A missing argument must never turn an error report into a crash.
    return source;
  }
}
