import type { MatchReasonCode } from '@olp/contracts';
import type { TrilingualText } from '@olp/reference-data';

/**
 * ICU MessageFormat texts of every match reason in Arabic, English and French. Typed as a
 * `Record` over the reason codes, so a new code without its three texts does not compile.
 *
 * The messages read display parameters that `renderReason` derives from the reason's stored
 * parameters (ICU select keys cannot contain hyphens, and names come from reference data):
 *
 * | code                    | parameters                                                       |
 * |-------------------------|------------------------------------------------------------------|
 * | essential-skills        | matched, total (numbers)                                         |
 * | optional-skills         | matched, total (numbers)                                         |
 * | missing-skill           | skill (label)                                                    |
 * | occupation              | level (unit/minor/subMajor/major/none), code, titled (yes/no), title |
 * | language                | language (name), level (CEFR)                                    |
 * | language-missing        | language (name), required (CEFR)                                 |
 * | education               | status (met/unmet), education (ISCED level name)                 |
 * | experience              | years, required (numbers)                                        |
 * | location-same-country   | country (name), article (en: the/none), prep (fr: au/aux/a/en)   |
 * | location-relocate       | country (name), article, prep                                    |
 * | location-remote         | (none)                                                           |
 *
 * Arabic counts use all six CLDR plural categories where the noun changes (one, two, few 3–10,
 * many 11–99, other); French puts a no-break space before a colon.
 */
export const REASON_MESSAGES: Readonly<Record<MatchReasonCode, TrilingualText>> = {
  'essential-skills': {
    ar:
      '{total, plural,' +
      ' one {{matched} من مهارة أساسية واحدة}' +
      ' two {{matched} من مهارتين أساسيتين}' +
      ' few {{matched} من {total} مهارات أساسية}' +
      ' many {{matched} من {total} مهارة أساسية}' +
      ' other {{matched} من {total} مهارة أساسية}}',
    en: '{total, plural, one {{matched} of {total} essential skill} other {{matched} of {total} essential skills}}',
    fr: '{total, plural, one {{matched} sur {total} compétence essentielle} other {{matched} sur {total} compétences essentielles}}',
  },
  'optional-skills': {
    ar:
      '{total, plural,' +
      ' one {{matched} من مهارة اختيارية واحدة}' +
      ' two {{matched} من مهارتين اختياريتين}' +
      ' few {{matched} من {total} مهارات اختيارية}' +
      ' many {{matched} من {total} مهارة اختيارية}' +
      ' other {{matched} من {total} مهارة اختيارية}}',
    en: '{total, plural, one {{matched} of {total} optional skill} other {{matched} of {total} optional skills}}',
    fr: '{total, plural, one {{matched} sur {total} compétence souhaitée} other {{matched} sur {total} compétences souhaitées}}',
  },
  'missing-skill': {
    ar: 'مهارة ناقصة: {skill}',
    en: 'Missing skill: {skill}',
    fr: 'Compétence manquante\u00a0: {skill}',
  },
  occupation: {
    ar:
      '{level, select,' +
      ' unit {نفس المجموعة المهنية (مجموعة الوحدة {code})}' +
      ' minor {مهنة قريبة (المجموعة الصغرى {code})}' +
      ' subMajor {مجال مهني قريب (المجموعة الفرعية {code})}' +
      ' major {نفس المجموعة المهنية الرئيسية (المجموعة الرئيسية {code})}' +
      ' other {لا توجد مهنة ذات صلة (المهنة المطلوبة {code})}}' +
      '{titled, select, yes {: {title}} other {}}',
    en:
      '{level, select,' +
      ' unit {Same occupation group (unit group {code})}' +
      ' minor {Closely related occupation (minor group {code})}' +
      ' subMajor {Related occupation (sub-major group {code})}' +
      ' major {Same broad occupation group (major group {code})}' +
      ' other {No related occupation (vacancy: {code})}}' +
      '{titled, select, yes {: {title}} other {}}',
    fr:
      '{level, select,' +
      ' unit {Même groupe de métiers (groupe de base {code})}' +
      ' minor {Métier proche (sous-groupe {code})}' +
      ' subMajor {Métier apparenté (sous-grand groupe {code})}' +
      ' major {Même grand groupe de métiers (grand groupe {code})}' +
      ' other {Aucun métier apparenté (offre\u00a0: {code})}}' +
      '{titled, select, yes {\u00a0: {title}} other {}}',
  },
  language: {
    ar: 'يتحدث {language} بمستوى {level}',
    en: 'Speaks {language} at {level}',
    fr: 'Parle {language} (niveau {level})',
  },
  'language-missing': {
    ar: 'مطلوب: {language} بمستوى {required}',
    en: 'Requires {language} at {required}',
    fr: 'Niveau {required} requis en {language}',
  },
  education: {
    ar: '{status, select, met {يستوفي المؤهل العلمي المطلوب ({education})} other {دون المؤهل العلمي المطلوب ({education})}}',
    en: '{status, select, met {Meets the education requirement ({education})} other {Below the required education ({education})}}',
    fr: "{status, select, met {Niveau d'études requis atteint ({education})} other {Niveau d'études inférieur au niveau requis ({education})}}",
  },
  experience: {
    ar:
      '{years, plural,' +
      ' zero {لا خبرة ذات صلة}' +
      ' one {سنة واحدة من الخبرة ذات الصلة}' +
      ' two {سنتان من الخبرة ذات الصلة}' +
      ' few {# سنوات من الخبرة ذات الصلة}' +
      ' other {# سنة من الخبرة ذات الصلة}}' +
      ' (المطلوب: {required, plural, zero {لا شيء} one {سنة واحدة} two {سنتان} few {# سنوات} other {# سنة}})',
    en:
      '{years, plural, one {# year} other {# years}} of relevant experience' +
      ' ({required, plural, one {# year} other {# years}} required)',
    fr:
      "{years, plural, one {# an} other {# ans}} d'expérience pertinente" +
      ' ({required, plural, one {# an requis} other {# ans requis}})',
  },
  'location-same-country': {
    ar: 'يقيم في {country}',
    en: 'Lives in {article, select, the {the } other {}}{country}',
    fr: 'Réside {prep, select, au {au} aux {aux} a {à} other {en}} {country}',
  },
  'location-relocate': {
    ar: 'مستعد للانتقال إلى {country}',
    en: 'Willing to relocate to {article, select, the {the } other {}}{country}',
    fr: "Prêt·e à s'installer {prep, select, au {au} aux {aux} a {à} other {en}} {country}",
  },
  'location-remote': {
    ar: 'مستعد للعمل عن بُعد',
    en: 'Open to remote work',
    fr: 'Ouvert·e au télétravail',
  },
};

