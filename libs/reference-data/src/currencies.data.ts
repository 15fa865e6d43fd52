import { deepFreeze } from './deep-freeze.util.js';
import type { TrilingualText } from './localized-text.js';

/** Shape checked against every entry below; `Currency` is the public, read-only view. */
interface CurrencyRecord {
  code: string;
  numeric: string;
  minorUnits: number;
  name: TrilingualText;
}

/**
 * ISO 4217 currencies of the OIC member states, plus USD and EUR (the usual reference currencies
 * for salaries quoted across borders). `minorUnits` is the ISO 4217 exponent, which is what amounts
 * stored in minor units must use; it deliberately ignores CLDR's display digits (CLDR shows IQD,
 * IRR, LBP... with 0 decimals, ISO 4217 says 3 or 2). Sorted by code.
 */
const CURRENCY_RECORDS = [
  { code: 'AED', numeric: '784', minorUnits: 2, name: { ar: 'درهم إماراتي', en: 'UAE Dirham', fr: 'dirham des Émirats arabes unis' } },
  { code: 'AFN', numeric: '971', minorUnits: 2, name: { ar: 'أفغاني', en: 'Afghan Afghani', fr: 'afghani afghan' } },
  { code: 'ALL', numeric: '008', minorUnits: 2, name: { ar: 'ليك ألباني', en: 'Albanian Lek', fr: 'lek albanais' } },
  { code: 'AZN', numeric: '944', minorUnits: 2, name: { ar: 'مانات أذربيجاني', en: 'Azerbaijani Manat', fr: 'manat azerbaïdjanais' } },
  { code: 'BDT', numeric: '050', minorUnits: 2, name: { ar: 'تاكا بنغلاديشي', en: 'Bangladeshi Taka', fr: 'taka bangladais' } },
  { code: 'BHD', numeric: '048', minorUnits: 3, name: { ar: 'دينار بحريني', en: 'Bahraini Dinar', fr: 'dinar bahreïnien' } },
  { code: 'BND', numeric: '096', minorUnits: 2, name: { ar: 'دولار بروناي', en: 'Brunei Dollar', fr: 'dollar de Brunéi' } },
  { code: 'DJF', numeric: '262', minorUnits: 0, name: { ar: 'فرنك جيبوتي', en: 'Djiboutian Franc', fr: 'franc djiboutien' } },
  { code: 'DZD', numeric: '012', minorUnits: 2, name: { ar: 'دينار جزائري', en: 'Algerian Dinar', fr: 'dinar algérien' } },
  { code: 'EGP', numeric: '818', minorUnits: 2, name: { ar: 'جنيه مصري', en: 'Egyptian Pound', fr: 'livre égyptienne' } },
  { code: 'EUR', numeric: '978', minorUnits: 2, name: { ar: 'يورو', en: 'Euro', fr: 'euro' } },
  { code: 'GMD', numeric: '270', minorUnits: 2, name: { ar: 'دلاسي غامبي', en: 'Gambian Dalasi', fr: 'dalasi gambien' } },
  { code: 'GNF', numeric: '324', minorUnits: 0, name: { ar: 'فرنك غيني', en: 'Guinean Franc', fr: 'franc guinéen' } },
  { code: 'GYD', numeric: '328', minorUnits: 2, name: { ar: 'دولار غياني', en: 'Guyanese Dollar', fr: 'dollar du Guyana' } },
  { code: 'IDR', numeric: '360', minorUnits: 2, name: { ar: 'روبية إندونيسية', en: 'Indonesian Rupiah', fr: 'roupie indonésienne' } },
  { code: 'ILS', numeric: '376', minorUnits: 2, name: { ar: 'شيكل إسرائيلي جديد', en: 'New Israeli Shekel', fr: 'nouveau shekel israélien' } },
  { code: 'IQD', numeric: '368', minorUnits: 3, name: { ar: 'دينار عراقي', en: 'Iraqi Dinar', fr: 'dinar irakien' } },
  { code: 'IRR', numeric: '364', minorUnits: 2, name: { ar: 'ريال إيراني', en: 'Iranian Rial', fr: 'rial iranien' } },
  { code: 'JOD', numeric: '400', minorUnits: 3, name: { ar: 'دينار أردني', en: 'Jordanian Dinar', fr: 'dinar jordanien' } },
  { code: 'KGS', numeric: '417', minorUnits: 2, name: { ar: 'سوم قيرغيزستاني', en: 'Kyrgyzstani Som', fr: 'som kirghize' } },
  { code: 'KMF', numeric: '174', minorUnits: 0, name: { ar: 'فرنك قمري', en: 'Comorian Franc', fr: 'franc comorien' } },
  { code: 'KWD', numeric: '414', minorUnits: 3, name: { ar: 'دينار كويتي', en: 'Kuwaiti Dinar', fr: 'dinar koweïtien' } },
  { code: 'KZT', numeric: '398', minorUnits: 2, name: { ar: 'تنغي كازاخستاني', en: 'Kazakhstani Tenge', fr: 'tenge kazakh' } },
  { code: 'LBP', numeric: '422', minorUnits: 2, name: { ar: 'ليرة لبنانية', en: 'Lebanese Pound', fr: 'livre libanaise' } },
  { code: 'LYD', numeric: '434', minorUnits: 3, name: { ar: 'دينار ليبي', en: 'Libyan Dinar', fr: 'dinar libyen' } },
  { code: 'MAD', numeric: '504', minorUnits: 2, name: { ar: 'درهم مغربي', en: 'Moroccan Dirham', fr: 'dirham marocain' } },
  { code: 'MRU', numeric: '929', minorUnits: 2, name: { ar: 'أوقية موريتانية', en: 'Mauritanian Ouguiya', fr: 'ouguiya mauritanien' } },
  { code: 'MVR', numeric: '462', minorUnits: 2, name: { ar: 'روفية مالديفية', en: 'Maldivian Rufiyaa', fr: 'rufiyaa maldivienne' } },
  { code: 'MYR', numeric: '458', minorUnits: 2, name: { ar: 'رينغيت ماليزي', en: 'Malaysian Ringgit', fr: 'ringgit malaisien' } },
  { code: 'MZN', numeric: '943', minorUnits: 2, name: { ar: 'متكال موزمبيقي', en: 'Mozambican Metical', fr: 'metical mozambicain' } },
  { code: 'NGN', numeric: '566', minorUnits: 2, name: { ar: 'نايرا نيجيري', en: 'Nigerian Naira', fr: 'naira nigérian' } },
  { code: 'OMR', numeric: '512', minorUnits: 3, name: { ar: 'ريال عماني', en: 'Omani Rial', fr: 'rial omanais' } },
  { code: 'PKR', numeric: '586', minorUnits: 2, name: { ar: 'روبية باكستانية', en: 'Pakistani Rupee', fr: 'roupie pakistanaise' } },
  { code: 'QAR', numeric: '634', minorUnits: 2, name: { ar: 'ريال قطري', en: 'Qatari Riyal', fr: 'riyal qatarien' } },
  { code: 'SAR', numeric: '682', minorUnits: 2, name: { ar: 'ريال سعودي', en: 'Saudi Riyal', fr: 'riyal saoudien' } },
  { code: 'SDG', numeric: '938', minorUnits: 2, name: { ar: 'جنيه سوداني', en: 'Sudanese Pound', fr: 'livre soudanaise' } },
  { code: 'SLE', numeric: '925', minorUnits: 2, name: { ar: 'ليون سيراليوني', en: 'Sierra Leonean Leone', fr: 'leone sierra-léonais' } },
  { code: 'SOS', numeric: '706', minorUnits: 2, name: { ar: 'شلن صومالي', en: 'Somali Shilling', fr: 'shilling somalien' } },
  { code: 'SRD', numeric: '968', minorUnits: 2, name: { ar: 'دولار سورينامي', en: 'Surinamese Dollar', fr: 'dollar surinamais' } },
  { code: 'SYP', numeric: '760', minorUnits: 2, name: { ar: 'ليرة سورية', en: 'Syrian Pound', fr: 'livre syrienne' } },
  { code: 'TJS', numeric: '972', minorUnits: 2, name: { ar: 'سوموني طاجيكستاني', en: 'Tajikistani Somoni', fr: 'somoni tadjik' } },
  { code: 'TMT', numeric: '934', minorUnits: 2, name: { ar: 'مانات تركمانستاني', en: 'Turkmenistani Manat', fr: 'manat turkmène' } },
  { code: 'TND', numeric: '788', minorUnits: 3, name: { ar: 'دينار تونسي', en: 'Tunisian Dinar', fr: 'dinar tunisien' } },
  { code: 'TRY', numeric: '949', minorUnits: 2, name: { ar: 'ليرة تركية', en: 'Turkish Lira', fr: 'livre turque' } },
  { code: 'UGX', numeric: '800', minorUnits: 0, name: { ar: 'شلن أوغندي', en: 'Ugandan Shilling', fr: 'shilling ougandais' } },
  { code: 'USD', numeric: '840', minorUnits: 2, name: { ar: 'دولار أمريكي', en: 'US Dollar', fr: 'dollar des États-Unis' } },
  { code: 'UZS', numeric: '860', minorUnits: 2, name: { ar: 'سوم أوزبكستاني', en: 'Uzbekistani Som', fr: 'sum ouzbek' } },
  { code: 'XAF', numeric: '950', minorUnits: 0, name: { ar: 'فرنك وسط أفريقي', en: 'Central African CFA Franc', fr: 'franc CFA (BEAC)' } },
  { code: 'XOF', numeric: '952', minorUnits: 0, name: { ar: 'فرنك غرب أفريقي', en: 'West African CFA Franc', fr: 'franc CFA (BCEAO)' } },
  { code: 'YER', numeric: '886', minorUnits: 2, name: { ar: 'ريال يمني', en: 'Yemeni Rial', fr: 'rial yéménite' } },
] as const satisfies readonly CurrencyRecord[];

/** An ISO 4217 alphabetic code known to the platform, e.g. `'SAR'`. */
export type CurrencyCode = (typeof CURRENCY_RECORDS)[number]['code'];

export interface Currency {
  /** ISO 4217 alphabetic code (upper case). */
  readonly code: CurrencyCode;
  /** ISO 4217 numeric code, three digits with leading zeros kept (`'008'`). */
  readonly numeric: string;
  /** ISO 4217 minor units: how many decimal places an amount in this currency has. */
  readonly minorUnits: number;
  readonly name: Readonly<TrilingualText>;
}

/** Every currency, sorted by code; frozen. */
export const CURRENCIES: readonly Currency[] = deepFreeze(CURRENCY_RECORDS);
