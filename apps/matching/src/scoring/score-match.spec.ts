import fc from 'fast-check';
import { CEFR_LEVELS, type CefrLevel } from '@olp/reference-data';
import { DEFAULT_WEIGHTS, type ScoringWeights, type SeekerFeatures, type VacancyFeatures } from './match-model.js';
import { assertValidWeights, eligibility, explainMatch, matchComponents, occupationProximity, scoreMatch } from './score-match.js';

const TODAY = '2026-05-10';
const RUNS = { numRuns: 250 };

function vacancy(overrides: Partial<VacancyFeatures> = {}): VacancyFeatures {
  return {
    vacancyId: 'v1',
    employerId: 'e1',
    iscoCode: '2149',
    essentialSkills: [],
    optionalSkills: [],
    languages: [],
    minEducationLevel: null,
    minExperienceYears: null,
    country: 'QA',
    workMode: 'on-site',
    eligibilityScope: 'all-member-states',
    eligibilityCountries: [],
    closingDate: '2026-06-30',
    status: 'published',
    ...overrides,
  };
}

function seeker(overrides: Partial<SeekerFeatures> = {}): SeekerFeatures {
  return {
    seekerId: 's1',
    nationality: 'JO',
    residenceCountry: 'QA',
    languages: [],
    educationLevel: null,
    experience: [],
    skills: [],
    desiredOccupations: [],
    relocate: 'none',
    relocateCountries: [],
    remote: false,
    consentToMatching: true,
    visibility: 'matching',
    ...overrides,
  };
}

const only = (key: keyof ScoringWeights): ScoringWeights => ({
  essentialSkills: 0,
  optionalSkills: 0,
  occupation: 0,
  languages: 0,
  education: 0,
  experience: 0,
  [key]: 1,
});

describe('eligibility (hard filters)', () => {
  it('accepts a published, open vacancy for a consenting seeker living in its country', () => {
    expect(eligibility(vacancy(), seeker(), TODAY)).toBe('same-country');
    expect(eligibility(vacancy({ closingDate: TODAY }), seeker(), TODAY)).toBe('same-country');
    expect(eligibility(vacancy(), seeker({ visibility: 'public' }), TODAY)).toBe('same-country');
  });

  it.each(['draft', 'closed', 'filled', 'expired'] as const)('rejects a %s vacancy', (status) => {
    expect(eligibility(vacancy({ status }), seeker(), TODAY)).toBeNull();
  });

  it('rejects a vacancy whose closing date has passed', () => {
    expect(eligibility(vacancy({ closingDate: '2026-05-09' }), seeker(), TODAY)).toBeNull();
  });

  it('rejects a seeker without consent or hidden', () => {
    expect(eligibility(vacancy(), seeker({ consentToMatching: false }), TODAY)).toBeNull();
    expect(eligibility(vacancy(), seeker({ visibility: 'hidden' }), TODAY)).toBeNull();
  });

  it('applies the nationality scope', () => {
    const listed = vacancy({ eligibilityScope: 'listed', eligibilityCountries: ['EG', 'JO'] });
    expect(eligibility(listed, seeker({ nationality: 'JO' }), TODAY)).toBe('same-country');
    expect(eligibility(listed, seeker({ nationality: 'MA' }), TODAY)).toBeNull();
    expect(eligibility(vacancy({ eligibilityScope: 'listed', eligibilityCountries: [] }), seeker(), TODAY)).toBeNull();
  });

  it('finds the location basis: same country, then relocation, then remote work', () => {
    const abroad = { residenceCountry: 'JO' };
    expect(eligibility(vacancy(), seeker(abroad), TODAY)).toBeNull();
    expect(eligibility(vacancy(), seeker({ ...abroad, relocate: 'any-member-state' }), TODAY)).toBe('relocate');
    expect(eligibility(vacancy(), seeker({ ...abroad, relocate: 'listed', relocateCountries: ['AE', 'QA'] }), TODAY)).toBe('relocate');
    expect(eligibility(vacancy(), seeker({ ...abroad, relocate: 'listed', relocateCountries: ['AE'] }), TODAY)).toBeNull();
    expect(eligibility(vacancy({ workMode: 'remote' }), seeker({ ...abroad, remote: true }), TODAY)).toBe('remote');
    expect(eligibility(vacancy({ workMode: 'hybrid' }), seeker({ ...abroad, remote: true }), TODAY)).toBeNull();
    expect(eligibility(vacancy({ workMode: 'remote' }), seeker({ ...abroad, remote: false }), TODAY)).toBeNull();
    // Same country wins over the other bases.
    expect(eligibility(vacancy({ workMode: 'remote' }), seeker({ relocate: 'any-member-state', remote: true }), TODAY)).toBe(
      'same-country',
    );
  });

  it('makes scoreMatch return null', () => {
    expect(scoreMatch(vacancy({ status: 'closed' }), seeker(), DEFAULT_WEIGHTS, TODAY)).toBeNull();
  });
});