/** English country names read with "the" (the United Arab Emirates, the Gambia...). */
export const ENGLISH_COUNTRIES_WITH_ARTICLE: ReadonlySet<string> = new Set(['AE', 'GM', 'KM', 'MV']);

/**
 * The preposition French puts before each member state's name for "in"/"to": `en` for feminine
 * names and masculine ones starting with a vowel, `au` for other masculine names, `aux` for
 * plurals, `a` (à) for the islands and city-states that take no article.
 */
export const FRENCH_COUNTRY_PREPOSITIONS: Readonly<Record<string, 'au' | 'aux' | 'a' | 'en'>> = {
  DZ: 'en', BH: 'a', KM: 'aux', DJ: 'a', EG: 'en', IQ: 'en', JO: 'en', KW: 'au', LB: 'au', LY: 'en',
  MR: 'en', MA: 'au', OM: 'a', PS: 'en', QA: 'au', SA: 'en', SO: 'en', SD: 'au', SY: 'en', TN: 'en',
  AE: 'aux', YE: 'au', BJ: 'au', BF: 'au', CM: 'au', TD: 'au', CI: 'en', GA: 'au', GM: 'en', GN: 'en',
  GW: 'en', ML: 'au', MZ: 'au', NE: 'au', NG: 'au', SN: 'au', SL: 'en', TG: 'au', UG: 'en', AF: 'en',
  AL: 'en', AZ: 'en', BD: 'au', BN: 'au', GY: 'au', ID: 'en', IR: 'en', KZ: 'au', KG: 'au', MY: 'en',
  MV: 'aux', PK: 'au', SR: 'au', TJ: 'au', TR: 'en', TM: 'au', UZ: 'en',
};
