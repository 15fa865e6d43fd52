import { deepFreeze } from './deep-freeze.util.js';
import type { TrilingualText } from './localized-text.js';

/** Shape checked against every entry below; `EducationLevel` is the public, read-only view. */
interface EducationLevelRecord {
  level: number;
  key: string;
  name: TrilingualText;
}

/**
 * The nine levels of UNESCO's International Standard Classification of Education (ISCED 2011,
 * CITE 2011 in French, التصنيف الدولي المعياري للتعليم in Arabic), with UNESCO's level names.
 * `level` is what is stored and compared (a higher level is more education); `key` is a stable
 * slug for URLs and logs.
 */
const EDUCATION_LEVEL_RECORDS = [
  {
    level: 0,
    key: 'early-childhood',
    name: { ar: 'التعليم في مرحلة الطفولة المبكرة', en: 'Early childhood education', fr: 'Éducation de la petite enfance' },
  },
  {
    level: 1,
    key: 'primary',
    name: { ar: 'التعليم الابتدائي', en: 'Primary education', fr: 'Enseignement primaire' },
  },
  {
    level: 2,
    key: 'lower-secondary',
    name: { ar: 'المرحلة الأولى من التعليم الثانوي', en: 'Lower secondary education', fr: "Premier cycle de l'enseignement secondaire" },
  },
  {
    level: 3,
    key: 'upper-secondary',
    name: { ar: 'المرحلة الثانية من التعليم الثانوي', en: 'Upper secondary education', fr: "Deuxième cycle de l'enseignement secondaire" },
  },
  {
    level: 4,
    key: 'post-secondary-non-tertiary',
    name: { ar: 'التعليم ما بعد الثانوي غير العالي', en: 'Post-secondary non-tertiary education', fr: 'Enseignement post-secondaire non supérieur' },
  },
  {
    level: 5,
    key: 'short-cycle-tertiary',
    name: { ar: 'التعليم العالي قصير الأمد', en: 'Short-cycle tertiary education', fr: 'Enseignement supérieur de cycle court' },
  },
  {
    level: 6,
    key: 'bachelor',
    name: { ar: 'مستوى البكالوريوس أو ما يعادله', en: "Bachelor's or equivalent level", fr: 'Niveau licence ou équivalent' },
  },
  {
    level: 7,
    key: 'master',
    name: { ar: 'مستوى الماجستير أو ما يعادله', en: "Master's or equivalent level", fr: 'Niveau master ou équivalent' },
  },
  {
    level: 8,
    key: 'doctoral',
    name: { ar: 'مستوى الدكتوراه أو ما يعادله', en: 'Doctoral or equivalent level', fr: 'Niveau doctorat ou équivalent' },
  },
] as const satisfies readonly EducationLevelRecord[];

/** An ISCED 2011 level number, 0 to 8. */
export type IscedLevel = (typeof EDUCATION_LEVEL_RECORDS)[number]['level'];

/** The slug of an ISCED 2011 level, e.g. `'bachelor'`. */
export type EducationLevelKey = (typeof EDUCATION_LEVEL_RECORDS)[number]['key'];

export interface EducationLevel {
  /** ISCED 2011 level, 0 (early childhood) to 8 (doctoral). */
  readonly level: IscedLevel;
  readonly key: EducationLevelKey;
  readonly name: Readonly<TrilingualText>;
  /** Levels 5 to 8 are tertiary education in ISCED 2011. */
  readonly tertiary: boolean;
}

/** Every ISCED 2011 level, lowest first; frozen. */
export const EDUCATION_LEVELS: readonly EducationLevel[] = deepFreeze(
  EDUCATION_LEVEL_RECORDS.map((record) => ({ ...record, tertiary: record.level >= 5 })),
);
