import { cefrRank, type CefrLevel } from '@olp/reference-data';
import type { ScoringWeights, SeekerFeatures, VacancyFeatures } from './match-model.js';
import { assertValidWeights } from './score-match.js';

/**
 * `scoreMatch`'s score (not its reasons) over features compiled once into small integer arrays,
 * for scoring many pairs of one changed vacancy or profile. Codes are interned to integers
 * (skills, countries, languages, ISCO-08 prefixes), so a pair costs a few array scans and no
 * allocation. It computes every component with the same arithmetic in the same order as
 * `evaluate` and `weightedScore`, so the number is bit-for-bit `scoreMatch(v, s, w, today)?.score`
 * (a fast-check property in `compiled-score.spec.ts` holds it to that); the reasons are still
 * `scoreMatch`'s, computed only for the pairs that are stored.
 */

/** Strings to dense integer ids; one instance per kind of code (ids never shrink, codes are a bounded vocabulary). */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}

/** The vocabularies features are compiled against; seekers and vacancies scored together must share one. */
export class Vocabulary {
  readonly skills = new Interner();
  readonly countries = new Interner();
  readonly languages = new Interner();
  /** ISCO-08 code prefixes (1 to 4 characters), and the two-character groups of experience. */
  readonly occupations = new Interner();
}

/** Weights in component order and their sum, validated once. */
export interface CompiledWeights {
  readonly w: readonly [number, number, number, number, number, number];
  readonly sum: number;
}

export function compileWeights(weights: ScoringWeights): CompiledWeights {
  assertValidWeights(weights);
  const w = [weights.essentialSkills, weights.optionalSkills, weights.occupation, weights.languages, weights.education, weights.experience] as const;
  let sum = 0;
  for (const x of w) sum += x;
  return { w, sum };
}

export const RELOCATE_NONE = 0;
export const RELOCATE_LISTED = 1;
export const RELOCATE_ANY = 2;

export interface CompiledSeeker {
  readonly matchable: boolean;
  /** Distinct skill ids. */
  readonly skills: readonly number[];
  readonly nationality: number;
  readonly residence: number;
  readonly relocate: number;
  readonly relocateCountries: readonly number[];
  readonly remote: boolean;
  /** Every prefix (1 to 4 characters) of every desired and experience code, distinct. */
  readonly occupations: readonly number[];
  /** [language, highest CEFR rank] pairs. */
  readonly languages: readonly number[];
  readonly education: number | null;
  /** [two-character group, years ≥ 0] per job, in profile order (the sum is taken in that order). */
  readonly experience: readonly number[];
}

export interface CompiledVacancy {
  readonly open: { status: VacancyFeatures['status']; closingDate: string };
  /** Distinct essential skill ids; optional ones exclude the essential ones. */
  readonly essential: readonly number[];
  readonly optional: readonly number[];
  /** Prefix ids of the vacancy's code for 1..4 shared characters (index n-1), -1 past its length. */
  readonly occupation: readonly [number, number, number, number];
  /** [language, required CEFR rank] pairs. */
  readonly languages: readonly number[];
  /** 0 when there is no positive minimum. */
  readonly minEducation: number;
  readonly hasMinExperience: boolean;
  readonly minExperience: number;
  readonly experienceGroup: number;
  readonly country: number;
  readonly remote: boolean;
  readonly allNationalities: boolean;
  readonly nationalities: readonly number[];
}

const upper = (code: string): string => code.trim().toUpperCase();
const lower = (code: string): string => code.trim().toLowerCase();
const nonNegative = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** Highest rank per language code, keeping the first of equal ranks (as `highestLevels` does). */
function languageRanks<T>(vocabulary: Vocabulary, entries: readonly T[], code: (e: T) => string, level: (e: T) => CefrLevel): number[] {
  const best = new Map<number, number>();
  for (const entry of entries) {
    const id = vocabulary.languages.id(lower(code(entry)));
    const rank = cefrRank(level(entry));
    const current = best.get(id);
    if (current === undefined || rank > current) best.set(id, rank);
  }
  const out: number[] = [];
  for (const [id, rank] of best) out.push(id, rank);
  return out;
}

