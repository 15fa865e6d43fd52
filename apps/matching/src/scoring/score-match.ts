import { cefrRank, type CefrLevel } from '@olp/reference-data';
import type {
  LocationBasis,
  MatchReasonData,
  MatchResult,
  OccupationLevel,
  ScoringWeights,
  SeekerFeatures,
  VacancyFeatures,
} from './match-model.js';

/** At most this many `missing-skill` reasons per match (the lowest skill ids). */
export const MAX_MISSING_SKILL_REASONS = 5;

/** Each component of the score, in [0, 1]. */
export interface MatchComponents {
  essentialSkills: number;
  optionalSkills: number;
  occupation: number;
  languages: number;
  education: number;
  experience: number;
}

const COMPONENT_KEYS = ['essentialSkills', 'optionalSkills', 'occupation', 'languages', 'education', 'experience'] as const;

/** ISCO-08 level by the number of leading digits shared, and what it is worth. */
const OCCUPATION_LEVELS: readonly { level: OccupationLevel; proximity: number }[] = [
  { level: 'none', proximity: 0 },
  { level: 'major', proximity: 0.25 },
  { level: 'sub-major', proximity: 0.5 },
  { level: 'minor', proximity: 0.75 },
  { level: 'unit', proximity: 1 },
];

const upper = (code: string): string => code.trim().toUpperCase();
const lower = (code: string): string => code.trim().toLowerCase();

/**
 * The hard filters. Returns why the seeker may work in the vacancy's country, or null when the
 * pair must not match at all: the vacancy is not published or closed before `today`
 * (YYYY-MM-DD, inclusive), the seeker has not consented or is hidden, the seeker's nationality
 * is not eligible, or the seeker neither lives there, would relocate there, nor can work remotely
 * for a remote vacancy.
 */
export function eligibility(v: VacancyFeatures, s: SeekerFeatures, today: string): LocationBasis | null {
  if (v.status !== 'published' || v.closingDate < today) return null;
  if (!s.consentToMatching || s.visibility === 'hidden') return null;

  const nationality = upper(s.nationality);
  if (v.eligibilityScope !== 'all-member-states' && !v.eligibilityCountries.some((c) => upper(c) === nationality)) {
    return null;
  }

  return locationBasis(v, s);
}

/** Why the seeker may work in the vacancy's country (the location part of {@link eligibility}), or null. */
function locationBasis(v: VacancyFeatures, s: SeekerFeatures): LocationBasis | null {
  const country = upper(v.country);
  if (upper(s.residenceCountry) === country) return 'same-country';
  if (s.relocate === 'any-member-state') return 'relocate';
  if (s.relocate === 'listed' && s.relocateCountries.some((c) => upper(c) === country)) return 'relocate';
  if (v.workMode === 'remote' && s.remote) return 'remote';
  return null;
}

/** Number of leading digits two ISCO-08 codes share (0 to 4). */
function sharedIscoDigits(a: string, b: string): number {
  const max = Math.min(a.length, b.length, 4);
  let n = 0;
  while (n < max && a[n] === b[n]) n++;
  return n;
}

interface OccupationMatch {
  proximity: number;
  level: OccupationLevel;
  /** The shared group's code; the vacancy's own code when nothing is shared. */
  code: string;
}

/**
 * Best proximity over the seeker's desired occupations (any ISCO level) and the unit groups of
 * their experience. A code shorter than 4 digits counts at the level it shares with the vacancy.
 */
export function occupationProximity(vacancyCode: string, seekerCodes: readonly string[]): OccupationMatch {
  const target = vacancyCode.trim();
  let best = 0;
  for (const code of seekerCodes) best = Math.max(best, sharedIscoDigits(target, code.trim()));
  const { level, proximity } = OCCUPATION_LEVELS[best];
  return { proximity, level, code: best === 0 ? target : target.slice(0, best) };
}

/** Highest level per language code (lower-cased); later duplicates never lower a level. */
function highestLevels<T>(entries: readonly T[], code: (e: T) => string, level: (e: T) => CefrLevel): Map<string, CefrLevel> {
  const out = new Map<string, CefrLevel>();
  for (const entry of entries) {
    const key = lower(code(entry));
    const current = out.get(key);
    if (current === undefined || cefrRank(level(entry)) > cefrRank(current)) out.set(key, level(entry));
  }
  return out;
}

const nonNegative = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

function coverage(required: ReadonlySet<string>, has: ReadonlySet<string>): { matched: number; total: number; missing: string[] } {
  const missing: string[] = [];
  for (const id of required) if (!has.has(id)) missing.push(id);
  missing.sort();
  return { matched: required.size - missing.length, total: required.size, missing };
}

const ratio = (matched: number, total: number): number => (total === 0 ? 1 : matched / total);

interface Evaluation {
  components: MatchComponents;
  /** Reasons except the location one, in the documented order. */
  reasons: MatchReasonData[];
}

