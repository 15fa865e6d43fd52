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