export function compileSeeker(vocabulary: Vocabulary, s: SeekerFeatures): CompiledSeeker {
  const occupations = new Set<number>();
  for (const raw of [...s.desiredOccupations, ...s.experience.map((e) => e.iscoCode)]) {
    const code = raw.trim();
    for (let n = 1; n <= Math.min(4, code.length); n++) occupations.add(vocabulary.occupations.id(code.slice(0, n)));
  }
  const experience: number[] = [];
  for (const e of s.experience) experience.push(vocabulary.occupations.id(e.iscoCode.trim().slice(0, 2)), nonNegative(e.years));
  return {
    matchable: s.consentToMatching && s.visibility !== 'hidden',
    skills: [...new Set(s.skills.map((id) => vocabulary.skills.id(id)))],
    nationality: vocabulary.countries.id(upper(s.nationality)),
    residence: vocabulary.countries.id(upper(s.residenceCountry)),
    relocate: s.relocate === 'any-member-state' ? RELOCATE_ANY : s.relocate === 'listed' ? RELOCATE_LISTED : RELOCATE_NONE,
    relocateCountries: [...new Set(s.relocateCountries.map((c) => vocabulary.countries.id(upper(c))))],
    remote: s.remote,
    occupations: [...occupations],
    languages: languageRanks(vocabulary, s.languages, (l) => l.code, (l) => l.level),
    education: s.educationLevel,
    experience,
  };
}

export function compileVacancy(vocabulary: Vocabulary, v: VacancyFeatures): CompiledVacancy {
  const essential = [...new Set(v.essentialSkills)];
  const essentialSet = new Set(essential);
  const optional = [...new Set(v.optionalSkills.filter((id) => !essentialSet.has(id)))];
  const target = v.iscoCode.trim();
  const occupation = [1, 2, 3, 4].map((n) => (n <= target.length ? vocabulary.occupations.id(target.slice(0, n)) : -1)) as [number, number, number, number];
  return {
    open: { status: v.status, closingDate: v.closingDate },
    essential: essential.map((id) => vocabulary.skills.id(id)),
    optional: optional.map((id) => vocabulary.skills.id(id)),
    occupation,
    languages: languageRanks(vocabulary, v.languages, (l) => l.code, (l) => l.minLevel),
    minEducation: v.minEducationLevel !== null && v.minEducationLevel > 0 ? v.minEducationLevel : 0,
    hasMinExperience: v.minExperienceYears !== null,
    minExperience: v.minExperienceYears ?? 0,
    experienceGroup: vocabulary.occupations.id(target.slice(0, 2)),
    country: vocabulary.countries.id(upper(v.country)),
    remote: v.workMode === 'remote',
    allNationalities: v.eligibilityScope === 'all-member-states',
    nationalities: v.eligibilityCountries.map((c) => vocabulary.countries.id(upper(c))),
  };
}

/** The vacancy-level hard filter: published and not closed before `today` (YYYY-MM-DD, inclusive). */
export function isOpen(v: CompiledVacancy, today: string): boolean {
  return v.open.status === 'published' && v.open.closingDate >= today;
}

/** The pair-level hard filters (nationality, then country: same, relocation, remote), for a matchable seeker. */
export function mayApply(v: CompiledVacancy, s: CompiledSeeker): boolean {
  if (!v.allNationalities && !v.nationalities.includes(s.nationality)) return false;
  return (
    s.residence === v.country ||
    s.relocate === RELOCATE_ANY ||
    (s.relocate === RELOCATE_LISTED && s.relocateCountries.includes(v.country)) ||
    (v.remote && s.remote)
  );
}

const OCCUPATION_PROXIMITY = [0, 0.25, 0.5, 0.75, 1] as const;

const rounded = (numerator: number, weights: CompiledWeights): number => {
  const score = Math.round((numerator / weights.sum) * 10_000) / 10_000;
  return Math.min(1, Math.max(0, score));
};

/**
 * The highest score a pair can reach given how many of the vacancy's essential and optional
 * skills the seeker has: the other components at 1. Never below the pair's score (the same
 * monotone arithmetic), so a pair whose bound ranks after the K-th best can be skipped.
 */
export function scoreUpperBound(weights: CompiledWeights, v: CompiledVacancy, essentialMatched: number, optionalMatched: number): number {
  const w = weights.w;
  let numerator = 0;
  numerator += w[0] * (v.essential.length === 0 ? 1 : essentialMatched / v.essential.length);
  numerator += w[1] * (v.optional.length === 0 ? 1 : optionalMatched / v.optional.length);
  numerator += w[2];
  numerator += w[3];
  numerator += w[4];
  numerator += w[5];
  return rounded(numerator, weights);
}

