import { formatMessage } from '@olp/platform';
import {
  findCountry,
  findEducationLevel,
  findLanguage,
  resolveText,
  type Locale,
  type Taxonomy,
} from '@olp/reference-data';
import type { MatchReasonData } from './match-model.js';
import { ENGLISH_COUNTRIES_WITH_ARTICLE, FRENCH_COUNTRY_PREPOSITIONS, REASON_MESSAGES } from './reason-messages.js';

/** A reason with its text in one language; the shape of the `MatchReason` contract. */
export interface RenderedReason extends MatchReasonData {
  text: string;
}

type DisplayParams = Record<string, string | number>;

const asNumber = (value: unknown): number => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
};

const asString = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

const OCCUPATION_SELECT_KEYS: Readonly<Record<string, string>> = {
  unit: 'unit',
  minor: 'minor',
  'sub-major': 'subMajor',
  major: 'major',
  none: 'none',
};

function countryParams(code: unknown, locale: Locale): DisplayParams {
  const alpha2 = asString(code).toUpperCase();
  const country = findCountry(alpha2);
  return {
    country: country?.name[locale] ?? alpha2,
    article: country && ENGLISH_COUNTRIES_WITH_ARTICLE.has(country.alpha2) ? 'the' : 'none',
    prep: (country && FRENCH_COUNTRY_PREPOSITIONS[country.alpha2]) ?? 'en',
  };
}

const languageName = (code: unknown, locale: Locale): string => {
  const raw = asString(code);
  return findLanguage(raw)?.name[locale] ?? raw;
};

/** The parameters a message reads, derived from the stored ones (names looked up per language). */
function displayParams(reason: MatchReasonData, locale: Locale, taxonomy: Taxonomy): DisplayParams {
  const p = reason.params ?? {};
  switch (reason.code) {
    case 'essential-skills':
    case 'optional-skills':
      return { matched: asNumber(p.matched), total: asNumber(p.total) };
    case 'missing-skill': {
      const id = asString(p.skillId);
      const skill = taxonomy.skill(id);
      return { skill: (skill && resolveText(skill.label, locale)) ?? id };
    }
    case 'occupation': {
      const code = asString(p.code);
      const group = code === '' ? undefined : taxonomy.iscoGroup(code);
      const title = group ? (resolveText(group.title, locale) ?? '') : '';
      return { level: OCCUPATION_SELECT_KEYS[asString(p.level)] ?? 'none', code, titled: title === '' ? 'no' : 'yes', title };
    }
    case 'language':
      return { language: languageName(p.code, locale), level: asString(p.level) };
    case 'language-missing':
      return { language: languageName(p.code, locale), required: asString(p.required) };
    case 'education': {
      const required = asNumber(p.required);
      const level = findEducationLevel(required);
      return { status: asNumber(p.met) === 1 ? 'met' : 'unmet', education: level ? level.name[locale] : `ISCED ${required}` };
    }
    case 'experience':
      return { years: asNumber(p.years), required: asNumber(p.required) };
    case 'location-same-country':
    case 'location-relocate':
      return countryParams(p.country, locale);
    case 'location-remote':
      return {};
    default:
      return {};
  }
}

/**
 * One reason as text in `locale`: ICU MessageFormat (plural rules and numbers per language),
 * country, language, skill, ISCO and ISCED names from reference data and the taxonomy. A code
 * unknown to this build (e.g. from a newer producer) renders as the code itself.
 */
export function renderReason(reason: MatchReasonData, locale: Locale, taxonomy: Taxonomy): string {
  const message = Object.hasOwn(REASON_MESSAGES, reason.code) ? REASON_MESSAGES[reason.code] : undefined;
  if (!message) return String(reason.code);
  return formatMessage(message, locale, displayParams(reason, locale, taxonomy));
}

/** Every reason with its text in `locale`, in the given order (the `MatchReason` contract shape). */
export function renderReasons(reasons: readonly MatchReasonData[], locale: Locale, taxonomy: Taxonomy): RenderedReason[] {
  return reasons.map((reason) => ({ code: reason.code, params: reason.params, text: renderReason(reason, locale, taxonomy) }));
}
