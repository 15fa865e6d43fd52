import { LOCALES, LOCALE_DIRECTION, LOCALE_FALLBACK_ORDER, isLocale, resolveText } from './localized-text.js';

describe('locales', () => {
  it('are Arabic, English and French', () => {
    expect(LOCALES).toEqual(['ar', 'en', 'fr']);
    expect([...LOCALE_FALLBACK_ORDER].sort()).toEqual([...LOCALES].sort());
    expect(LOCALE_DIRECTION).toEqual({ ar: 'rtl', en: 'ltr', fr: 'ltr' });
  });

  it('isLocale accepts the three codes only', () => {
    for (const locale of LOCALES) expect(isLocale(locale)).toBe(true);
    for (const value of ['AR', 'ar-SA', 'de', '', null, undefined, 1]) expect(isLocale(value)).toBe(false);
  });
});

describe('resolveText', () => {
  it('returns the requested language when present', () => {
    expect(resolveText({ ar: 'مرحبا', en: 'Hello', fr: 'Bonjour' }, 'fr')).toBe('Bonjour');
  });

  it('falls back to English, then French, then Arabic, skipping empty strings', () => {
    expect(resolveText({ ar: 'مرحبا', en: 'Hello', fr: '' }, 'fr')).toBe('Hello');
    expect(resolveText({ ar: 'مرحبا', fr: 'Bonjour' }, 'en')).toBe('Bonjour');
    expect(resolveText({ ar: 'مرحبا' }, 'fr')).toBe('مرحبا');
  });

  it('returns undefined when there is no text at all', () => {
    expect(resolveText({}, 'ar')).toBeUndefined();
    expect(resolveText({ en: '' }, 'ar')).toBeUndefined();
  });
});