/**
 * The score of an eligible pair (the caller has checked `isOpen`, `matchable` and `mayApply`),
 * given how many of the vacancy's essential and optional skills the seeker has.
 */
export function scoreCounted(weights: CompiledWeights, v: CompiledVacancy, s: CompiledSeeker, essentialMatched: number, optionalMatched: number): number {
  const w = weights.w;

  let shared = 0;
  const occupations = s.occupations;
  for (let n = 4; n >= 1; n--) {
    const prefix = v.occupation[n - 1]!;
    if (prefix >= 0 && occupations.includes(prefix)) {
      shared = n;
      break;
    }
  }

  let languages = 1;
  const required = v.languages;
  if (required.length > 0) {
    let met = 0;
    const spoken = s.languages;
    for (let i = 0; i < required.length; i += 2) {
      for (let j = 0; j < spoken.length; j += 2) {
        if (spoken[j] === required[i]) {
          if (spoken[j + 1]! >= required[i + 1]!) met++;
          break;
        }
      }
    }
    languages = met / (required.length / 2);
  }

  let education = 1;
  const minEducation = v.minEducation;
  if (minEducation > 0) {
    const level = s.education;
    education = level === null ? 0 : level >= minEducation ? 1 : nonNegative(level) / minEducation;
  }

  let experience = 1;
  if (v.hasMinExperience) {
    let years = 0;
    const jobs = s.experience;
    for (let i = 0; i < jobs.length; i += 2) if (jobs[i] === v.experienceGroup) years = years + jobs[i + 1]!;
    if (v.minExperience > 0) experience = Math.min(1, years / v.minExperience);
  }

  let numerator = 0;
  numerator += w[0] * (v.essential.length === 0 ? 1 : essentialMatched / v.essential.length);
  numerator += w[1] * (v.optional.length === 0 ? 1 : optionalMatched / v.optional.length);
  numerator += w[2] * OCCUPATION_PROXIMITY[shared]!;
  numerator += w[3] * languages;
  numerator += w[4] * education;
  numerator += w[5] * experience;
  return rounded(numerator, weights);
}

const countIn = (ids: readonly number[], has: readonly number[]): number => {
  let n = 0;
  for (const id of ids) if (has.includes(id)) n++;
  return n;
};

/** One pair from scratch: `scoreMatch(v, s, w, today)?.score ?? null`, over compiled features. */
export function scoreCompiled(weights: CompiledWeights, v: CompiledVacancy, s: CompiledSeeker, today: string): number | null {
  if (!isOpen(v, today) || !s.matchable || !mayApply(v, s)) return null;
  return scoreCounted(weights, v, s, countIn(v.essential, s.skills), countIn(v.optional, s.skills));
}

// ---------------------------------------------------------------------------------------------
// Packed layout: one fixed-size Int32Array record per seeker or vacancy in one arena, so that
// scoring a candidate reads one or two cache lines instead of chasing five small arrays. Features
// that do not fit (many codes, languages or jobs; non-integer numbers; odd dates) are marked
// `PACKED_OVERFLOW` and scored through the object form above, with the same result.
// ---------------------------------------------------------------------------------------------

/** Int32 slots per packed record. */
export const PACKED_STRIDE = 32;
export const PACKED_OVERFLOW = 1;
const NULL_INT = -0x80000000;

// Seeker record.
const S_FLAGS = 0;
const S_NATIONALITY = 1;
const S_EDUCATION = 2;
const S_OCC_N = 3;
const S_OCC = 4;
const S_OCC_MAX = 12;
const S_LANG_N = 16;
const S_LANG = 17;
const S_LANG_MAX = 4;
const S_EXP_N = 25;
const S_EXP = 26;
const S_EXP_MAX = 3;

// Vacancy record.
const V_FLAGS = 0;
const V_CLOSING = 1;
const V_ESSENTIAL_N = 2;
const V_OPTIONAL_N = 3;
const V_OCC = 4;
const V_LANG_N = 8;
const V_LANG = 9;
const V_LANG_MAX = 4;
const V_MIN_EDUCATION = 17;
const V_HAS_MIN_EXPERIENCE = 18;
const V_MIN_EXPERIENCE = 19;
const V_EXPERIENCE_GROUP = 20;
const V_NAT_N = 22;
const V_NAT = 23;
const V_NAT_MAX = 9;

