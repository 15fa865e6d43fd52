import type { MatchReasonCode } from '@olp/contracts';
import type { CefrLevel } from '@olp/reference-data';

/**
 * What scoring reads from a seeker's profile: nothing that identifies the person beyond the
 * pseudonymous id. Codes are canonical (upper-case countries, lower-case languages, ISCO digits).
 */
export interface SeekerFeatures {
  seekerId: string;
  nationality: string;
  residenceCountry: string;
  languages: { code: string; level: CefrLevel }[];
  /** ISCED 2011 level (0–8) of the highest education, null when not given. */
  educationLevel: number | null;
  /** One entry per job: ISCO-08 unit group and years in it. */
  experience: { iscoCode: string; years: number }[];
  /** Skill ids (built-in or `esco.<uuid>`). */
  skills: string[];
  /** ISCO-08 codes at any level (1 to 4 digits). */
  desiredOccupations: string[];
  relocate: 'none' | 'listed' | 'any-member-state';
  relocateCountries: string[];
  remote: boolean;
  consentToMatching: boolean;
  visibility: 'hidden' | 'matching' | 'public';
}

/** What scoring reads from a vacancy. */
export interface VacancyFeatures {
  vacancyId: string;
  employerId: string;
  /** ISCO-08 unit group (4 digits). */
  iscoCode: string;
  essentialSkills: string[];
  optionalSkills: string[];
  languages: { code: string; minLevel: CefrLevel }[];
  /** Minimum ISCED 2011 level, null when none. */
  minEducationLevel: number | null;
  minExperienceYears: number | null;
  country: string;
  workMode: 'on-site' | 'hybrid' | 'remote';
  /** Who may apply, by nationality. */
  eligibilityScope: 'all-member-states' | 'listed';
  eligibilityCountries: string[];
  closingDate: string /* YYYY-MM-DD */;
  status: 'draft' | 'published' | 'closed' | 'filled' | 'expired';
}

/** Relative weight of each score component; any values ≥ 0 with a positive sum. */
export interface ScoringWeights {
  essentialSkills: number;
  optionalSkills: number;
  occupation: number;
  languages: number;
  education: number;
  experience: number;
}

/** The documented defaults (they sum to 1); see README-scoring.md. */
export const DEFAULT_WEIGHTS: ScoringWeights = {
  essentialSkills: 0.35,
  optionalSkills: 0.1,
  occupation: 0.2,
  languages: 0.15,
  education: 0.1,
  experience: 0.1,
};

/** One reason as data: a code with string/number parameters, rendered per language later. */
export interface MatchReasonData {
  code: MatchReasonCode;
  params: Record<string, string | number>;
}

export interface MatchResult {
  /** In [0, 1], rounded to 4 decimals. */
  score: number;
  /** In the order documented in README-scoring.md. */
  reasons: MatchReasonData[];
}

/** Why the seeker may work in the vacancy's country. */
export type LocationBasis = 'same-country' | 'relocate' | 'remote';

/** The ISCO-08 level two codes share, by the number of leading digits they have in common. */
export type OccupationLevel = 'unit' | 'minor' | 'sub-major' | 'major' | 'none';
