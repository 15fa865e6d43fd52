import {
  COUNTRIES,
  CURRENCIES,
  EDUCATION_LEVELS,
  LANGUAGES,
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
  type MemberStateCode,
} from './index.js';

describe('findCountry', () => {
  it('finds a member state by alpha-2 or alpha-3, in any letter case', () => {
    const saudiArabia = COUNTRIES.find((country) => country.alpha2 === 'SA');
    expect(saudiArabia).toBeDefined();
    for (const code of ['SA', 'sa', 'Sa', 'SAU', 'sau', 'sAu']) expect(findCountry(code)).toBe(saudiArabia);
  });

  it('finds every member state by both codes', () => {
    for (const country of COUNTRIES) {
      expect(findCountry(country.alpha2)).toBe(country);
      expect(findCountry(country.alpha3.toLowerCase())).toBe(country);
    }
  });

  it('returns undefined for non-members and non-codes', () => {
    for (const code of ['FR', 'FRA', 'IN', 'ET', '', 'S', 'SAUD', '682', ' SA']) expect(findCountry(code)).toBeUndefined();
  });
});

describe('isMemberStateCode', () => {
  it('accepts the upper-case alpha-2 code of every member state', () => {
    for (const country of COUNTRIES) expect(isMemberStateCode(country.alpha2)).toBe(true);
  });

  it('rejects other values, alpha-3 codes and lower case included', () => {
    for (const value of ['sa', 'SAU', 'FR', '', 'S', null, undefined, 682, {}]) {
      expect(isMemberStateCode(value)).toBe(false);
    }
  });

  it('narrows the type', () => {
    const value: unknown = 'MA';
    if (!isMemberStateCode(value)) throw new Error('expected a member state code');
    const code: MemberStateCode = value;
    expect(findCountry(code)?.name.fr).toBe('Maroc');
  });
});

describe('countriesInGroup', () => {
  it('returns each group in COUNTRIES order', () => {
    expect(countriesInGroup('arab')).toHaveLength(22);
    expect(countriesInGroup('african')).toHaveLength(17);
    expect(countriesInGroup('asian')).toHaveLength(18);
    expect(countriesInGroup('asian').every((country) => country.oicGroup === 'asian')).toBe(true);
    expect(Object.isFrozen(countriesInGroup('arab'))).toBe(true);
  });
});

describe('languages', () => {
  it('findLanguage is case-insensitive', () => {
    expect(findLanguage('ar')?.name.en).toBe('Arabic');
    expect(findLanguage('AR')).toBe(findLanguage('ar'));
    expect(findLanguage('Fr')?.name.fr).toBe('français');
    for (const code of ['xx', 'ara', '', 'a']) expect(findLanguage(code)).toBeUndefined();
  });

  it('isLanguageCode accepts lower-case ISO 639-1 codes only', () => {
    for (const language of LANGUAGES) expect(isLanguageCode(language.code)).toBe(true);
    for (const value of ['AR', 'ara', 'xx', '', 1, null]) expect(isLanguageCode(value)).toBe(false);
  });
});

describe('education levels', () => {
  it('isIscedLevel accepts the integers 0 to 8 only', () => {
    for (const level of [0, 1, 2, 3, 4, 5, 6, 7, 8]) expect(isIscedLevel(level)).toBe(true);
    for (const value of [-1, 9, 1.5, Number.NaN, '3', 'bachelor', null]) expect(isIscedLevel(value)).toBe(false);
  });

  it('findEducationLevel finds by number or key (any case)', () => {
    expect(findEducationLevel(7)).toBe(EDUCATION_LEVELS[7]);
    expect(findEducationLevel('master')).toBe(EDUCATION_LEVELS[7]);
    expect(findEducationLevel('MASTER')).toBe(EDUCATION_LEVELS[7]);
    expect(findEducationLevel(9)).toBeUndefined();
    expect(findEducationLevel('7')).toBeUndefined();
  });

  it('isEducationLevelKey accepts the keys only', () => {
    expect(isEducationLevelKey('doctoral')).toBe(true);
    expect(isEducationLevelKey('phd')).toBe(false);
    expect(isEducationLevelKey(8)).toBe(false);
  });
});

describe('currencies', () => {
  it('findCurrency is case-insensitive', () => {
    expect(findCurrency('sar')).toBe(findCurrency('SAR'));
    expect(findCurrency('xof')?.minorUnits).toBe(0);
    for (const code of ['XXX', 'SA', '', 'sarr']) expect(findCurrency(code)).toBeUndefined();
  });

  it('isCurrencyCode accepts upper-case known codes only', () => {
    for (const currency of CURRENCIES) expect(isCurrencyCode(currency.code)).toBe(true);
    for (const value of ['sar', 'GBP', '', 682, null]) expect(isCurrencyCode(value)).toBe(false);
  });

  it('every member state currency can be found', () => {
    for (const country of COUNTRIES) expect(findCurrency(country.currency)?.code).toBe(country.currency);
  });
});
