import type { CurrencyCode } from './currencies.data.js';
import { deepFreeze } from './deep-freeze.util.js';
import type { TrilingualText } from './localized-text.js';

/** The OIC's three geographic groups, used for its elections and regional programmes. */
export const OIC_GROUPS = ['arab', 'african', 'asian'] as const;
export type OicGroup = (typeof OIC_GROUPS)[number];

/** Shape checked against every entry below; `Country` is the public, read-only view. */
interface CountryRecord {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: TrilingualText;
  oicGroup: OicGroup;
  currency: CurrencyCode;
}

/**
 * The 57 OIC member states, by group and then by English name.
 *
 * Names are the short names a reader expects in a list (Türkiye, Côte d'Ivoire, Syria, Iran),
 * not formal state names ("Syrian Arab Republic"); each country's own preferred form wins where
 * it has one (Türkiye, Côte d'Ivoire / كوت ديفوار, Brunei Darussalam). The Arab group is exactly the League of Arab States; the
 * African and Asian groups follow the OIC's own split (Albania, Guyana and Suriname sit in the
 * Asian group).
 *
 * `currency` is the main ISO 4217 currency wages are paid in. ISO 4217 lists no universal
 * currency for Palestine; ILS is the one most wages there are paid in (JOD and USD are also used).
 */
