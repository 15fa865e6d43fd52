import type { TrilingualText } from '@olp/reference-data';

/** One message per validation rule (class-validator's rule names plus our own), ICU with the rule's params. */
export const VALIDATION_MESSAGES: Readonly<Record<string, TrilingualText>> = {
  isDefined: { ar: 'هذا الحقل مطلوب.', en: 'This field is required.', fr: 'Ce champ est obligatoire.' },
  isNotEmpty: { ar: 'هذا الحقل مطلوب.', en: 'This field is required.', fr: 'Ce champ est obligatoire.' },
  whitelistValidation: {
    ar: 'هذا الحقل غير معروف.',
    en: 'This field is not allowed.',
    fr: "Ce champ n'est pas autorisé.",
  },
  isObject: { ar: 'يجب أن يكون كائن JSON.', en: 'Must be a JSON object.', fr: 'Doit être un objet JSON.' },
  isString: { ar: 'يجب أن يكون نصًا.', en: 'Must be a string.', fr: 'Doit être une chaîne de caractères.' },
  isBoolean: { ar: 'يجب أن تكون القيمة true أو false.', en: 'Must be true or false.', fr: 'Doit valoir true ou false.' },
  isInt: { ar: 'يجب أن يكون عددًا صحيحًا.', en: 'Must be a whole number.', fr: 'Doit être un nombre entier.' },
  isNumber: { ar: 'يجب أن يكون رقمًا.', en: 'Must be a number.', fr: 'Doit être un nombre.' },
  isEmail: {
    ar: 'يجب أن يكون عنوان بريد إلكتروني صالحًا.',
    en: 'Must be a valid e-mail address.',
    fr: 'Doit être une adresse e-mail valide.',
  },
  isUuid: { ar: 'يجب أن يكون معرّف UUID صالحًا.', en: 'Must be a valid UUID.', fr: 'Doit être un UUID valide.' },
  isIso8601: {
    ar: 'يجب أن يكون تاريخًا بصيغة ISO 8601.',
    en: 'Must be an ISO 8601 date.',
    fr: 'Doit être une date au format ISO 8601.',
  },
  isUrl: { ar: 'يجب أن يكون عنوان URL صالحًا.', en: 'Must be a valid URL.', fr: 'Doit être une URL valide.' },
  isArray: { ar: 'يجب أن يكون قائمة.', en: 'Must be a list.', fr: 'Doit être une liste.' },
  arrayUnique: {
    ar: 'يجب ألا تتكرر العناصر.',
    en: 'Items must not repeat.',
    fr: 'Les éléments ne doivent pas se répéter.',
  },
  arrayMinSize: {
    ar: 'يجب أن تحتوي على {min} عنصر على الأقل.',
    en: 'Must contain at least {min, plural, one {# item} other {# items}}.',
    fr: 'Doit contenir au moins {min, plural, one {# élément} other {# éléments}}.',
  },
  arrayMaxSize: {
    ar: 'يجب ألا تتجاوز {max} عنصر.',
    en: 'Must contain at most {max, plural, one {# item} other {# items}}.',
    fr: 'Doit contenir au plus {max, plural, one {# élément} other {# éléments}}.',
  },
  isLength: {
    ar: 'يجب أن يتراوح الطول بين {min} و{max} حرفًا.',
    en: 'Must be between {min} and {max} characters long.',
    fr: 'Doit comporter entre {min} et {max} caractères.',
  },
  minLength: {
    ar: 'يجب ألا يقل الطول عن {min} حرفًا.',
    en: 'Must be at least {min, plural, one {# character} other {# characters}} long.',
    fr: 'Doit comporter au moins {min, plural, one {# caractère} other {# caractères}}.',
  },
  maxLength: {
    ar: 'يجب ألا يزيد الطول على {max} حرفًا.',
    en: 'Must be at most {max, plural, one {# character} other {# characters}} long.',
    fr: 'Doit comporter au plus {max, plural, one {# caractère} other {# caractères}}.',
  },
  min: { ar: 'يجب ألا تقل القيمة عن {min}.', en: 'Must be at least {min}.', fr: 'Doit être au moins {min}.' },
  max: { ar: 'يجب ألا تزيد القيمة على {max}.', en: 'Must be at most {max}.', fr: 'Doit être au plus {max}.' },
  isIn: {
    ar: 'يجب أن تكون إحدى القيم: {values}.',
    en: 'Must be one of: {values}.',
    fr: 'Doit être une des valeurs : {values}.',
  },
  isEnum: {
    ar: 'يجب أن تكون إحدى القيم: {values}.',
    en: 'Must be one of: {values}.',
    fr: 'Doit être une des valeurs : {values}.',
  },
  matches: { ar: 'الصيغة غير صحيحة.', en: 'Has the wrong format.', fr: "N'a pas le bon format." },
  isMemberState: {
    ar: 'يجب أن يكون رمز ISO 3166 لدولة عضو في منظمة التعاون الإسلامي.',
    en: 'Must be the ISO 3166 code of an OIC member state.',
    fr: "Doit être le code ISO 3166 d'un État membre de l'OCI.",
  },
  isLanguageCode: {
    ar: 'يجب أن يكون رمز لغة ISO 639-1.',
    en: 'Must be an ISO 639-1 language code.',
    fr: 'Doit être un code de langue ISO 639-1.',
  },
  isLocalizedText: {
    ar: 'يجب أن يكون نصًا بالعربية أو الإنجليزية أو الفرنسية (ar أو en أو fr)، بلغة واحدة على الأقل، وبحد أقصى {max} حرف لكل لغة.',
    en: 'Must be text in Arabic, English or French (ar, en, fr): at least one language, at most {max} characters each.',
    fr: 'Doit être un texte en arabe, anglais ou français (ar, en, fr) : au moins une langue, {max} caractères au plus chacune.',
  },
  isCalendarDate: {
    ar: 'يجب أن يكون تاريخًا صحيحًا بالصيغة YYYY-MM-DD.',
    en: 'Must be a valid date as YYYY-MM-DD.',
    fr: 'Doit être une date valide au format AAAA-MM-JJ.',
  },
  nestedValidation: { ar: 'يجب أن يكون كائنًا صالحًا.', en: 'Must be a valid object.', fr: 'Doit être un objet valide.' },
  unknownSkill: { ar: 'مهارة غير معروفة.', en: 'Unknown skill.', fr: 'Compétence inconnue.' },
  unknownOccupation: {
    ar: 'رمز مهنة غير معروف في التصنيف الدولي الموحد للمهن ISCO-08.',
    en: 'Unknown ISCO-08 occupation code.',
    fr: 'Code de profession CITP-08 inconnu.',
  },
  isFutureDate: { ar: 'يجب أن يكون تاريخًا لاحقًا.', en: 'Must be a date in the future.', fr: 'Doit être une date future.' },
  isDateInRange: { ar: 'التاريخ خارج النطاق المسموح.', en: 'The date is outside the allowed range.', fr: 'La date est hors de la plage autorisée.' },
  lessThanOrEqualMax: {
    ar: 'يجب ألا يزيد الحد الأدنى على الحد الأقصى.',
    en: 'The minimum must not exceed the maximum.',
    fr: 'Le minimum ne doit pas dépasser le maximum.',
  },
  requiredWhenListed: {
    ar: 'يجب ذكر دولة واحدة على الأقل عند اختيار «listed».',
    en: 'List at least one country when the scope is "listed".',
    fr: 'Indiquez au moins un pays lorsque la portée est « listed ».',
  },
  notBeforeStartDate: {
    ar: 'يجب ألا يسبق تاريخ البدء.',
    en: 'Must not be before the start date.',
    fr: 'Ne doit pas précéder la date de début.',
  },
  notAfterStartDate: {
    ar: 'يجب ألا يتأخر عن تاريخ البدء.',
    en: 'Must not be after the start date.',
    fr: 'Ne doit pas suivre la date de début.',
  },
  notBelowConfirmed: {
    ar: 'لا يمكن أن يقل عن {min} (المشاركون المؤكَّدون).',
    en: 'Cannot be less than {min} (the confirmed participants).',
    fr: 'Ne peut être inférieur à {min} (les participants confirmés).',
  },
  deadlinePassed: {
    ar: 'انقضى آخر موعد للترشيح.',
    en: 'The application deadline has passed.',
    fr: 'La date limite de candidature est passée.',
  },
  participantsOnly: {
    ar: 'تُرشِّح نقاط الاتصال المشاركين فقط.',
    en: 'Focal points nominate participants only.',
    fr: 'Les points focaux ne proposent que des participants.',
  },
  isTimeZone: {
    ar: 'يجب أن تكون منطقة زمنية من قاعدة IANA، مثل Asia/Qatar.',
    en: 'Must be an IANA time zone such as Asia/Qatar.',
    fr: 'Doit être un fuseau horaire IANA, par exemple Africa/Casablanca.',
  },
  isCursor: { ar: 'مؤشر الصفحة غير صالح.', en: 'The page cursor is not valid.', fr: "Le curseur de page n'est pas valide." },
  isCurrencyCode: {
    ar: 'يجب أن يكون رمز عملة ISO 4217.',
    en: 'Must be an ISO 4217 currency code.',
    fr: 'Doit être un code de devise ISO 4217.',
  },
};

export const FALLBACK_VALIDATION_MESSAGE: TrilingualText = {
  ar: 'القيمة غير صالحة.',
  en: 'The value is invalid.',
  fr: "La valeur n'est pas valide.",
};
