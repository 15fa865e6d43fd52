import { deepFreeze } from './deep-freeze.util.js';
import type { TrilingualText } from './localized-text.js';

/** Shape checked against every entry below; `Language` is the public, read-only view. */
interface LanguageRecord {
  code: string;
  name: TrilingualText;
}

/**
 * Every ISO 639-1 code (183; the withdrawn `bh`, `iw`, `in`, `ji`, `mo`, `sh` are not included),
 * sorted by code. Names are drafted from CLDR and corrected by hand where CLDR maps the code to
 * something else (`tl` is Tagalog, not Filipino; `tw` is Twi, not Akan) or its Arabic is odd.
 * English names are capitalised; French and Arabic follow their own conventions (lower-case
 * French language names, Arabic with the article: "arabe", "العربية").
 */
const LANGUAGE_RECORDS = [
  { code: 'aa', name: { ar: 'الأفارية', en: 'Afar', fr: 'afar' } },
  { code: 'ab', name: { ar: 'الأبخازية', en: 'Abkhazian', fr: 'abkhaze' } },
  { code: 'ae', name: { ar: 'الأفستية', en: 'Avestan', fr: 'avestique' } },
  { code: 'af', name: { ar: 'الأفريقانية', en: 'Afrikaans', fr: 'afrikaans' } },
  { code: 'ak', name: { ar: 'الأكانية', en: 'Akan', fr: 'akan' } },
  { code: 'am', name: { ar: 'الأمهرية', en: 'Amharic', fr: 'amharique' } },
  { code: 'an', name: { ar: 'الأراغونية', en: 'Aragonese', fr: 'aragonais' } },
  { code: 'ar', name: { ar: 'العربية', en: 'Arabic', fr: 'arabe' } },
  { code: 'as', name: { ar: 'الأسامية', en: 'Assamese', fr: 'assamais' } },
  { code: 'av', name: { ar: 'الأوارية', en: 'Avaric', fr: 'avar' } },
  { code: 'ay', name: { ar: 'الأيمارا', en: 'Aymara', fr: 'aymara' } },
  { code: 'az', name: { ar: 'الأذربيجانية', en: 'Azerbaijani', fr: 'azerbaïdjanais' } },
  { code: 'ba', name: { ar: 'الباشكيرية', en: 'Bashkir', fr: 'bachkir' } },
  { code: 'be', name: { ar: 'البيلاروسية', en: 'Belarusian', fr: 'biélorusse' } },
  { code: 'bg', name: { ar: 'البلغارية', en: 'Bulgarian', fr: 'bulgare' } },
  { code: 'bi', name: { ar: 'البيسلامية', en: 'Bislama', fr: 'bichelamar' } },
  { code: 'bm', name: { ar: 'البامبارا', en: 'Bambara', fr: 'bambara' } },
  { code: 'bn', name: { ar: 'البنغالية', en: 'Bengali', fr: 'bengali' } },
  { code: 'bo', name: { ar: 'التبتية', en: 'Tibetan', fr: 'tibétain' } },
  { code: 'br', name: { ar: 'البريتونية', en: 'Breton', fr: 'breton' } },
  { code: 'bs', name: { ar: 'البوسنية', en: 'Bosnian', fr: 'bosniaque' } },
  { code: 'ca', name: { ar: 'الكتالانية', en: 'Catalan', fr: 'catalan' } },
  { code: 'ce', name: { ar: 'الشيشانية', en: 'Chechen', fr: 'tchétchène' } },
  { code: 'ch', name: { ar: 'التشامورو', en: 'Chamorro', fr: 'chamorro' } },
  { code: 'co', name: { ar: 'الكورسيكية', en: 'Corsican', fr: 'corse' } },
  { code: 'cr', name: { ar: 'الكري', en: 'Cree', fr: 'cree' } },
  { code: 'cs', name: { ar: 'التشيكية', en: 'Czech', fr: 'tchèque' } },
  { code: 'cu', name: { ar: 'السلافية الكنسية', en: 'Church Slavic', fr: "slavon d'église" } },
  { code: 'cv', name: { ar: 'التشوفاشية', en: 'Chuvash', fr: 'tchouvache' } },
  { code: 'cy', name: { ar: 'الويلزية', en: 'Welsh', fr: 'gallois' } },
  { code: 'da', name: { ar: 'الدانمركية', en: 'Danish', fr: 'danois' } },
  { code: 'de', name: { ar: 'الألمانية', en: 'German', fr: 'allemand' } },
  { code: 'dv', name: { ar: 'المالديفية', en: 'Divehi', fr: 'maldivien' } },
  { code: 'dz', name: { ar: 'الدزونغخا', en: 'Dzongkha', fr: 'dzongkha' } },
  { code: 'ee', name: { ar: 'الإيوي', en: 'Ewe', fr: 'éwé' } },
  { code: 'el', name: { ar: 'اليونانية', en: 'Greek', fr: 'grec' } },
  { code: 'en', name: { ar: 'الإنجليزية', en: 'English', fr: 'anglais' } },
  { code: 'eo', name: { ar: 'الإسبرانتو', en: 'Esperanto', fr: 'espéranto' } },
  { code: 'es', name: { ar: 'الإسبانية', en: 'Spanish', fr: 'espagnol' } },
  { code: 'et', name: { ar: 'الإستونية', en: 'Estonian', fr: 'estonien' } },
  { code: 'eu', name: { ar: 'الباسكية', en: 'Basque', fr: 'basque' } },
  { code: 'fa', name: { ar: 'الفارسية', en: 'Persian', fr: 'persan' } },
  { code: 'ff', name: { ar: 'الفولانية', en: 'Fula', fr: 'peul' } },
  { code: 'fi', name: { ar: 'الفنلندية', en: 'Finnish', fr: 'finnois' } },
  { code: 'fj', name: { ar: 'الفيجية', en: 'Fijian', fr: 'fidjien' } },
  { code: 'fo', name: { ar: 'الفاروية', en: 'Faroese', fr: 'féroïen' } },
  { code: 'fr', name: { ar: 'الفرنسية', en: 'French', fr: 'français' } },
  { code: 'fy', name: { ar: 'الفريزية الغربية', en: 'Western Frisian', fr: 'frison occidental' } },
  { code: 'ga', name: { ar: 'الأيرلندية', en: 'Irish', fr: 'irlandais' } },
  { code: 'gd', name: { ar: 'الغيلية الأسكتلندية', en: 'Scottish Gaelic', fr: 'gaélique écossais' } },
  { code: 'gl', name: { ar: 'الجاليكية', en: 'Galician', fr: 'galicien' } },
  { code: 'gn', name: { ar: 'الغوارانية', en: 'Guarani', fr: 'guarani' } },
  { code: 'gu', name: { ar: 'الغوجاراتية', en: 'Gujarati', fr: 'goudjarati' } },
  { code: 'gv', name: { ar: 'المنكية', en: 'Manx', fr: 'mannois' } },
  { code: 'ha', name: { ar: 'الهوسا', en: 'Hausa', fr: 'haoussa' } },
  { code: 'he', name: { ar: 'العبرية', en: 'Hebrew', fr: 'hébreu' } },
  { code: 'hi', name: { ar: 'الهندية', en: 'Hindi', fr: 'hindi' } },
  { code: 'ho', name: { ar: 'الهيري موتو', en: 'Hiri Motu', fr: 'hiri motu' } },
  { code: 'hr', name: { ar: 'الكرواتية', en: 'Croatian', fr: 'croate' } },
  { code: 'ht', name: { ar: 'الكريولية الهايتية', en: 'Haitian Creole', fr: 'créole haïtien' } },
  { code: 'hu', name: { ar: 'الهنغارية', en: 'Hungarian', fr: 'hongrois' } },
  { code: 'hy', name: { ar: 'الأرمنية', en: 'Armenian', fr: 'arménien' } },
  { code: 'hz', name: { ar: 'الهيريرو', en: 'Herero', fr: 'héréro' } },
  { code: 'ia', name: { ar: 'الإنترلينغوا', en: 'Interlingua', fr: 'interlingua' } },
  { code: 'id', name: { ar: 'الإندونيسية', en: 'Indonesian', fr: 'indonésien' } },
  { code: 'ie', name: { ar: 'الإنترلينج', en: 'Interlingue', fr: 'interlingue' } },
  { code: 'ig', name: { ar: 'الإيجبو', en: 'Igbo', fr: 'igbo' } },
  { code: 'ii', name: { ar: 'السيتشيون يي', en: 'Sichuan Yi', fr: 'yi du Sichuan' } },
  { code: 'ik', name: { ar: 'الإينبياك', en: 'Inupiaq', fr: 'inupiaq' } },
  { code: 'io', name: { ar: 'الإيدو', en: 'Ido', fr: 'ido' } },
  { code: 'is', name: { ar: 'الأيسلندية', en: 'Icelandic', fr: 'islandais' } },
  { code: 'it', name: { ar: 'الإيطالية', en: 'Italian', fr: 'italien' } },
  { code: 'iu', name: { ar: 'الإينكتيتت', en: 'Inuktitut', fr: 'inuktitut' } },
  { code: 'ja', name: { ar: 'اليابانية', en: 'Japanese', fr: 'japonais' } },
  { code: 'jv', name: { ar: 'الجاوية', en: 'Javanese', fr: 'javanais' } },
  { code: 'ka', name: { ar: 'الجورجية', en: 'Georgian', fr: 'géorgien' } },
  { code: 'kg', name: { ar: 'الكونغو', en: 'Kongo', fr: 'kikongo' } },
  { code: 'ki', name: { ar: 'الكيكيو', en: 'Kikuyu', fr: 'kikuyu' } },
  { code: 'kj', name: { ar: 'الكوانياما', en: 'Kuanyama', fr: 'kuanyama' } },
  { code: 'kk', name: { ar: 'الكازاخية', en: 'Kazakh', fr: 'kazakh' } },
  { code: 'kl', name: { ar: 'الغرينلاندية', en: 'Kalaallisut', fr: 'groenlandais' } },
  { code: 'km', name: { ar: 'الخميرية', en: 'Khmer', fr: 'khmer' } },
  { code: 'kn', name: { ar: 'الكانادا', en: 'Kannada', fr: 'kannada' } },
  { code: 'ko', name: { ar: 'الكورية', en: 'Korean', fr: 'coréen' } },
  { code: 'kr', name: { ar: 'الكانوري', en: 'Kanuri', fr: 'kanouri' } },
  { code: 'ks', name: { ar: 'الكشميرية', en: 'Kashmiri', fr: 'cachemiri' } },
  { code: 'ku', name: { ar: 'الكردية', en: 'Kurdish', fr: 'kurde' } },
  { code: 'kv', name: { ar: 'الكومي', en: 'Komi', fr: 'komi' } },
  { code: 'kw', name: { ar: 'الكورنية', en: 'Cornish', fr: 'cornique' } },
  { code: 'ky', name: { ar: 'القيرغيزية', en: 'Kyrgyz', fr: 'kirghize' } },
  { code: 'la', name: { ar: 'اللاتينية', en: 'Latin', fr: 'latin' } },
  { code: 'lb', name: { ar: 'اللكسمبورغية', en: 'Luxembourgish', fr: 'luxembourgeois' } },
  { code: 'lg', name: { ar: 'الغاندا', en: 'Ganda', fr: 'ganda' } },
  { code: 'li', name: { ar: 'الليمبورغية', en: 'Limburgish', fr: 'limbourgeois' } },
  { code: 'ln', name: { ar: 'اللينجالا', en: 'Lingala', fr: 'lingala' } },
  { code: 'lo', name: { ar: 'اللاوية', en: 'Lao', fr: 'lao' } },
  { code: 'lt', name: { ar: 'الليتوانية', en: 'Lithuanian', fr: 'lituanien' } },
  { code: 'lu', name: { ar: 'اللوبا كاتانغا', en: 'Luba-Katanga', fr: 'luba-katanga' } },
  { code: 'lv', name: { ar: 'اللاتفية', en: 'Latvian', fr: 'letton' } },
  { code: 'mg', name: { ar: 'الملغاشية', en: 'Malagasy', fr: 'malgache' } },
  { code: 'mh', name: { ar: 'المارشالية', en: 'Marshallese', fr: 'marshallais' } },
  { code: 'mi', name: { ar: 'الماورية', en: 'Māori', fr: 'maori' } },
  { code: 'mk', name: { ar: 'المقدونية', en: 'Macedonian', fr: 'macédonien' } },
  { code: 'ml', name: { ar: 'المالايالامية', en: 'Malayalam', fr: 'malayalam' } },
  { code: 'mn', name: { ar: 'المنغولية', en: 'Mongolian', fr: 'mongol' } },
  { code: 'mr', name: { ar: 'الماراثية', en: 'Marathi', fr: 'marathi' } },
  { code: 'ms', name: { ar: 'الملايوية', en: 'Malay', fr: 'malais' } },
  { code: 'mt', name: { ar: 'المالطية', en: 'Maltese', fr: 'maltais' } },
  { code: 'my', name: { ar: 'البورمية', en: 'Burmese', fr: 'birman' } },
  { code: 'na', name: { ar: 'الناورية', en: 'Nauruan', fr: 'nauruan' } },
  { code: 'nb', name: { ar: 'النرويجية بوكمال', en: 'Norwegian Bokmål', fr: 'norvégien bokmål' } },
  { code: 'nd', name: { ar: 'النديبيل الشمالية', en: 'North Ndebele', fr: 'ndébélé du Nord' } },
  { code: 'ne', name: { ar: 'النيبالية', en: 'Nepali', fr: 'népalais' } },
  { code: 'ng', name: { ar: 'الندونجا', en: 'Ndonga', fr: 'ndonga' } },
  { code: 'nl', name: { ar: 'الهولندية', en: 'Dutch', fr: 'néerlandais' } },
  { code: 'nn', name: { ar: 'النرويجية نينورسك', en: 'Norwegian Nynorsk', fr: 'norvégien nynorsk' } },
  { code: 'no', name: { ar: 'النرويجية', en: 'Norwegian', fr: 'norvégien' } },
  { code: 'nr', name: { ar: 'النديبيل الجنوبي', en: 'South Ndebele', fr: 'ndébélé du Sud' } },
  { code: 'nv', name: { ar: 'النافاجو', en: 'Navajo', fr: 'navajo' } },
  { code: 'ny', name: { ar: 'الشيشيوا', en: 'Chichewa', fr: 'chewa' } },
  { code: 'oc', name: { ar: 'الأوكسيتانية', en: 'Occitan', fr: 'occitan' } },
  { code: 'oj', name: { ar: 'الأوجيبوا', en: 'Ojibwa', fr: 'ojibwa' } },
  { code: 'om', name: { ar: 'الأورومية', en: 'Oromo', fr: 'oromo' } },
  { code: 'or', name: { ar: 'الأورية', en: 'Odia', fr: 'odia' } },
  { code: 'os', name: { ar: 'الأوسيتية', en: 'Ossetian', fr: 'ossète' } },
  { code: 'pa', name: { ar: 'البنجابية', en: 'Punjabi', fr: 'pendjabi' } },
  { code: 'pi', name: { ar: 'البالية', en: 'Pali', fr: 'pali' } },
  { code: 'pl', name: { ar: 'البولندية', en: 'Polish', fr: 'polonais' } },
  { code: 'ps', name: { ar: 'البشتو', en: 'Pashto', fr: 'pachto' } },
  { code: 'pt', name: { ar: 'البرتغالية', en: 'Portuguese', fr: 'portugais' } },
  { code: 'qu', name: { ar: 'الكيتشوا', en: 'Quechua', fr: 'quechua' } },
  { code: 'rm', name: { ar: 'الرومانشية', en: 'Romansh', fr: 'romanche' } },
  { code: 'rn', name: { ar: 'الرندي', en: 'Rundi', fr: 'roundi' } },
  { code: 'ro', name: { ar: 'الرومانية', en: 'Romanian', fr: 'roumain' } },
  { code: 'ru', name: { ar: 'الروسية', en: 'Russian', fr: 'russe' } },
  { code: 'rw', name: { ar: 'الكينيارواندا', en: 'Kinyarwanda', fr: 'kinyarwanda' } },
  { code: 'sa', name: { ar: 'السنسكريتية', en: 'Sanskrit', fr: 'sanskrit' } },
  { code: 'sc', name: { ar: 'السردينية', en: 'Sardinian', fr: 'sarde' } },
  { code: 'sd', name: { ar: 'السندية', en: 'Sindhi', fr: 'sindhi' } },
  { code: 'se', name: { ar: 'السامية الشمالية', en: 'Northern Sami', fr: 'same du Nord' } },
  { code: 'sg', name: { ar: 'السانجو', en: 'Sango', fr: 'sango' } },
  { code: 'si', name: { ar: 'السنهالية', en: 'Sinhala', fr: 'cingalais' } },
  { code: 'sk', name: { ar: 'السلوفاكية', en: 'Slovak', fr: 'slovaque' } },
  { code: 'sl', name: { ar: 'السلوفينية', en: 'Slovenian', fr: 'slovène' } },
  { code: 'sm', name: { ar: 'الساموائية', en: 'Samoan', fr: 'samoan' } },
  { code: 'sn', name: { ar: 'الشونا', en: 'Shona', fr: 'shona' } },
  { code: 'so', name: { ar: 'الصومالية', en: 'Somali', fr: 'somali' } },
  { code: 'sq', name: { ar: 'الألبانية', en: 'Albanian', fr: 'albanais' } },
  { code: 'sr', name: { ar: 'الصربية', en: 'Serbian', fr: 'serbe' } },
  { code: 'ss', name: { ar: 'السواتي', en: 'Swati', fr: 'swati' } },
  { code: 'st', name: { ar: 'السوتو الجنوبية', en: 'Southern Sotho', fr: 'sotho du Sud' } },
  { code: 'su', name: { ar: 'السوندانية', en: 'Sundanese', fr: 'soundanais' } },
  { code: 'sv', name: { ar: 'السويدية', en: 'Swedish', fr: 'suédois' } },
  { code: 'sw', name: { ar: 'السواحلية', en: 'Swahili', fr: 'swahili' } },
  { code: 'ta', name: { ar: 'التاميلية', en: 'Tamil', fr: 'tamoul' } },
  { code: 'te', name: { ar: 'التيلوغوية', en: 'Telugu', fr: 'télougou' } },
  { code: 'tg', name: { ar: 'الطاجيكية', en: 'Tajik', fr: 'tadjik' } },
  { code: 'th', name: { ar: 'التايلاندية', en: 'Thai', fr: 'thaï' } },
  { code: 'ti', name: { ar: 'التغرينية', en: 'Tigrinya', fr: 'tigrigna' } },
  { code: 'tk', name: { ar: 'التركمانية', en: 'Turkmen', fr: 'turkmène' } },
  { code: 'tl', name: { ar: 'التاغالوغية', en: 'Tagalog', fr: 'tagalog' } },
  { code: 'tn', name: { ar: 'التسوانية', en: 'Tswana', fr: 'tswana' } },
  { code: 'to', name: { ar: 'التونغية', en: 'Tongan', fr: 'tongien' } },
  { code: 'tr', name: { ar: 'التركية', en: 'Turkish', fr: 'turc' } },
  { code: 'ts', name: { ar: 'السونجا', en: 'Tsonga', fr: 'tsonga' } },
  { code: 'tt', name: { ar: 'التترية', en: 'Tatar', fr: 'tatar' } },
  { code: 'tw', name: { ar: 'التوي', en: 'Twi', fr: 'twi' } },
  { code: 'ty', name: { ar: 'التاهيتية', en: 'Tahitian', fr: 'tahitien' } },
  { code: 'ug', name: { ar: 'الأويغورية', en: 'Uyghur', fr: 'ouïghour' } },
  { code: 'uk', name: { ar: 'الأوكرانية', en: 'Ukrainian', fr: 'ukrainien' } },
  { code: 'ur', name: { ar: 'الأوردية', en: 'Urdu', fr: 'ourdou' } },
  { code: 'uz', name: { ar: 'الأوزبكية', en: 'Uzbek', fr: 'ouzbek' } },
  { code: 've', name: { ar: 'الفيندا', en: 'Venda', fr: 'venda' } },
  { code: 'vi', name: { ar: 'الفيتنامية', en: 'Vietnamese', fr: 'vietnamien' } },
  { code: 'vo', name: { ar: 'الفولابوك', en: 'Volapük', fr: 'volapük' } },
  { code: 'wa', name: { ar: 'الولونية', en: 'Walloon', fr: 'wallon' } },
  { code: 'wo', name: { ar: 'الولوفية', en: 'Wolof', fr: 'wolof' } },
  { code: 'xh', name: { ar: 'الخوسا', en: 'Xhosa', fr: 'xhosa' } },
  { code: 'yi', name: { ar: 'اليديشية', en: 'Yiddish', fr: 'yiddish' } },
  { code: 'yo', name: { ar: 'اليوروبا', en: 'Yoruba', fr: 'yoruba' } },
  { code: 'za', name: { ar: 'التشوانغية', en: 'Zhuang', fr: 'zhuang' } },
  { code: 'zh', name: { ar: 'الصينية', en: 'Chinese', fr: 'chinois' } },
  { code: 'zu', name: { ar: 'الزولو', en: 'Zulu', fr: 'zoulou' } },
] as const satisfies readonly LanguageRecord[];

