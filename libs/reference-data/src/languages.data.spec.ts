import {
  CEFR_LEVEL_INFO,
  CEFR_LEVELS,
  LANGUAGES,
  cefrLevelInfo,
  cefrRank,
  isCefrLevel,
  meetsCefr,
  type CefrLevel,
} from './languages.data.js';

describe('LANGUAGES', () => {
  it('lists all 183 ISO 639-1 codes, unique and sorted', () => {
    const codes = LANGUAGES.map((language) => language.code);
    expect(codes).toHaveLength(183);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    for (const code of codes) expect(code).toMatch(/^[a-z]{2}$/);
  });

  it('leaves out the withdrawn codes', () => {
    const codes = new Set<string>(LANGUAGES.map((language) => language.code));
    for (const withdrawn of ['bh', 'in', 'iw', 'ji', 'mo', 'sh']) expect(codes.has(withdrawn)).toBe(false);
  });

  it('names the platform languages correctly', () => {
    const byCode = new Map(LANGUAGES.map((language) => [language.code, language.name]));
    expect(byCode.get('ar')).toEqual({ ar: 'العربية', en: 'Arabic', fr: 'arabe' });
    expect(byCode.get('en')).toEqual({ ar: 'الإنجليزية', en: 'English', fr: 'anglais' });
    expect(byCode.get('fr')).toEqual({ ar: 'الفرنسية', en: 'French', fr: 'français' });
  });

  it('names the codes CLDR maps to other languages by their ISO 639-1 meaning', () => {
    const byCode = new Map(LANGUAGES.map((language) => [language.code, language.name]));
    expect(byCode.get('tl')?.en).toBe('Tagalog');
    expect(byCode.get('tw')?.en).toBe('Twi');
    expect(byCode.get('ms')?.ar).toBe('الملايوية');
  });

  it('gives each language a distinct English name', () => {
    const names = LANGUAGES.map((language) => language.name.en);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('CEFR levels', () => {
  it('are exactly the six CEFR levels, each with its label and description', () => {
    expect(CEFR_LEVELS).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(CEFR_LEVEL_INFO.map((info) => info.level)).toEqual([...CEFR_LEVELS]);
    expect(CEFR_LEVEL_INFO.map((info) => info.band)).toEqual([
      'basic',
      'basic',
      'independent',
      'independent',
      'proficient',
      'proficient',
    ]);
    expect(cefrLevelInfo('B2').label.en).toBe('Upper intermediate');
  });

  it('rank A1 = 1 to C2 = 6', () => {
    expect(CEFR_LEVELS.map(cefrRank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('meetsCefr accepts the same or a higher level only', () => {
    expect(meetsCefr('B2', 'B2')).toBe(true);
    expect(meetsCefr('C2', 'A1')).toBe(true);
    expect(meetsCefr('B1', 'B2')).toBe(false);
    expect(meetsCefr('A1', 'C2')).toBe(false);
    for (const actual of CEFR_LEVELS) {
      for (const required of CEFR_LEVELS) {
        expect(meetsCefr(actual, required)).toBe(CEFR_LEVELS.indexOf(actual) >= CEFR_LEVELS.indexOf(required));
      }
    }
  });

  it('isCefrLevel recognises only the six codes, in upper case', () => {
    for (const level of CEFR_LEVELS) expect(isCefrLevel(level)).toBe(true);
    for (const value of ['a1', 'C3', 'A0', 'native', '', 1, null, undefined]) expect(isCefrLevel(value)).toBe(false);
    const level: unknown = 'C1';
    if (isCefrLevel(level)) {
      const narrowed: CefrLevel = level;
      expect(cefrRank(narrowed)).toBe(5);
    }
  });
});
