import { COUNTRIES, OIC_GROUPS, type Country, type MemberStateCode, type OicGroup } from './countries.data.js';
import { CURRENCIES, type Currency, type CurrencyCode } from './currencies.data.js';
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  type EducationLevelKey,
  type IscedLevel,
} from './education-levels.data.js';
import { LANGUAGES, type Language, type LanguageCode } from './languages.data.js';

// Indexes are built once at import; the data is small and static, so a lookup is one Map hit.
// Every `find*` accepts any letter case; every `is*` guard accepts only the canonical case
// (upper-case country and currency codes, lower-case language codes) because it narrows the
// value's type, and a narrowed 'sa' would not be a `MemberStateCode`.

function indexBy<T, K>(entries: readonly T[], ...keysOf: ((entry: T) => K)[]): ReadonlyMap<K, T> {
  const index = new Map<K, T>();
  for (const entry of entries) {
    for (const keyOf of keysOf) {
      const key = keyOf(entry);
      if (index.has(key)) throw new Error(`Duplicate reference-data key: ${String(key)}`);
      index.set(key, entry);
    }
  }
  return index;
}

// ---- Countries ----------------------------------------------------------------------------------

const countriesByCode = indexBy<Country, string>(
  COUNTRIES,
  (country) => country.alpha2,
  (country) => country.alpha3,
);

const countriesByGroup: ReadonlyMap<OicGroup, readonly Country[]> = new Map(
  OIC_GROUPS.map((group) => [group, Object.freeze(COUNTRIES.filter((country) => country.oicGroup === group))]),
);

/** The member state with this ISO 3166-1 alpha-2 or alpha-3 code, in any letter case. */
export function findCountry(code: string): Country | undefined {
  return countriesByCode.get(code.toUpperCase());
}

/** Whether `value` is the upper-case alpha-2 code of an OIC member state. */
export function isMemberStateCode(value: unknown): value is MemberStateCode {
  return typeof value === 'string' && value.length === 2 && countriesByCode.has(value);
}

/** The member states of one OIC geographic group, in `COUNTRIES` order. */
export function countriesInGroup(group: OicGroup): readonly Country[] {
  return countriesByGroup.get(group) ?? [];
}

// ---- Languages ----------------------------------------------------------------------------------

const languagesByCode = indexBy<Language, string>(LANGUAGES, (language) => language.code);

/** The ISO 639-1 language with this code, in any letter case. */
export function findLanguage(code: string): Language | undefined {
  return languagesByCode.get(code.toLowerCase());
}

/** Whether `value` is a lower-case ISO 639-1 code. */
export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && languagesByCode.has(value);
}

// ---- Education levels ---------------------------------------------------------------------------

const educationLevelsByKey = indexBy<EducationLevel, number | string>(
  EDUCATION_LEVELS,
  (level) => level.level,
  (level) => level.key,
);

/** Whether `value` is an ISCED 2011 level number (an integer from 0 to 8). */
export function isIscedLevel(value: unknown): value is IscedLevel {
  return typeof value === 'number' && educationLevelsByKey.has(value);
}

/** Whether `value` is the key of an ISCED 2011 level, e.g. `'bachelor'`. */
export function isEducationLevelKey(value: unknown): value is EducationLevelKey {
  return typeof value === 'string' && educationLevelsByKey.has(value);
}

/** The ISCED 2011 level with this number (0 to 8) or key (`'master'`, any letter case). */
export function findEducationLevel(levelOrKey: number | string): EducationLevel | undefined {
  return educationLevelsByKey.get(typeof levelOrKey === 'string' ? levelOrKey.toLowerCase() : levelOrKey);
}

// ---- Currencies ---------------------------------------------------------------------------------

const currenciesByCode = indexBy<Currency, string>(CURRENCIES, (currency) => currency.code);

/** The currency with this ISO 4217 alphabetic code, in any letter case. */
export function findCurrency(code: string): Currency | undefined {
  return currenciesByCode.get(code.toUpperCase());
}

/** Whether `value` is an upper-case ISO 4217 code known to the platform. */
export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && currenciesByCode.has(value);
}