describe('score components', () => {
  it('essential-skill coverage is the share of essential skills held, 1 when none are required', () => {
    const v = vacancy({ essentialSkills: ['a', 'b', 'c', 'd'] });
    expect(matchComponents(v, seeker({ skills: ['a', 'c', 'x'] })).essentialSkills).toBe(0.5);
    expect(matchComponents(vacancy(), seeker()).essentialSkills).toBe(1);
    expect(scoreMatch(v, seeker({ skills: ['a', 'c', 'x'] }), only('essentialSkills'), TODAY)!.score).toBe(0.5);
  });

  it('optional-skill coverage likewise', () => {
    expect(matchComponents(vacancy({ optionalSkills: ['a', 'b', 'c'] }), seeker({ skills: ['b'] })).optionalSkills).toBeCloseTo(1 / 3);
    expect(matchComponents(vacancy(), seeker()).optionalSkills).toBe(1);
    expect(scoreMatch(vacancy({ optionalSkills: ['a', 'b', 'c'] }), seeker({ skills: ['b'] }), only('optionalSkills'), TODAY)!.score).toBe(
      0.3333,
    );
  });

  it('occupation proximity follows the ISCO-08 hierarchy', () => {
    expect(occupationProximity('2149', ['2149'])).toEqual({ proximity: 1, level: 'unit', code: '2149' });
    expect(occupationProximity('2149', ['2142'])).toEqual({ proximity: 0.75, level: 'minor', code: '214' });
    expect(occupationProximity('2149', ['2166'])).toEqual({ proximity: 0.5, level: 'sub-major', code: '21' });
    expect(occupationProximity('2149', ['2310'])).toEqual({ proximity: 0.25, level: 'major', code: '2' });
    expect(occupationProximity('2149', ['7112'])).toEqual({ proximity: 0, level: 'none', code: '2149' });
    expect(occupationProximity('2149', [])).toEqual({ proximity: 0, level: 'none', code: '2149' });
    // Shorter desired codes count at the level they share.
    expect(occupationProximity('2149', ['21'])).toEqual({ proximity: 0.5, level: 'sub-major', code: '21' });
    expect(occupationProximity('2149', ['214'])).toEqual({ proximity: 0.75, level: 'minor', code: '214' });
    expect(occupationProximity('2149', ['2'])).toEqual({ proximity: 0.25, level: 'major', code: '2' });
    expect(occupationProximity('2149', ['3', '21', '2142'])).toEqual({ proximity: 0.75, level: 'minor', code: '214' });
  });

  it('occupation uses desired occupations and experience unit groups', () => {
    expect(matchComponents(vacancy(), seeker({ desiredOccupations: ['21'] })).occupation).toBe(0.5);
    expect(matchComponents(vacancy(), seeker({ experience: [{ iscoCode: '2149', years: 1 }] })).occupation).toBe(1);
    expect(matchComponents(vacancy(), seeker({ desiredOccupations: ['7'], experience: [{ iscoCode: '2142', years: 1 }] })).occupation).toBe(0.75);
  });

  it('languages: the share of requirements met at or above the CEFR level', () => {
    const v = vacancy({ languages: [{ code: 'ar', minLevel: 'B2' }, { code: 'en', minLevel: 'B1' }] });
    expect(matchComponents(v, seeker({ languages: [{ code: 'ar', level: 'C2' }, { code: 'en', level: 'A2' }] })).languages).toBe(0.5);
    expect(matchComponents(v, seeker({ languages: [{ code: 'ar', level: 'B2' }, { code: 'en', level: 'B1' }] })).languages).toBe(1);
    expect(matchComponents(v, seeker({ languages: [{ code: 'fr', level: 'C2' }] })).languages).toBe(0);
    expect(matchComponents(vacancy(), seeker()).languages).toBe(1);
  });

  it('education: 1 when met or no minimum, else the ratio, 0 when unknown', () => {
    expect(matchComponents(vacancy({ minEducationLevel: 6 }), seeker({ educationLevel: 7 })).education).toBe(1);
    expect(matchComponents(vacancy({ minEducationLevel: 6 }), seeker({ educationLevel: 6 })).education).toBe(1);
    expect(matchComponents(vacancy({ minEducationLevel: 6 }), seeker({ educationLevel: 3 })).education).toBe(0.5);
    expect(matchComponents(vacancy({ minEducationLevel: 6 }), seeker({ educationLevel: null })).education).toBe(0);
    expect(matchComponents(vacancy(), seeker({ educationLevel: null })).education).toBe(1);
  });

  it('experience: years in the same sub-major group over the minimum, capped at 1', () => {
    const s = seeker({
      experience: [
        { iscoCode: '2142', years: 2 },
        { iscoCode: '2166', years: 1 },
        { iscoCode: '2310', years: 10 },
      ],
    });
    expect(matchComponents(vacancy({ minExperienceYears: 6 }), s).experience).toBe(0.5);
    expect(matchComponents(vacancy({ minExperienceYears: 2 }), s).experience).toBe(1);
    expect(matchComponents(vacancy(), s).experience).toBe(1);
    expect(matchComponents(vacancy({ minExperienceYears: 5 }), seeker()).experience).toBe(0);
  });

  it('combines components with the weights and rounds to 4 decimals', () => {
    const v = vacancy({
      essentialSkills: ['a', 'b', 'c', 'd', 'e', 'f'],
      optionalSkills: ['g', 'h'],
      languages: [{ code: 'ar', minLevel: 'B2' }],
      minEducationLevel: 6,
      minExperienceYears: 4,
    });
    const s = seeker({
      skills: ['a', 'b', 'c', 'd', 'e', 'g'],
      desiredOccupations: ['2142'],
      experience: [{ iscoCode: '2149', years: 3 }],
      languages: [{ code: 'ar', level: 'C2' }],
      educationLevel: 6,
    });
    // Experience 2149 → occupation 1.0 (unit group); experience 3/4.
    const expected = 0.35 * (5 / 6) + 0.1 * 0.5 + 0.2 * 1 + 0.15 * 1 + 0.1 * 1 + 0.1 * 0.75;
    expect(scoreMatch(v, s, DEFAULT_WEIGHTS, TODAY)!.score).toBe(Math.round(expected * 10_000) / 10_000);
  });

  it('a perfect match scores 1 and an empty profile against demanding vacancy scores low', () => {
    expect(scoreMatch(vacancy(), seeker({ desiredOccupations: ['2149'] }), DEFAULT_WEIGHTS, TODAY)!.score).toBe(1);
    const demanding = vacancy({ essentialSkills: ['a'], optionalSkills: ['b'], languages: [{ code: 'en', minLevel: 'C1' }], minEducationLevel: 7, minExperienceYears: 3 });
    expect(scoreMatch(demanding, seeker(), DEFAULT_WEIGHTS, TODAY)!.score).toBe(0);
  });

  it('rejects invalid weights', () => {
    expect(() => assertValidWeights({ ...only('education'), education: 0 })).toThrow(RangeError);
    expect(() => assertValidWeights({ ...DEFAULT_WEIGHTS, languages: -0.1 })).toThrow(RangeError);
    expect(() => assertValidWeights({ ...DEFAULT_WEIGHTS, languages: Number.NaN })).toThrow(RangeError);
    expect(() => scoreMatch(vacancy(), seeker(), { ...only('education'), education: 0 }, TODAY)).toThrow(RangeError);
  });
});