/** An ISO 639-1 code (lower case), e.g. `'ar'`. */
export type LanguageCode = (typeof LANGUAGE_RECORDS)[number]['code'];

export interface Language {
  /** ISO 639-1 two-letter code (lower case). */
  readonly code: LanguageCode;
  readonly name: Readonly<TrilingualText>;
}

/** Every ISO 639-1 language, sorted by code; frozen. */
export const LANGUAGES: readonly Language[] = deepFreeze(LANGUAGE_RECORDS);

/** The six Common European Framework of Reference levels, lowest first. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** The CEFR's three user bands: A (basic), B (independent), C (proficient). */
export type CefrBand = 'basic' | 'independent' | 'proficient';

export interface CefrLevelInfo {
  readonly level: CefrLevel;
  readonly band: CefrBand;
  /** Short name shown beside the code, e.g. "B2 · Upper intermediate". */
  readonly label: Readonly<TrilingualText>;
  /** One sentence after the CEFR global scale, for help text. */
  readonly description: Readonly<TrilingualText>;
}

/** Label and description of each CEFR level, in `CEFR_LEVELS` order; frozen. */
export const CEFR_LEVEL_INFO: readonly CefrLevelInfo[] = deepFreeze([
  {
    level: 'A1',
    band: 'basic',
    label: { ar: 'مبتدئ', en: 'Beginner', fr: 'Débutant' },
    description: {
      ar: 'مستخدم أساسي: يفهم ويستعمل عبارات يومية مألوفة وجملًا بسيطة جدًا لتلبية حاجات ملموسة.',
      en: 'Basic user: understands and uses familiar everyday expressions and very basic phrases to meet concrete needs.',
      fr: 'Utilisateur élémentaire : comprend et utilise des expressions familières et quotidiennes ainsi que des énoncés très simples visant à satisfaire des besoins concrets.',
    },
  },
  {
    level: 'A2',
    band: 'basic',
    label: { ar: 'أساسي', en: 'Elementary', fr: 'Élémentaire' },
    description: {
      ar: 'مستخدم أساسي: يتواصل في مهام بسيطة وروتينية تتطلب تبادلًا مباشرًا للمعلومات حول مواضيع مألوفة.',
      en: 'Basic user: communicates in simple, routine tasks requiring a direct exchange of information on familiar matters.',
      fr: "Utilisateur élémentaire : communique lors de tâches simples et habituelles ne demandant qu'un échange d'informations direct sur des sujets familiers.",
    },
  },
  {
    level: 'B1',
    band: 'independent',
    label: { ar: 'متوسط', en: 'Intermediate', fr: 'Intermédiaire' },
    description: {
      ar: 'مستخدم مستقل: يفهم النقاط الأساسية في الموضوعات المألوفة في العمل والدراسة ويتعامل مع معظم المواقف اليومية.',
      en: 'Independent user: understands the main points on familiar matters met at work or school and deals with most everyday situations.',
      fr: "Utilisateur indépendant : comprend l'essentiel quand un langage clair est utilisé sur des sujets familiers (travail, école) et se débrouille dans la plupart des situations courantes.",
    },
  },
  {
    level: 'B2',
    band: 'independent',
    label: { ar: 'فوق المتوسط', en: 'Upper intermediate', fr: 'Intermédiaire avancé' },
    description: {
      ar: 'مستخدم مستقل: يفهم النصوص المعقدة ويتواصل بتلقائية وطلاقة مع المتحدثين الأصليين دون عناء لأي من الطرفين.',
      en: 'Independent user: understands complex texts and interacts with native speakers with a degree of fluency and spontaneity, without strain for either party.',
      fr: "Utilisateur indépendant : comprend des textes complexes et communique avec un locuteur natif avec un degré de spontanéité et d'aisance qui ne comporte de tension ni pour l'un ni pour l'autre.",
    },
  },
  {
    level: 'C1',
    band: 'proficient',
    label: { ar: 'متقدم', en: 'Advanced', fr: 'Avancé' },
    description: {
      ar: 'مستخدم متمكن: يعبّر عن نفسه بطلاقة وتلقائية ويستعمل اللغة بمرونة وفعالية في الحياة الاجتماعية والمهنية والأكاديمية.',
      en: 'Proficient user: expresses ideas fluently and spontaneously and uses the language flexibly and effectively for social, professional and academic purposes.',
      fr: "Utilisateur expérimenté : s'exprime spontanément et couramment et utilise la langue de façon efficace et souple dans sa vie sociale, professionnelle ou académique.",
    },
  },
  {
    level: 'C2',
    band: 'proficient',
    label: { ar: 'متمكن', en: 'Proficient', fr: 'Maîtrise' },
    description: {
      ar: 'مستخدم متمكن: يفهم بسهولة كل ما يقرؤه أو يسمعه تقريبًا ويعبّر عن نفسه بدقة ويميّز الفروق الدقيقة في المعنى.',
      en: 'Proficient user: understands with ease virtually everything heard or read and expresses ideas precisely, differentiating finer shades of meaning.',
      fr: "Utilisateur expérimenté : comprend sans effort pratiquement tout ce qu'il lit ou entend et s'exprime avec précision en rendant distinctes de fines nuances de sens.",
    },
  },
] as const satisfies readonly CefrLevelInfo[]);

export function isCefrLevel(value: unknown): value is CefrLevel {
  return typeof value === 'string' && (CEFR_LEVELS as readonly string[]).includes(value);
}

/** Position of a level on the scale: A1 = 1 ... C2 = 6, so levels compare as numbers. */
export function cefrRank(level: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level) + 1;
}

/** Label and description of one level. */
export function cefrLevelInfo(level: CefrLevel): CefrLevelInfo {
  return CEFR_LEVEL_INFO[cefrRank(level) - 1];
}

/** Whether someone at `actual` satisfies a requirement of `required` (same level or higher). */
export function meetsCefr(actual: CefrLevel, required: CefrLevel): boolean {
  return cefrRank(actual) >= cefrRank(required);
}
