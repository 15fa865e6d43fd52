import { COUNTRIES } from './countries.data.js';
import { CURRENCIES } from './currencies.data.js';
import { EDUCATION_LEVELS } from './education-levels.data.js';
import type { TrilingualText } from './localized-text.js';
import { CEFR_LEVEL_INFO, LANGUAGES } from './languages.data.js';

// Every piece of reference text must exist in all three platform languages, and the Arabic must
// really be Arabic: a copy-pasted English or transliterated name would otherwise pass unnoticed.
const texts: [string, Readonly<TrilingualText>][] = [
  ...COUNTRIES.map((country): [string, Readonly<TrilingualText>] => [`country ${country.alpha2}`, country.name]),
  ...CURRENCIES.map((currency): [string, Readonly<TrilingualText>] => [`currency ${currency.code}`, currency.name]),
  ...LANGUAGES.map((language): [string, Readonly<TrilingualText>] => [`language ${language.code}`, language.name]),
  ...EDUCATION_LEVELS.map((level): [string, Readonly<TrilingualText>] => [`ISCED ${level.level}`, level.name]),
  ...CEFR_LEVEL_INFO.flatMap((info): [string, Readonly<TrilingualText>][] => [
    [`CEFR ${info.level} label`, info.label],
    [`CEFR ${info.level} description`, info.description],
  ]),
];

describe.each(texts)('%s', (_, text) => {
  it('is present, trimmed and non-empty in ar, en and fr', () => {
    expect(Object.keys(text).sort()).toEqual(['ar', 'en', 'fr']);
    for (const value of [text.ar, text.en, text.fr]) {
      expect(typeof value).toBe('string');
      expect(value.trim()).not.toBe('');
      expect(value).toBe(value.trim());
      expect(value).not.toMatch(/\s{2}/);
    }
  });

  it('is written in Arabic script in Arabic, with no Latin letters', () => {
    expect(text.ar).toMatch(/\p{Script=Arabic}/u);
    expect(text.ar).not.toMatch(/\p{Script=Latin}/u);
  });

  it('is written in Latin script in English and French', () => {
    expect(text.en).not.toMatch(/\p{Script=Arabic}/u);
    expect(text.fr).not.toMatch(/\p{Script=Arabic}/u);
  });
});