const V_REMOTE = 2;
const V_ALL_NATIONALITIES = 4;
const V_PUBLISHED = 8;

const isInt32 = (n: number): boolean => Number.isInteger(n) && n > NULL_INT && n <= 0x7fffffff;

/** A YYYY-MM-DD date as the number YYYYMMDD (same order); null when it is not in that form. */
export function dateNumber(date: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10)) : null;
}

/** Writes a seeker's record at `offset`. */
export function packSeeker(s: CompiledSeeker, into: Int32Array, offset: number): void {
  into.fill(0, offset, offset + PACKED_STRIDE);
  const fits =
    s.occupations.length <= S_OCC_MAX &&
    s.languages.length <= 2 * S_LANG_MAX &&
    s.experience.length <= 2 * S_EXP_MAX &&
    (s.education === null || isInt32(s.education)) &&
    s.experience.every((x) => isInt32(x));
  if (!fits) {
    into[offset + S_FLAGS] = PACKED_OVERFLOW;
    return;
  }
  into[offset + S_NATIONALITY] = s.nationality;
  into[offset + S_EDUCATION] = s.education === null ? NULL_INT : s.education;
  into[offset + S_OCC_N] = s.occupations.length;
  s.occupations.forEach((id, i) => (into[offset + S_OCC + i] = id));
  into[offset + S_LANG_N] = s.languages.length;
  s.languages.forEach((x, i) => (into[offset + S_LANG + i] = x));
  into[offset + S_EXP_N] = s.experience.length;
  s.experience.forEach((x, i) => (into[offset + S_EXP + i] = x));
}

/** Writes a vacancy's record at `offset`. */
export function packVacancy(v: CompiledVacancy, into: Int32Array, offset: number): void {
  into.fill(0, offset, offset + PACKED_STRIDE);
  const closing = dateNumber(v.open.closingDate);
  const fits =
    closing !== null &&
    v.languages.length <= 2 * V_LANG_MAX &&
    v.nationalities.length <= V_NAT_MAX &&
    isInt32(v.minEducation) &&
    isInt32(v.minExperience);
  if (!fits) {
    into[offset + V_FLAGS] = PACKED_OVERFLOW;
    return;
  }
  into[offset + V_FLAGS] = (v.remote ? V_REMOTE : 0) | (v.allNationalities ? V_ALL_NATIONALITIES : 0) | (v.open.status === 'published' ? V_PUBLISHED : 0);
  into[offset + V_CLOSING] = closing;
  into[offset + V_ESSENTIAL_N] = v.essential.length;
  into[offset + V_OPTIONAL_N] = v.optional.length;
  v.occupation.forEach((id, i) => (into[offset + V_OCC + i] = id));
  into[offset + V_LANG_N] = v.languages.length;
  v.languages.forEach((x, i) => (into[offset + V_LANG + i] = x));
  into[offset + V_MIN_EDUCATION] = v.minEducation;
  into[offset + V_HAS_MIN_EXPERIENCE] = v.hasMinExperience ? 1 : 0;
  into[offset + V_MIN_EXPERIENCE] = v.minExperience;
  into[offset + V_EXPERIENCE_GROUP] = v.experienceGroup;
  into[offset + V_NAT_N] = v.nationalities.length;
  v.nationalities.forEach((id, i) => (into[offset + V_NAT + i] = id));
}

export function packedOverflow(record: Int32Array, offset: number): boolean {
  return (record[offset]! & PACKED_OVERFLOW) !== 0;
}

/** `isOpen` on a packed vacancy; `today` as {@link dateNumber}. */
export function packedOpen(V: Int32Array, vo: number, today: number): boolean {
  return (V[vo + V_FLAGS]! & V_PUBLISHED) !== 0 && V[vo + V_CLOSING]! >= today;
}

/** The nationality half of `mayApply` on packed records (the postings already applied the location rule). */
export function packedNationalityAllowed(V: Int32Array, vo: number, S: Int32Array, so: number): boolean {
  if ((V[vo + V_FLAGS]! & V_ALL_NATIONALITIES) !== 0) return true;
  const nationality = S[so + S_NATIONALITY]!;
  const n = V[vo + V_NAT_N]!;
  for (let i = 0; i < n; i++) if (V[vo + V_NAT + i] === nationality) return true;
  return false;
}

