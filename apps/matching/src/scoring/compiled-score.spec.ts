import fc from 'fast-check';
import { CEFR_LEVELS } from '@olp/reference-data';
import { compileSeeker, compileVacancy, compileWeights, scoreCompiled, scoreUpperBound, Vocabulary } from './compiled-score.js';
import { DEFAULT_WEIGHTS, type ScoringWeights, type SeekerFeatures, type VacancyFeatures } from './match-model.js';
import { scoreMatch } from './score-match.js';

const TODAY = '2026-05-10';

// Deliberately untidy inputs: duplicates, mixed case and padding in codes, fractional and negative numbers.
const COUNTRY = fc.constantFrom('QA', 'JO', 'EG', 'qa', ' Jo ', 'MA');
const SKILL = fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 'esco.x');
const SKILLS = fc.array(SKILL, { maxLength: 7 });
const LANGUAGE = fc.constantFrom('ar', 'en', 'EN', ' fr', 'tr');
const LEVEL = fc.constantFrom(...CEFR_LEVELS);
const ISCO = fc.constantFrom('2149', '2142', '2166', '2310', '7112', ' 2149', '21', '2', '214', '71', '');
const NUMBER = fc.oneof(fc.integer({ min: -2, max: 20 }), fc.double({ min: -1, max: 20, noNaN: true }));
const DATE = fc.constantFrom('2026-05-01', TODAY, '2027-01-01');

const vacancyArb: fc.Arbitrary<VacancyFeatures> = fc.record({
  vacancyId: fc.constant('v'),
  employerId: fc.constant('e'),
  iscoCode: ISCO,
  essentialSkills: SKILLS,
  optionalSkills: SKILLS,
  languages: fc.array(fc.record({ code: LANGUAGE, minLevel: LEVEL }), { maxLength: 4 }),
  minEducationLevel: fc.option(fc.integer({ min: -1, max: 8 })),
  minExperienceYears: fc.option(NUMBER),
  country: COUNTRY,
  workMode: fc.constantFrom('on-site' as const, 'hybrid' as const, 'remote' as const),
  eligibilityScope: fc.constantFrom('all-member-states' as const, 'listed' as const),
  eligibilityCountries: fc.array(COUNTRY, { maxLength: 3 }),
  closingDate: DATE,
  status: fc.constantFrom('published' as const, 'published' as const, 'closed' as const, 'draft' as const),
});

const seekerArb: fc.Arbitrary<SeekerFeatures> = fc.record({
  seekerId: fc.constant('s'),
  nationality: COUNTRY,
  residenceCountry: COUNTRY,
  languages: fc.array(fc.record({ code: LANGUAGE, level: LEVEL }), { maxLength: 5 }),
  educationLevel: fc.option(fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double({ min: 0, max: 8, noNaN: true }))),
  experience: fc.array(fc.record({ iscoCode: ISCO, years: NUMBER }), { maxLength: 4 }),
  skills: SKILLS,
  desiredOccupations: fc.array(ISCO, { maxLength: 3 }),
  relocate: fc.constantFrom('none' as const, 'listed' as const, 'any-member-state' as const),
  relocateCountries: fc.array(COUNTRY, { maxLength: 3 }),
  remote: fc.boolean(),
  consentToMatching: fc.boolean(),
  visibility: fc.constantFrom('hidden' as const, 'matching' as const, 'public' as const),
});

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

describe('compiled scoring', () => {
  it('gives exactly scoreMatch’s score (or null for an ineligible pair), for any features and weights', () => {
    fc.assert(
      fc.property(vacancyArb, fc.array(seekerArb, { minLength: 1, maxLength: 4 }), fc.oneof(fc.constant(DEFAULT_WEIGHTS), weightsArb), (v, seekers, weights) => {
        // One vocabulary for everything, compiled in any order, as the index does.
        const vocabulary = new Vocabulary();
        const compiledSeekers = seekers.map((s) => compileSeeker(vocabulary, s));
        const compiledVacancy = compileVacancy(vocabulary, v);
        const w = compileWeights(weights);
        seekers.forEach((s, i) => {
          expect(scoreCompiled(w, compiledVacancy, compiledSeekers[i]!, TODAY)).toBe(scoreMatch(v, s, weights, TODAY)?.score ?? null);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('bounds the score from above by the skill counts alone', () => {
    fc.assert(
      fc.property(vacancyArb, seekerArb, weightsArb, (v, s, weights) => {
        const vocabulary = new Vocabulary();
        const cv = compileVacancy(vocabulary, v);
        const cs = compileSeeker(vocabulary, s);
        const w = compileWeights(weights);
        const score = scoreCompiled(w, { ...cv, open: { status: 'published', closingDate: '2999-01-01' }, allNationalities: true, remote: true }, { ...cs, matchable: true, remote: true }, TODAY)!;
        const essential = cv.essential.filter((id) => cs.skills.includes(id)).length;
        const optional = cv.optional.filter((id) => cs.skills.includes(id)).length;
        expect(scoreUpperBound(w, cv, essential, optional)).toBeGreaterThanOrEqual(score);
      }),
      { numRuns: 500 },
    );
  });

  it('validates the weights once, when compiling them', () => {
    expect(() => compileWeights({ ...DEFAULT_WEIGHTS, languages: -1 })).toThrow(RangeError);
    expect(() => compileWeights({ essentialSkills: 0, optionalSkills: 0, occupation: 0, languages: 0, education: 0, experience: 0 })).toThrow(RangeError);
  });
});
