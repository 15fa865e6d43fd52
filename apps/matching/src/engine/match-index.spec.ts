import fc from 'fast-check';
import type { SeekerFeatures, VacancyFeatures } from '../scoring/match-model.js';
import { isMatchable } from './features.js';
import { MatchIndex, mayWorkIn, related } from './match-index.js';

const COUNTRIES = ['QA', 'JO', 'EG', 'MA'];
const SKILLS = ['s1', 's2', 's3', 's4', 's5'];
const ISCO = ['2149', '2142', '2263', '3112', '21', '3', '214'];

const seekerArb = (id: string) =>
  fc.record({
    nationality: fc.constantFrom(...COUNTRIES),
    residenceCountry: fc.constantFrom(...COUNTRIES),
    skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
    desired: fc.uniqueArray(fc.constantFrom(...ISCO), { maxLength: 2 }),
    experience: fc.uniqueArray(fc.constantFrom('2149', '2142', '2263', '3112'), { maxLength: 2 }),
    relocate: fc.constantFrom('none' as const, 'listed' as const, 'any-member-state' as const),
    relocateCountries: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { maxLength: 2 }),
    remote: fc.boolean(),
    consent: fc.boolean(),
    visibility: fc.constantFrom('hidden' as const, 'matching' as const, 'public' as const),
  }).map(
    (r): SeekerFeatures => ({
      seekerId: id,
      nationality: r.nationality,
      residenceCountry: r.residenceCountry,
      languages: [],
      educationLevel: null,
      experience: r.experience.map((iscoCode) => ({ iscoCode, years: 2 })),
      skills: r.skills,
      desiredOccupations: r.desired,
      relocate: r.relocate,
      relocateCountries: r.relocate === 'listed' ? r.relocateCountries : [],
      remote: r.remote,
      consentToMatching: r.consent,
      visibility: r.visibility,
    }),
  );

const vacancyArb = (id: string) =>
  fc.record({
    iscoCode: fc.constantFrom('2149', '2142', '2263', '3112'),
    essential: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 }),
    optional: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 }),
    country: fc.constantFrom(...COUNTRIES),
    workMode: fc.constantFrom('on-site' as const, 'hybrid' as const, 'remote' as const),
  }).map(
    (r): VacancyFeatures => ({
      vacancyId: id,
      employerId: 'e',
      iscoCode: r.iscoCode,
      essentialSkills: r.essential,
      optionalSkills: r.optional,
      languages: [],
      minEducationLevel: null,
      minExperienceYears: null,
      country: r.country,
      workMode: r.workMode,
      eligibilityScope: 'all-member-states',
      eligibilityCountries: [],
      closingDate: '2999-12-31',
      status: 'published',
    }),
  );

const people = Array.from({ length: 12 }, (_, i) => `s${i}`);
const jobs = Array.from({ length: 6 }, (_, i) => `v${i}`);

describe('MatchIndex', () => {
  it('finds exactly the matchable, related pairs in countries where the seeker may work, through any sequence of changes', () => {
    const op = fc.oneof(
      fc.constantFrom(...people).chain((id) => seekerArb(id).map((s) => ({ kind: 'seeker' as const, id, s }))),
      fc.constantFrom(...jobs).chain((id) => vacancyArb(id).map((v) => ({ kind: 'vacancy' as const, id, v }))),
      fc.constantFrom(...people).map((id) => ({ kind: 'drop-seeker' as const, id })),
      fc.constantFrom(...jobs).map((id) => ({ kind: 'drop-vacancy' as const, id })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const index = new MatchIndex();
        const seekers = new Map<string, SeekerFeatures>();
        const vacancies = new Map<string, VacancyFeatures>();
        for (const o of ops) {
          if (o.kind === 'seeker') {
            index.putSeeker(o.s);
            seekers.set(o.id, o.s);
          } else if (o.kind === 'vacancy') {
            index.putVacancy({ features: o.v, title: { en: o.id } });
            vacancies.set(o.id, o.v);
          } else if (o.kind === 'drop-seeker') {
            index.removeSeeker(o.id);
            seekers.delete(o.id);
          } else {
            index.removeVacancy(o.id);
            vacancies.delete(o.id);
          }
        }
        const matchable = [...seekers.values()].filter(isMatchable);
        for (const v of vacancies.values()) {
          const expected = matchable.filter((s) => related(s, v) && mayWorkIn(s, v)).map((s) => s.seekerId).sort();
          expect(index.seekerCandidates(v).map((s) => s.seekerId).sort()).toEqual(expected);
        }
        for (const s of matchable) {
          const expected = [...vacancies.values()].filter((v) => related(s, v) && mayWorkIn(s, v)).map((v) => v.vacancyId).sort();
          expect(index.vacancyCandidates(s).map((e) => e.features.vacancyId).sort()).toEqual(expected);
        }
        expect(index.seekerCount).toBe(matchable.length);
        expect(index.vacancyCount).toBe(vacancies.size);
      }),
      { numRuns: 300 },
    );
  });

  it('uses the location rule of the hard filters: same country, relocation, or remote for remote vacancies only', () => {
    const base: SeekerFeatures = {
      seekerId: 's', nationality: 'JO', residenceCountry: 'JO', languages: [], educationLevel: null, experience: [], skills: ['x'],
      desiredOccupations: [], relocate: 'none', relocateCountries: [], remote: true, consentToMatching: true, visibility: 'matching',
    };
    const vacancy = (workMode: VacancyFeatures['workMode']): VacancyFeatures => ({
      vacancyId: 'v', employerId: 'e', iscoCode: '2149', essentialSkills: ['x'], optionalSkills: [], languages: [], minEducationLevel: null,
      minExperienceYears: null, country: 'QA', workMode, eligibilityScope: 'all-member-states', eligibilityCountries: [], closingDate: '2999-01-01', status: 'published',
    });
    expect(mayWorkIn(base, vacancy('remote'))).toBe(true);
    expect(mayWorkIn(base, vacancy('hybrid'))).toBe(false);
    expect(mayWorkIn({ ...base, remote: false, relocate: 'listed', relocateCountries: ['QA'] }, vacancy('on-site'))).toBe(true);
    expect(mayWorkIn({ ...base, remote: false, relocate: 'any-member-state' }, vacancy('on-site'))).toBe(true);
  });
});
