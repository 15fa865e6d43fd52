import fc from 'fast-check';
import { CEFR_LEVELS } from '@olp/reference-data';
import { DEFAULT_WEIGHTS, type ScoringWeights, type SeekerFeatures, type VacancyFeatures } from '../scoring/match-model.js';
import { scoreMatch } from '../scoring/score-match.js';
import { isMatchable } from './features.js';
import { MatchIndex, mayWorkIn, related } from './match-index.js';
import { TopList, type Ranked } from './top-list.js';

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

  describe('scoring and the pruned top K', () => {
    const TODAY = '2026-05-10';
    const LEVEL = fc.constantFrom(...CEFR_LEVELS);
    const LANGUAGE = fc.constantFrom('ar', 'en', 'fr');
    // Few values, so that many pairs tie on the score and the id decides.
    const richSeeker = (id: string) =>
      fc
        .tuple(
          seekerArb(id),
          fc.array(fc.record({ code: LANGUAGE, level: LEVEL }), { maxLength: 3 }),
          fc.option(fc.integer({ min: 0, max: 8 })),
          // Fractional years do not fit the packed records: those seekers take the object path.
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.constant(2.5)), { maxLength: 2 }),
        )
        .map(([s, languages, educationLevel, years]): SeekerFeatures => ({
          ...s,
          languages,
          educationLevel,
          experience: s.experience.map((e, i) => ({ ...e, years: years[i] ?? 1 })),
        }));
    const richVacancy = (id: string) =>
      fc
        .tuple(
          vacancyArb(id),
          fc.array(fc.record({ code: LANGUAGE, minLevel: LEVEL }), { maxLength: 2 }),
          fc.option(fc.integer({ min: 0, max: 8 })),
          fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(1.5))),
          fc.constantFrom('2026-05-01', '2027-01-01', '2027-01-01'),
          fc.constantFrom('all-member-states' as const, 'all-member-states' as const, 'listed' as const),
          fc.uniqueArray(fc.constantFrom(...COUNTRIES), { maxLength: 2 }),
        )
        .map(([v, languages, minEducationLevel, minExperienceYears, closingDate, eligibilityScope, eligibilityCountries]): VacancyFeatures => ({
          ...v,
          languages,
          minEducationLevel,
          minExperienceYears,
          closingDate,
          eligibilityScope,
          eligibilityCountries,
        }));
    const weightsArb: fc.Arbitrary<ScoringWeights> = fc.oneof(
      fc.constant(DEFAULT_WEIGHTS),
      fc
        .record({
          essentialSkills: fc.integer({ min: 0, max: 4 }),
          optionalSkills: fc.integer({ min: 0, max: 4 }),
          occupation: fc.integer({ min: 0, max: 4 }),
          languages: fc.integer({ min: 0, max: 4 }),
          education: fc.integer({ min: 0, max: 4 }),
          experience: fc.integer({ min: 0, max: 4 }),
        })
        .filter((w) => Object.values(w).some((x) => x > 0)),
    );
    const many = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const few = Array.from({ length: 8 }, (_, i) => `v${i}`);

    it('scores every eligible candidate as scoreMatch does, offers exactly the pairs that may enter a list (floors), and its pruned top K equals the brute-force top K, on both sides', () => {
      fc.assert(
        fc.property(
          fc.tuple(...many.map((id) => richSeeker(id))),
          fc.tuple(...few.map((id) => richVacancy(id))),
          fc.uniqueArray(fc.constantFrom(...many), { maxLength: 10 }),
          fc.uniqueArray(fc.constantFrom(...few), { maxLength: 3 }),
          weightsArb,
          fc.integer({ min: 1, max: 12 }),
          (seekerList, vacancyList, droppedSeekers, droppedVacancies, weights, k) => {
            const index = new MatchIndex(weights);
            for (const s of seekerList) index.putSeeker(s);
            for (const v of vacancyList) index.putVacancy({ features: v, title: { en: v.vacancyId } });
            // Removals leave holes in the postings and free slots; re-adding some reuses them.
            for (const id of droppedSeekers) index.removeSeeker(id);
            for (const id of droppedVacancies) index.removeVacancy(id);
            for (const id of droppedSeekers.slice(0, 3)) index.putSeeker(seekerList[many.indexOf(id)]!);
            const seekers = seekerList.filter((s) => isMatchable(s) && index.seeker(s.seekerId));
            const vacancies = vacancyList.filter((v) => index.vacancy(v.vacancyId));

            const brute = (pairs: [string, VacancyFeatures, SeekerFeatures][]): Map<string, number> => {
              const out = new Map<string, number>();
              for (const [id, v, s] of pairs) {
                if (!related(s, v)) continue;
                const result = scoreMatch(v, s, weights, TODAY);
                if (result) out.set(id, result.score);
              }
              return out;
            };
            const best = (scores: Map<string, number>, n: number): Ranked[] => [...TopList.best(n, [...scores].map(([id, score]) => ({ id, score }))).entries()];

            for (const v of vacancies) {
              const expected = brute(seekers.map((s) => [s.seekerId, v, s]));
              expect(index.scoreSeekersFor(v.vacancyId, TODAY).scores).toEqual(expected);
              expect(index.topSeekersFor(v.vacancyId, k, TODAY)).toEqual(best(expected, k));
              // The engine's pass: with floors on some seekers' lists, exactly the eligible
              // candidates without a floor, reaching theirs, or kept are offered (ineligible kept
              // ones as null), with their exact scores.
              const floors = new Map<string, number>();
              for (const [i, s] of seekers.entries()) {
                const floor = i % 3 === 0 ? -1 : i % 3 === 1 ? 0.5 : 0.8;
                floors.set(s.seekerId, floor);
                index.setSeekerFloor(s.seekerId, floor);
              }
              const keep = new Set(seekers.filter((_, i) => i % 5 === 2).map((s) => s.seekerId));
              const rescored = index.rescoreSeekersFor(v.vacancyId, k, TODAY, keep);
              expect(rescored.top).toEqual(best(expected, k));
              const wanted = new Map<string, number | null>();
              for (const s of seekers) {
                const score = expected.get(s.seekerId);
                const floor = floors.get(s.seekerId)!;
                // (A vacancy no longer open has no candidates: the engine tells the lists holding it itself.)
                if (keep.has(s.seekerId) && related(s, v) && mayWorkIn(s, v) && v.status === 'published' && v.closingDate >= TODAY) wanted.set(s.seekerId, score ?? null);
                else if (score !== undefined && (floor < 0 || score >= floor)) wanted.set(s.seekerId, score);
              }
              expect(rescored.offers).toEqual(wanted);
              index.resetSeekerFloors();
              expect(index.scoreSeekersFor(v.vacancyId, TODAY).scores).toEqual(expected);
            }
            for (const s of seekers) {
              const expected = brute(vacancies.map((v) => [v.vacancyId, v, s]));
              expect(index.scoreVacanciesFor(s.seekerId, TODAY).scores).toEqual(expected);
              expect(index.topVacanciesFor(s.seekerId, k, TODAY)).toEqual(best(expected, k));
              const keep = new Set(['v3']);
              for (const v of vacancies) index.setVacancyFloor(v.vacancyId, v.vacancyId === 'v3' || v.vacancyId === 'v5' ? 0.9 : -1);
              const rescored = index.rescoreVacanciesFor(s.seekerId, k, TODAY, keep);
              expect(rescored.top).toEqual(best(expected, k));
              const wanted = new Map<string, number | null>();
              for (const v of vacancies) {
                const score = expected.get(v.vacancyId);
                if (v.vacancyId === 'v3' && related(s, v) && mayWorkIn(s, v)) wanted.set('v3', score ?? null);
                else if (score !== undefined && (v.vacancyId !== 'v5' || score >= 0.9)) wanted.set(v.vacancyId, score);
              }
              expect(rescored.offers).toEqual(wanted);
              index.resetVacancyFloors();
            }
          },
        ),
        { numRuns: 300 },
      );
    });

    it('prunes: with a small K most candidates of a large population are never scored fully', () => {
      const index = new MatchIndex();
      const vacancy: VacancyFeatures = {
        vacancyId: 'v', employerId: 'e', iscoCode: '2149', essentialSkills: ['a', 'b', 'c', 'd'], optionalSkills: [], languages: [], minEducationLevel: null,
        minExperienceYears: null, country: 'QA', workMode: 'on-site', eligibilityScope: 'all-member-states', eligibilityCountries: [], closingDate: '2999-01-01', status: 'published',
      };
      for (let i = 0; i < 1000; i++) {
        index.putSeeker({
          seekerId: `s${String(i).padStart(4, '0')}`, nationality: 'QA', residenceCountry: 'QA', languages: [], educationLevel: null, experience: [],
          skills: i % 100 === 0 ? ['a', 'b', 'c', 'd'] : ['a'], desiredOccupations: [], relocate: 'none', relocateCountries: [], remote: false,
          consentToMatching: true, visibility: 'matching',
        });
      }
      index.putVacancy({ features: vacancy, title: { en: 'v' } });
      const top = index.topSeekersFor('v', 10, TODAY);
      expect(top.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `s${String(i * 100).padStart(4, '0')}`));
      expect(index.lastScored).toBeLessThan(100);
      expect(index.scoreSeekersFor('v', TODAY).scores.size).toBe(1000);
    });
  });
});
