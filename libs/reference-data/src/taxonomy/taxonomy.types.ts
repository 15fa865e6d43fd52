import type { TrilingualText, LocalizedText, Locale } from '../localized-text.js';

/** ISCO-08: 1 = major group (1 digit), 2 = sub-major (2), 3 = minor (3), 4 = unit group (4 digits). */
export type IscoLevel = 1 | 2 | 3 | 4;

export interface IscoGroup {
  /** `2`, `21`, `214`, `2141`: the code's length is its level. */
  readonly code: string;
  readonly level: IscoLevel;
  /** The code of the group one level up; null for major groups. */
  readonly parent: string | null;
  /** ILO titles in English and French; Arabic titles as used by Arab labour ministries. */
  readonly title: Readonly<TrilingualText>;
}

/** The fields the programmes serve; every built-in skill belongs to one. */
export const SKILL_FIELDS = [
  'occupational-safety-health',
  'employment-services',
  'vocational-trades',
  'statistics',
  'ict',
  'health-care',
  'construction',
  'hospitality',
  'agriculture',
  'manufacturing',
  'languages',
  'soft-skills',
  'management',
  'education',
  'other',
] as const;
export type SkillField = (typeof SKILL_FIELDS)[number];

export interface Skill {
  /** Stable id: `osh.risk-assessment` for built-in skills, `esco.<uuid>` for imported ESCO ones. */
  readonly id: string;
  readonly label: Readonly<LocalizedText>;
  readonly field: SkillField;
  /** Other names people search by (synonyms, abbreviations), per language. */
  readonly altLabels?: Readonly<Partial<Record<Locale, readonly string[]>>>;
  /** The ESCO concept this skill corresponds to, when there is one. */
  readonly escoUri?: string;
  /** ESCO's distinction; built-in skills are 'skill' unless they are bodies of knowledge. */
  readonly kind?: 'skill' | 'knowledge';
}

/** An occupation more specific than an ISCO unit group (from ESCO), with its unit group. */
export interface Occupation {
  /** `esco.<uuid>` */
  readonly id: string;
  readonly iscoGroup: string;
  readonly label: Readonly<LocalizedText>;
  readonly altLabels?: Readonly<Partial<Record<Locale, readonly string[]>>>;
  readonly escoUri?: string;
}

/** The skills typical of an ISCO unit group. */
export interface OccupationSkills {
  readonly iscoGroup: string;
  readonly essential: readonly string[];
  readonly optional: readonly string[];
}

/** What the ESCO importer writes and a service loads (TAXONOMY_FILE) on top of the built-in data. */
export interface TaxonomySnapshot {
  readonly format: 'olp-taxonomy/v1';
  readonly source: string;
  readonly createdAt: string;
  readonly skills: readonly Skill[];
  readonly occupations: readonly Occupation[];
  readonly occupationSkills: readonly OccupationSkills[];
}