/** `scoreCounted` on packed records (neither overflowing), the same arithmetic in the same order. */
export function packedScore(weights: CompiledWeights, V: Int32Array, vo: number, S: Int32Array, so: number, essentialMatched: number, optionalMatched: number): number {
  const w = weights.w;

  let shared = 0;
  const occupations = S[so + S_OCC_N]!;
  for (let n = 4; n >= 1 && shared === 0; n--) {
    const prefix = V[vo + V_OCC + n - 1]!;
    if (prefix < 0) continue;
    for (let i = 0; i < occupations; i++) {
      if (S[so + S_OCC + i] === prefix) {
        shared = n;
        break;
      }
    }
  }

  let languages = 1;
  const required = V[vo + V_LANG_N]!;
  if (required > 0) {
    let met = 0;
    const spoken = S[so + S_LANG_N]!;
    for (let i = 0; i < required; i += 2) {
      const code = V[vo + V_LANG + i]!;
      for (let j = 0; j < spoken; j += 2) {
        if (S[so + S_LANG + j] === code) {
          if (S[so + S_LANG + j + 1]! >= V[vo + V_LANG + i + 1]!) met++;
          break;
        }
      }
    }
    languages = met / (required / 2);
  }

  let education = 1;
  const minEducation = V[vo + V_MIN_EDUCATION]!;
  if (minEducation > 0) {
    const level = S[so + S_EDUCATION]!;
    education = level === NULL_INT ? 0 : level >= minEducation ? 1 : nonNegative(level) / minEducation;
  }

  let experience = 1;
  if (V[vo + V_HAS_MIN_EXPERIENCE] === 1) {
    let years = 0;
    const jobs = S[so + S_EXP_N]!;
    const group = V[vo + V_EXPERIENCE_GROUP]!;
    for (let i = 0; i < jobs; i += 2) if (S[so + S_EXP + i] === group) years = years + S[so + S_EXP + i + 1]!;
    const minExperience = V[vo + V_MIN_EXPERIENCE]!;
    if (minExperience > 0) experience = Math.min(1, years / minExperience);
  }

  const essentialTotal = V[vo + V_ESSENTIAL_N]!;
  const optionalTotal = V[vo + V_OPTIONAL_N]!;
  let numerator = 0;
  numerator += w[0] * (essentialTotal === 0 ? 1 : essentialMatched / essentialTotal);
  numerator += w[1] * (optionalTotal === 0 ? 1 : optionalMatched / optionalTotal);
  numerator += w[2] * OCCUPATION_PROXIMITY[shared]!;
  numerator += w[3] * languages;
  numerator += w[4] * education;
  numerator += w[5] * experience;
  return rounded(numerator, weights);
}

/**
 * An upper bound from the skill counts and bounds of the other components (each ≥ the pair's
 * component): the same monotone arithmetic, so never below the pair's score.
 */
export function boundedScore(
  weights: CompiledWeights,
  essentialTotal: number,
  optionalTotal: number,
  essentialMatched: number,
  optionalMatched: number,
  occupationMax: number,
  educationMax: number,
  experienceMax: number,
): number {
  const w = weights.w;
  let numerator = 0;
  numerator += w[0] * (essentialTotal === 0 ? 1 : essentialMatched / essentialTotal);
  numerator += w[1] * (optionalTotal === 0 ? 1 : optionalMatched / optionalTotal);
  numerator += w[2] * occupationMax;
  numerator += w[3];
  numerator += w[4] * educationMax;
  numerator += w[5] * experienceMax;
  return rounded(numerator, weights);
}

/** Proximity of codes sharing at most one leading character (the major group). */
export const MAJOR_GROUP_PROXIMITY = OCCUPATION_PROXIMITY[1];

/** A seeker's education as one byte for bounds: -1 none, 0–126 the level, 127 anything else (bounded by 1). */
export function educationByte(s: CompiledSeeker): number {
  if (s.education === null) return -1;
  return Number.isInteger(s.education) && s.education >= 0 && s.education < 127 ? s.education : 127;
}

/** The education component's bound from {@link educationByte} and the vacancy's minimum (0: none). */
export function educationBound(level: number, minEducation: number): number {
  if (minEducation <= 0 || level === 127) return 1;
  if (level === -1) return 0;
  return level >= minEducation ? 1 : level / minEducation;
}