describe('reasons', () => {
  const v = vacancy({
    essentialSkills: ['s.g', 's.a', 's.f', 's.b', 's.e', 's.c', 's.d', 's.h'],
    optionalSkills: ['o.a', 'o.b'],
    languages: [{ code: 'en', minLevel: 'B2' }, { code: 'ar', minLevel: 'B1' }],
    minEducationLevel: 7,
    minExperienceYears: 5,
  });
  const s = seeker({
    residenceCountry: 'JO',
    relocate: 'listed',
    relocateCountries: ['QA'],
    skills: ['s.h', 'o.b'],
    desiredOccupations: ['21'],
    experience: [{ iscoCode: '2142', years: 2 }],
    languages: [{ code: 'ar', level: 'C2' }, { code: 'en', level: 'B1' }],
    educationLevel: 6,
  });

  it('lists every reason in the documented order with string/number params', () => {
    expect(scoreMatch(v, s, DEFAULT_WEIGHTS, TODAY)!.reasons).toEqual([
      { code: 'essential-skills', params: { matched: 1, total: 8 } },
      { code: 'missing-skill', params: { skillId: 's.a' } },
      { code: 'missing-skill', params: { skillId: 's.b' } },
      { code: 'missing-skill', params: { skillId: 's.c' } },
      { code: 'missing-skill', params: { skillId: 's.d' } },
      { code: 'missing-skill', params: { skillId: 's.e' } },
      { code: 'optional-skills', params: { matched: 1, total: 2 } },
      { code: 'occupation', params: { level: 'minor', code: '214' } },
      { code: 'language', params: { code: 'ar', level: 'C2' } },
      { code: 'language-missing', params: { code: 'en', required: 'B2' } },
      { code: 'education', params: { met: 0, required: 7 } },
      { code: 'experience', params: { years: 2, required: 5 } },
      { code: 'location-relocate', params: { country: 'QA' } },
    ]);
  });

  it('omits skill, education and experience reasons when nothing is required', () => {
    const reasons = scoreMatch(vacancy(), seeker(), DEFAULT_WEIGHTS, TODAY)!.reasons;
    expect(reasons).toEqual([
      { code: 'occupation', params: { level: 'none', code: '2149' } },
      { code: 'location-same-country', params: { country: 'QA' } },
    ]);
  });

  it('reports education met and the remote basis', () => {
    const reasons = scoreMatch(
      vacancy({ minEducationLevel: 6, workMode: 'remote' }),
      seeker({ residenceCountry: 'EG', remote: true, educationLevel: 8 }),
      DEFAULT_WEIGHTS,
      TODAY,
    )!.reasons;
    expect(reasons).toContainEqual({ code: 'education', params: { met: 1, required: 6 } });
    expect(reasons.at(-1)).toEqual({ code: 'location-remote', params: {} });
  });

  it('explainMatch gives a stored pair the reasons scoreMatch gave it, whatever the date', () => {
    expect(explainMatch(v, s)).toEqual(scoreMatch(v, s, DEFAULT_WEIGHTS, TODAY)!.reasons);
    // Read after the closing date (the vacancy not yet expired): still explained.
    expect(explainMatch(v, s)).toEqual(scoreMatch(v, s, DEFAULT_WEIGHTS, v.closingDate)!.reasons);
    expect(scoreMatch(v, s, DEFAULT_WEIGHTS, '2027-01-01')).toBeNull();
  });

  it('explainMatch leaves the location reason out when no location basis holds', () => {
    const away = seeker({ residenceCountry: 'EG', relocate: 'none', remote: false });
    expect(explainMatch(v, away).at(-1)!.code).toBe('experience');
    expect(explainMatch(v, away).some((r) => r.code.startsWith('location-'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const COUNTRY = fc.constantFrom('QA', 'JO', 'EG', 'AE', 'MA');
const SKILL = fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8');
const SKILLS = fc.uniqueArray(SKILL, { maxLength: 6 });
const LANGUAGE = fc.constantFrom('ar', 'en', 'fr', 'tr');
const LEVEL = fc.constantFrom(...CEFR_LEVELS);
const ISCO_UNIT = fc.constantFrom('2149', '2142', '2166', '2310', '7112', '7115', '1120');
const ISCO_ANY = fc.oneof(ISCO_UNIT, fc.constantFrom('2', '21', '214', '71', '7'));
const DATE = fc.constantFrom('2026-05-01', '2026-05-09', TODAY, '2026-05-11', '2027-01-01');

const vacancyArb: fc.Arbitrary<VacancyFeatures> = fc.record({
  vacancyId: fc.constant('v'),
  employerId: fc.constant('e'),
  iscoCode: ISCO_UNIT,
  essentialSkills: SKILLS,
  optionalSkills: SKILLS,
  languages: fc.uniqueArray(fc.record({ code: LANGUAGE, minLevel: LEVEL }), { maxLength: 3, selector: (l) => l.code }),
  minEducationLevel: fc.option(fc.integer({ min: 0, max: 8 })),
  minExperienceYears: fc.option(fc.integer({ min: 0, max: 15 })),
  country: COUNTRY,
  workMode: fc.constantFrom('on-site', 'hybrid', 'remote'),
  eligibilityScope: fc.constantFrom('all-member-states', 'listed'),
  eligibilityCountries: fc.uniqueArray(COUNTRY, { maxLength: 3 }),
  closingDate: DATE,
  status: fc.constantFrom('draft', 'published', 'closed', 'filled', 'expired'),
});

const seekerArb: fc.Arbitrary<SeekerFeatures> = fc.record({
  seekerId: fc.constant('s'),
  nationality: COUNTRY,
  residenceCountry: COUNTRY,
  languages: fc.array(fc.record({ code: LANGUAGE, level: LEVEL }), { maxLength: 4 }),
  educationLevel: fc.option(fc.integer({ min: 0, max: 8 })),
  experience: fc.array(fc.record({ iscoCode: ISCO_UNIT, years: fc.integer({ min: 0, max: 20 }) }), { maxLength: 3 }),
  skills: SKILLS,
  desiredOccupations: fc.array(ISCO_ANY, { maxLength: 3 }),
  relocate: fc.constantFrom('none', 'listed', 'any-member-state'),
  relocateCountries: fc.uniqueArray(COUNTRY, { maxLength: 3 }),
  remote: fc.boolean(),
  consentToMatching: fc.boolean(),
  visibility: fc.constantFrom('hidden', 'matching', 'public'),
});

/** A pair that passes every hard filter. */
const eligiblePair = fc.tuple(vacancyArb, seekerArb).map(([v, s]): [VacancyFeatures, SeekerFeatures] => [
  { ...v, status: 'published', closingDate: '2027-01-01', eligibilityScope: 'all-member-states' },
  { ...s, consentToMatching: true, visibility: 'matching', residenceCountry: v.country },
]);

const weightsArb: fc.Arbitrary<ScoringWeights> = fc
  .record({
    essentialSkills: fc.double({ min: 0, max: 100, noNaN: true }),
    optionalSkills: fc.double({ min: 0, max: 100, noNaN: true }),
    occupation: fc.double({ min: 0, max: 100, noNaN: true }),
    languages: fc.double({ min: 0, max: 100, noNaN: true }),
    education: fc.double({ min: 0, max: 100, noNaN: true }),
    experience: fc.double({ min: 0, max: 100, noNaN: true }),
  })
  .filter((w) => Object.values(w).reduce((a, b) => a + b, 0) > 0);

/** The same elements, shuffled, some repeated. */
function shuffledWithDuplicates<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  if (items.length === 0) return fc.constant([]);
  return fc
    .tuple(fc.shuffledSubarray([...items], { minLength: items.length }), fc.array(fc.constantFrom(...items), { maxLength: 4 }))
    .chain(([all, extra]) => fc.shuffledSubarray([...all, ...extra], { minLength: all.length + extra.length }));
}

describe('properties', () => {
  it('(a) the order or duplication of skills changes nothing', () => {
    fc.assert(
      fc.property(
        eligiblePair.chain(([v, s]) =>
          fc.tuple(
            fc.constant(v),
            fc.constant(s),
            shuffledWithDuplicates(s.skills),
            shuffledWithDuplicates(v.essentialSkills),
            shuffledWithDuplicates(v.optionalSkills),
          ),
        ),
        weightsArb,
        ([v, s, skills, essential, optional], w) => {
          const base = scoreMatch(v, s, w, TODAY);
          const permuted = scoreMatch({ ...v, essentialSkills: essential, optionalSkills: optional }, { ...s, skills }, w, TODAY);
          expect(permuted).toEqual(base);
        },
      ),
      RUNS,
    );
  });

  it('(b) gaining a required skill never lowers the score', () => {
    fc.assert(
      fc.property(eligiblePair, weightsArb, fc.nat(), ([v, s], w, pick) => {
        const required = [...v.essentialSkills, ...v.optionalSkills];
        fc.pre(required.length > 0);
        const gained = required[pick % required.length];
        const before = scoreMatch(v, s, w, TODAY)!.score;
        const after = scoreMatch(v, { ...s, skills: [...s.skills, gained] }, w, TODAY)!.score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it('explainMatch equals the reasons of scoreMatch for every scored pair', () => {
    fc.assert(
      fc.property(vacancyArb, seekerArb, DATE, (v, s, today) => {
        const result = scoreMatch(v, s, DEFAULT_WEIGHTS, today);
        if (result !== null) expect(explainMatch(v, s)).toEqual(result.reasons);
      }),
      RUNS,
    );
  });

  it('(c) an ineligible pair never scores', () => {
    fc.assert(
      fc.property(vacancyArb, seekerArb, DATE, (v, s, today) => {
        const result = scoreMatch(v, s, DEFAULT_WEIGHTS, today);
        if (eligibility(v, s, today) === null) expect(result).toBeNull();
        else expect(result).not.toBeNull();
        if (result !== null) {
          expect(s.consentToMatching).toBe(true);
          expect(s.visibility).not.toBe('hidden');
          expect(v.status).toBe('published');
          expect(v.closingDate >= today).toBe(true);
          expect(v.eligibilityScope === 'all-member-states' || v.eligibilityCountries.includes(s.nationality)).toBe(true);
          const sameCountry = s.residenceCountry === v.country;
          const relocates = s.relocate === 'any-member-state' || (s.relocate === 'listed' && s.relocateCountries.includes(v.country));
          const remote = v.workMode === 'remote' && s.remote;
          expect(sameCountry || relocates || remote).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('(c) breaking any one hard filter of an eligible pair makes it unscored', () => {
    const breakers: ((v: VacancyFeatures, s: SeekerFeatures) => [VacancyFeatures, SeekerFeatures])[] = [
      (v, s) => [v, { ...s, consentToMatching: false }],
      (v, s) => [v, { ...s, visibility: 'hidden' }],
      (v, s) => [{ ...v, status: 'closed' }, s],
      (v, s) => [{ ...v, status: 'draft' }, s],
      (v, s) => [{ ...v, closingDate: '2026-05-09' }, s],
      (v, s) => [{ ...v, eligibilityScope: 'listed', eligibilityCountries: v.eligibilityCountries.filter((c) => c !== s.nationality) }, s],
      (v, s) => [
        { ...v, workMode: 'on-site' },
        { ...s, residenceCountry: v.country === 'QA' ? 'JO' : 'QA', relocate: 'listed', relocateCountries: s.relocateCountries.filter((c) => c !== v.country) },
      ],
      (v, s) => [v, { ...s, residenceCountry: v.country === 'QA' ? 'JO' : 'QA', relocate: 'none', remote: false }],
    ];
    fc.assert(
      fc.property(eligiblePair, fc.constantFrom(...breakers), ([v, s], breakIt) => {
        expect(scoreMatch(v, s, DEFAULT_WEIGHTS, TODAY)).not.toBeNull();
        const [bv, bs] = breakIt(v, s);
        expect(eligibility(bv, bs, TODAY)).toBeNull();
        expect(scoreMatch(bv, bs, DEFAULT_WEIGHTS, TODAY)).toBeNull();
      }),
      RUNS,
    );
  });

  it('(d) the score stays in [0, 1] for any non-negative weights with a positive sum', () => {
    fc.assert(
      fc.property(eligiblePair, weightsArb, ([v, s], w) => {
        const { score } = scoreMatch(v, s, w, TODAY)!;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Number.isFinite(score)).toBe(true);
      }),
      RUNS,
    );
  });

  it('(e) raising a CEFR level never lowers the score', () => {
    fc.assert(
      fc.property(eligiblePair, weightsArb, fc.nat(), fc.integer({ min: 1, max: 5 }), ([v, s], w, pick, steps) => {
        fc.pre(s.languages.length > 0);
        const index = pick % s.languages.length;
        const current = CEFR_LEVELS.indexOf(s.languages[index].level);
        const raised: CefrLevel = CEFR_LEVELS[Math.min(CEFR_LEVELS.length - 1, current + steps)];
        const languages = s.languages.map((l, i) => (i === index ? { ...l, level: raised } : l));
        const before = scoreMatch(v, s, w, TODAY)!.score;
        const after = scoreMatch(v, { ...s, languages }, w, TODAY)!.score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });
});