const COUNTRY_RECORDS = [
  // Arab group (22)
  { alpha2: 'DZ', alpha3: 'DZA', numeric: '012', oicGroup: 'arab', currency: 'DZD', name: { ar: 'الجزائر', en: 'Algeria', fr: 'Algérie' } },
  { alpha2: 'BH', alpha3: 'BHR', numeric: '048', oicGroup: 'arab', currency: 'BHD', name: { ar: 'البحرين', en: 'Bahrain', fr: 'Bahreïn' } },
  { alpha2: 'KM', alpha3: 'COM', numeric: '174', oicGroup: 'arab', currency: 'KMF', name: { ar: 'جزر القمر', en: 'Comoros', fr: 'Comores' } },
  { alpha2: 'DJ', alpha3: 'DJI', numeric: '262', oicGroup: 'arab', currency: 'DJF', name: { ar: 'جيبوتي', en: 'Djibouti', fr: 'Djibouti' } },
  { alpha2: 'EG', alpha3: 'EGY', numeric: '818', oicGroup: 'arab', currency: 'EGP', name: { ar: 'مصر', en: 'Egypt', fr: 'Égypte' } },
  { alpha2: 'IQ', alpha3: 'IRQ', numeric: '368', oicGroup: 'arab', currency: 'IQD', name: { ar: 'العراق', en: 'Iraq', fr: 'Iraq' } },
  { alpha2: 'JO', alpha3: 'JOR', numeric: '400', oicGroup: 'arab', currency: 'JOD', name: { ar: 'الأردن', en: 'Jordan', fr: 'Jordanie' } },
  { alpha2: 'KW', alpha3: 'KWT', numeric: '414', oicGroup: 'arab', currency: 'KWD', name: { ar: 'الكويت', en: 'Kuwait', fr: 'Koweït' } },
  { alpha2: 'LB', alpha3: 'LBN', numeric: '422', oicGroup: 'arab', currency: 'LBP', name: { ar: 'لبنان', en: 'Lebanon', fr: 'Liban' } },
  { alpha2: 'LY', alpha3: 'LBY', numeric: '434', oicGroup: 'arab', currency: 'LYD', name: { ar: 'ليبيا', en: 'Libya', fr: 'Libye' } },
  { alpha2: 'MR', alpha3: 'MRT', numeric: '478', oicGroup: 'arab', currency: 'MRU', name: { ar: 'موريتانيا', en: 'Mauritania', fr: 'Mauritanie' } },
  { alpha2: 'MA', alpha3: 'MAR', numeric: '504', oicGroup: 'arab', currency: 'MAD', name: { ar: 'المغرب', en: 'Morocco', fr: 'Maroc' } },
  { alpha2: 'OM', alpha3: 'OMN', numeric: '512', oicGroup: 'arab', currency: 'OMR', name: { ar: 'عُمان', en: 'Oman', fr: 'Oman' } },
  { alpha2: 'PS', alpha3: 'PSE', numeric: '275', oicGroup: 'arab', currency: 'ILS', name: { ar: 'فلسطين', en: 'Palestine', fr: 'Palestine' } },
  { alpha2: 'QA', alpha3: 'QAT', numeric: '634', oicGroup: 'arab', currency: 'QAR', name: { ar: 'قطر', en: 'Qatar', fr: 'Qatar' } },
  { alpha2: 'SA', alpha3: 'SAU', numeric: '682', oicGroup: 'arab', currency: 'SAR', name: { ar: 'المملكة العربية السعودية', en: 'Saudi Arabia', fr: 'Arabie saoudite' } },
  { alpha2: 'SO', alpha3: 'SOM', numeric: '706', oicGroup: 'arab', currency: 'SOS', name: { ar: 'الصومال', en: 'Somalia', fr: 'Somalie' } },
  { alpha2: 'SD', alpha3: 'SDN', numeric: '729', oicGroup: 'arab', currency: 'SDG', name: { ar: 'السودان', en: 'Sudan', fr: 'Soudan' } },
  { alpha2: 'SY', alpha3: 'SYR', numeric: '760', oicGroup: 'arab', currency: 'SYP', name: { ar: 'سوريا', en: 'Syria', fr: 'Syrie' } },
  { alpha2: 'TN', alpha3: 'TUN', numeric: '788', oicGroup: 'arab', currency: 'TND', name: { ar: 'تونس', en: 'Tunisia', fr: 'Tunisie' } },
  { alpha2: 'AE', alpha3: 'ARE', numeric: '784', oicGroup: 'arab', currency: 'AED', name: { ar: 'الإمارات العربية المتحدة', en: 'United Arab Emirates', fr: 'Émirats arabes unis' } },
  { alpha2: 'YE', alpha3: 'YEM', numeric: '887', oicGroup: 'arab', currency: 'YER', name: { ar: 'اليمن', en: 'Yemen', fr: 'Yémen' } },

  // African group (17)
  { alpha2: 'BJ', alpha3: 'BEN', numeric: '204', oicGroup: 'african', currency: 'XOF', name: { ar: 'بنين', en: 'Benin', fr: 'Bénin' } },
  { alpha2: 'BF', alpha3: 'BFA', numeric: '854', oicGroup: 'african', currency: 'XOF', name: { ar: 'بوركينا فاسو', en: 'Burkina Faso', fr: 'Burkina Faso' } },
  { alpha2: 'CM', alpha3: 'CMR', numeric: '120', oicGroup: 'african', currency: 'XAF', name: { ar: 'الكاميرون', en: 'Cameroon', fr: 'Cameroun' } },
  { alpha2: 'TD', alpha3: 'TCD', numeric: '148', oicGroup: 'african', currency: 'XAF', name: { ar: 'تشاد', en: 'Chad', fr: 'Tchad' } },
  { alpha2: 'CI', alpha3: 'CIV', numeric: '384', oicGroup: 'african', currency: 'XOF', name: { ar: 'كوت ديفوار', en: "Côte d'Ivoire", fr: "Côte d'Ivoire" } },
  { alpha2: 'GA', alpha3: 'GAB', numeric: '266', oicGroup: 'african', currency: 'XAF', name: { ar: 'الغابون', en: 'Gabon', fr: 'Gabon' } },
  { alpha2: 'GM', alpha3: 'GMB', numeric: '270', oicGroup: 'african', currency: 'GMD', name: { ar: 'غامبيا', en: 'Gambia', fr: 'Gambie' } },
  { alpha2: 'GN', alpha3: 'GIN', numeric: '324', oicGroup: 'african', currency: 'GNF', name: { ar: 'غينيا', en: 'Guinea', fr: 'Guinée' } },
  { alpha2: 'GW', alpha3: 'GNB', numeric: '624', oicGroup: 'african', currency: 'XOF', name: { ar: 'غينيا بيساو', en: 'Guinea-Bissau', fr: 'Guinée-Bissau' } },
  { alpha2: 'ML', alpha3: 'MLI', numeric: '466', oicGroup: 'african', currency: 'XOF', name: { ar: 'مالي', en: 'Mali', fr: 'Mali' } },
  { alpha2: 'MZ', alpha3: 'MOZ', numeric: '508', oicGroup: 'african', currency: 'MZN', name: { ar: 'موزمبيق', en: 'Mozambique', fr: 'Mozambique' } },
  { alpha2: 'NE', alpha3: 'NER', numeric: '562', oicGroup: 'african', currency: 'XOF', name: { ar: 'النيجر', en: 'Niger', fr: 'Niger' } },
  { alpha2: 'NG', alpha3: 'NGA', numeric: '566', oicGroup: 'african', currency: 'NGN', name: { ar: 'نيجيريا', en: 'Nigeria', fr: 'Nigéria' } },
  { alpha2: 'SN', alpha3: 'SEN', numeric: '686', oicGroup: 'african', currency: 'XOF', name: { ar: 'السنغال', en: 'Senegal', fr: 'Sénégal' } },
  { alpha2: 'SL', alpha3: 'SLE', numeric: '694', oicGroup: 'african', currency: 'SLE', name: { ar: 'سيراليون', en: 'Sierra Leone', fr: 'Sierra Leone' } },
  { alpha2: 'TG', alpha3: 'TGO', numeric: '768', oicGroup: 'african', currency: 'XOF', name: { ar: 'توغو', en: 'Togo', fr: 'Togo' } },
  { alpha2: 'UG', alpha3: 'UGA', numeric: '800', oicGroup: 'african', currency: 'UGX', name: { ar: 'أوغندا', en: 'Uganda', fr: 'Ouganda' } },

  // Asian group (18)
  { alpha2: 'AF', alpha3: 'AFG', numeric: '004', oicGroup: 'asian', currency: 'AFN', name: { ar: 'أفغانستان', en: 'Afghanistan', fr: 'Afghanistan' } },
  { alpha2: 'AL', alpha3: 'ALB', numeric: '008', oicGroup: 'asian', currency: 'ALL', name: { ar: 'ألبانيا', en: 'Albania', fr: 'Albanie' } },
  { alpha2: 'AZ', alpha3: 'AZE', numeric: '031', oicGroup: 'asian', currency: 'AZN', name: { ar: 'أذربيجان', en: 'Azerbaijan', fr: 'Azerbaïdjan' } },
  { alpha2: 'BD', alpha3: 'BGD', numeric: '050', oicGroup: 'asian', currency: 'BDT', name: { ar: 'بنغلاديش', en: 'Bangladesh', fr: 'Bangladesh' } },
  { alpha2: 'BN', alpha3: 'BRN', numeric: '096', oicGroup: 'asian', currency: 'BND', name: { ar: 'بروناي دار السلام', en: 'Brunei Darussalam', fr: 'Brunéi Darussalam' } },
  { alpha2: 'GY', alpha3: 'GUY', numeric: '328', oicGroup: 'asian', currency: 'GYD', name: { ar: 'غيانا', en: 'Guyana', fr: 'Guyana' } },
  { alpha2: 'ID', alpha3: 'IDN', numeric: '360', oicGroup: 'asian', currency: 'IDR', name: { ar: 'إندونيسيا', en: 'Indonesia', fr: 'Indonésie' } },
  { alpha2: 'IR', alpha3: 'IRN', numeric: '364', oicGroup: 'asian', currency: 'IRR', name: { ar: 'إيران', en: 'Iran', fr: 'Iran' } },
  { alpha2: 'KZ', alpha3: 'KAZ', numeric: '398', oicGroup: 'asian', currency: 'KZT', name: { ar: 'كازاخستان', en: 'Kazakhstan', fr: 'Kazakhstan' } },
  { alpha2: 'KG', alpha3: 'KGZ', numeric: '417', oicGroup: 'asian', currency: 'KGS', name: { ar: 'قيرغيزستان', en: 'Kyrgyzstan', fr: 'Kirghizistan' } },
  { alpha2: 'MY', alpha3: 'MYS', numeric: '458', oicGroup: 'asian', currency: 'MYR', name: { ar: 'ماليزيا', en: 'Malaysia', fr: 'Malaisie' } },
  { alpha2: 'MV', alpha3: 'MDV', numeric: '462', oicGroup: 'asian', currency: 'MVR', name: { ar: 'جزر المالديف', en: 'Maldives', fr: 'Maldives' } },
  { alpha2: 'PK', alpha3: 'PAK', numeric: '586', oicGroup: 'asian', currency: 'PKR', name: { ar: 'باكستان', en: 'Pakistan', fr: 'Pakistan' } },
  { alpha2: 'SR', alpha3: 'SUR', numeric: '740', oicGroup: 'asian', currency: 'SRD', name: { ar: 'سورينام', en: 'Suriname', fr: 'Suriname' } },
  { alpha2: 'TJ', alpha3: 'TJK', numeric: '762', oicGroup: 'asian', currency: 'TJS', name: { ar: 'طاجيكستان', en: 'Tajikistan', fr: 'Tadjikistan' } },
  { alpha2: 'TR', alpha3: 'TUR', numeric: '792', oicGroup: 'asian', currency: 'TRY', name: { ar: 'تركيا', en: 'Türkiye', fr: 'Turquie' } },
  { alpha2: 'TM', alpha3: 'TKM', numeric: '795', oicGroup: 'asian', currency: 'TMT', name: { ar: 'تركمانستان', en: 'Turkmenistan', fr: 'Turkménistan' } },
  { alpha2: 'UZ', alpha3: 'UZB', numeric: '860', oicGroup: 'asian', currency: 'UZS', name: { ar: 'أوزبكستان', en: 'Uzbekistan', fr: 'Ouzbékistan' } },
] as const satisfies readonly CountryRecord[];

/** ISO 3166-1 alpha-2 code of an OIC member state (upper case), e.g. `'SA'`. */
export type MemberStateCode = (typeof COUNTRY_RECORDS)[number]['alpha2'];

/** ISO 3166-1 alpha-3 code of an OIC member state (upper case), e.g. `'SAU'`. */
export type MemberStateAlpha3 = (typeof COUNTRY_RECORDS)[number]['alpha3'];

export interface Country {
  /** ISO 3166-1 alpha-2 (upper case); the code the platform stores and puts in URLs. */
  readonly alpha2: MemberStateCode;
  /** ISO 3166-1 alpha-3 (upper case). */
  readonly alpha3: MemberStateAlpha3;
  /** ISO 3166-1 numeric, three digits with leading zeros kept (`'004'`). */
  readonly numeric: string;
  readonly name: Readonly<TrilingualText>;
  readonly oicGroup: OicGroup;
  /** ISO 4217 code of the main currency; always present in `CURRENCIES`. */
  readonly currency: CurrencyCode;
}

/** Every member state, by OIC group and then by English name; frozen. */
export const COUNTRIES: readonly Country[] = deepFreeze(COUNTRY_RECORDS);
