export {
  LOCALES,
  LOCALE_DIRECTION,
  LOCALE_FALLBACK_ORDER,
  isLocale,
  resolveText,
  type Locale,
  type LocalizedText,
  type TrilingualText,
} from './localized-text.js';
export {
  COUNTRIES,
  OIC_GROUPS,
  type Country,
  type MemberStateAlpha3,
  type MemberStateCode,
  type OicGroup,
} from './countries.data.js';
export { CURRENCIES, type Currency, type CurrencyCode } from './currencies.data.js';
export {
  EDUCATION_LEVELS,
  type EducationLevel,
  type EducationLevelKey,
  type IscedLevel,
} from './education-levels.data.js';
export {
  CEFR_LEVEL_INFO,
  CEFR_LEVELS,
  LANGUAGES,
  cefrLevelInfo,
  cefrRank,
  isCefrLevel,
  meetsCefr,
  type CefrBand,
  type CefrLevel,
  type CefrLevelInfo,
  type Language,
  type LanguageCode,
} from './languages.data.js';
export {
  countriesInGroup,
  findCountry,
  findCurrency,
  findEducationLevel,
  findLanguage,
  isCurrencyCode,
  isEducationLevelKey,
  isIscedLevel,
  isLanguageCode,
  isMemberStateCode,
} from './reference-data.js';
export { IsCurrencyCode, IsLanguageCode, IsMemberState } from './validation/reference-code.decorators.js';
export { foldForSearch, searchTokens } from './text/search-normalization.js';
export * from './taxonomy/taxonomy.types.js';
export { TypeaheadIndex, editDistance, type IndexedText, type TypeaheadHit } from './taxonomy/typeahead-index.js';
export { Taxonomy, type OccupationHit, type SkillHit } from './taxonomy/taxonomy.js';
export * from './esco/csv-parser.js';
export * from './esco/esco-importer.js';
export * from './esco/esco-directory.js';
export { ISCO_GROUPS } from './taxonomy/isco08.data.js';
export { SKILLS, type BuiltInSkillId } from './taxonomy/skills.data.js';
export { OCCUPATION_SKILLS } from './taxonomy/occupation-skills.data.js';
export { defaultTimeZone } from './time-zones.js';