function evaluate(v: VacancyFeatures, s: SeekerFeatures): Evaluation {
  const reasons: MatchReasonData[] = [];

  // Skills, as sets.
  const has = new Set(s.skills);
  const essential = coverage(new Set(v.essentialSkills), has);
  // A skill listed as both essential and optional counts as essential only.
  const essentialSet = new Set(v.essentialSkills);
  const optional = coverage(new Set(v.optionalSkills.filter((id) => !essentialSet.has(id))), has);
  if (essential.total > 0) reasons.push({ code: 'essential-skills', params: { matched: essential.matched, total: essential.total } });
  for (const skillId of essential.missing.slice(0, MAX_MISSING_SKILL_REASONS)) {
    reasons.push({ code: 'missing-skill', params: { skillId } });
  }
  if (optional.total > 0) reasons.push({ code: 'optional-skills', params: { matched: optional.matched, total: optional.total } });

  // Occupation along the ISCO-08 hierarchy.
  const occupation = occupationProximity(v.iscoCode, [...s.desiredOccupations, ...s.experience.map((e) => e.iscoCode)]);
  reasons.push({ code: 'occupation', params: { level: occupation.level, code: occupation.code } });

  // Languages (CEFR), by language code.
  const required = highestLevels(v.languages, (l) => l.code, (l) => l.minLevel);
  const spoken = highestLevels(s.languages, (l) => l.code, (l) => l.level);
  let languagesMet = 0;
  for (const code of [...required.keys()].sort()) {
    const need = required.get(code)!;
    const level = spoken.get(code);
    if (level !== undefined && cefrRank(level) >= cefrRank(need)) {
      languagesMet++;
      reasons.push({ code: 'language', params: { code, level } });
    } else {
      reasons.push({ code: 'language-missing', params: { code, required: need } });
    }
  }

  // Education (ISCED 2011 levels).
  let education = 1;
  const minEducation = v.minEducationLevel;
  if (minEducation !== null && minEducation > 0) {
    const level = s.educationLevel;
    education = level === null ? 0 : level >= minEducation ? 1 : nonNegative(level) / minEducation;
  }
  if (minEducation !== null) reasons.push({ code: 'education', params: { met: education === 1 ? 1 : 0, required: minEducation } });

  // Experience in the vacancy's sub-major group.
  let experience = 1;
  const minYears = v.minExperienceYears;
  if (minYears !== null) {
    const subMajor = v.iscoCode.trim().slice(0, 2);
    const years = s.experience
      .filter((e) => e.iscoCode.trim().slice(0, 2) === subMajor)
      .reduce((sum, e) => sum + nonNegative(e.years), 0);
    if (minYears > 0) experience = Math.min(1, years / minYears);
    reasons.push({ code: 'experience', params: { years: Math.round(years * 10) / 10, required: minYears } });
  }

  return {
    components: {
      essentialSkills: ratio(essential.matched, essential.total),
      optionalSkills: ratio(optional.matched, optional.total),
      occupation: occupation.proximity,
      languages: ratio(languagesMet, required.size),
      education,
      experience,
    },
    reasons,
  };
}

/** Each component in [0, 1], without the hard filters (for diagnostics and tests). */
export function matchComponents(v: VacancyFeatures, s: SeekerFeatures): MatchComponents {
  return evaluate(v, s).components;
}

/** Throws a RangeError unless every weight is finite and ≥ 0 and their sum is positive. */
export function assertValidWeights(weights: ScoringWeights): void {
  let sum = 0;
  for (const key of COMPONENT_KEYS) {
    const w = weights[key];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Scoring weight ${key} must be a finite number ≥ 0, got ${w}`);
    sum += w;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) throw new RangeError('Scoring weights must have a positive, finite sum');
}

/** Σ wᵢ·cᵢ / Σ wᵢ, rounded to 4 decimals and kept in [0, 1]; invalid weights throw a RangeError. */
export function weightedScore(components: MatchComponents, weights: ScoringWeights): number {
  assertValidWeights(weights);
  let numerator = 0;
  let denominator = 0;
  for (const key of COMPONENT_KEYS) {
    numerator += weights[key] * components[key];
    denominator += weights[key];
  }
  const score = Math.round((numerator / denominator) * 10_000) / 10_000;
  return Math.min(1, Math.max(0, score));
}

const LOCATION_REASONS: Record<LocationBasis, (v: VacancyFeatures) => MatchReasonData> = {
  'same-country': (v) => ({ code: 'location-same-country', params: { country: upper(v.country) } }),
  relocate: (v) => ({ code: 'location-relocate', params: { country: upper(v.country) } }),
  remote: () => ({ code: 'location-remote', params: {} }),
};

/**
 * Scores an eligible pair; null when `eligibility` rejects it. Pure and deterministic: the order
 * and duplication of skills, languages and occupations in the inputs change nothing.
 *
 * Reasons come in this order: `essential-skills` (when any are required), `missing-skill` (up to
 * five, by skill id), `optional-skills` (when any), `occupation`, then per required language by
 * code either `language` or `language-missing`, `education` (when a minimum exists),
 * `experience` (when a minimum exists), and last the location basis (`location-same-country`,
 * `location-relocate` or `location-remote`).
 */
export function scoreMatch(v: VacancyFeatures, s: SeekerFeatures, weights: ScoringWeights, today: string): MatchResult | null {
  assertValidWeights(weights);
  const basis = eligibility(v, s, today);
  if (basis === null) return null;
  const { components, reasons } = evaluate(v, s);
  return { score: weightedScore(components, weights), reasons: [...reasons, LOCATION_REASONS[basis](v)] };
}

/**
 * The reasons {@link scoreMatch} gives a pair, without the hard filters: what a stored match is
 * explained with when it is read (its score was stored when it was computed, from the same
 * features). The location reason is left out when no location basis holds any more.
 */
export function explainMatch(v: VacancyFeatures, s: SeekerFeatures): MatchReasonData[] {
  const { reasons } = evaluate(v, s);
  const basis = locationBasis(v, s);
  return basis === null ? reasons : [...reasons, LOCATION_REASONS[basis](v)];
}
