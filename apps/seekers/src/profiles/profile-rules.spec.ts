import { plainToInstance } from 'class-transformer';
import { PutProfileRequest } from '@olp/contracts';
import { Taxonomy } from '@olp/reference-data';
import { latestAvailableFrom, profileProblems } from './profile-rules.js';

const taxonomy = new Taxonomy(
  [
    { code: '2', level: 1, parent: null, title: { ar: 'اختصاصيون', en: 'Professionals', fr: 'Professions intellectuelles et scientifiques' } },
    { code: '21', level: 2, parent: '2', title: { ar: 'س', en: 'Science and engineering professionals', fr: 'S' } },
    { code: '214', level: 3, parent: '21', title: { ar: 'ه', en: 'Engineering professionals', fr: 'I' } },
    { code: '2142', level: 4, parent: '214', title: { ar: 'م', en: 'Civil engineers', fr: 'Ingénieurs civils' } },
  ],
  [{ id: 'osh.risk-assessment', label: { en: 'Risk assessment' }, field: 'occupational-safety-health' }],
);

const NOW = new Date('2026-03-10T23:30:00Z');

function request(overrides: Partial<PutProfileRequest> = {}): PutProfileRequest {
  return plainToInstance(PutProfileRequest, {
    fullName: 'Amina',
    nationality: 'JO',
    residenceCountry: 'JO',
    languages: [{ code: 'ar', level: 'C2' }],
    experience: [{ iscoCode: '2142', years: 3 }],
    skills: ['osh.risk-assessment'],
    desiredOccupations: ['2142'],
    mobility: { relocate: 'none', remote: true },
    visibility: 'hidden',
    consentToMatching: false,
    ...overrides,
  });
}

describe('profileProblems', () => {
  it('finds nothing wrong with a valid profile', () => {
    expect(profileProblems(request(), taxonomy, NOW)).toEqual([]);
  });

  it('names each unknown skill, occupation and repeated language by index', () => {
    const problems = profileProblems(
      request({
        languages: [
          { code: 'ar', level: 'C2' },
          { code: 'fr', level: 'B1' },
          { code: 'ar', level: 'A1' },
          { code: 'fr', level: 'A2' },
        ],
        experience: [
          { iscoCode: '2142', years: 1 },
          { iscoCode: '2149', years: 1 },
        ],
        skills: ['nope.one', 'osh.risk-assessment', 'nope.two'],
        desiredOccupations: ['214', '3'],
      }),
      taxonomy,
      NOW,
    );
    expect(problems).toEqual([
      { field: 'languages[2].code', rule: 'arrayUnique' },
      { field: 'languages[3].code', rule: 'arrayUnique' },
      { field: 'experience[1].iscoCode', rule: 'unknownOccupation' },
      { field: 'skills[0]', rule: 'unknownSkill' },
      { field: 'skills[2]', rule: 'unknownSkill' },
      { field: 'desiredOccupations[1]', rule: 'unknownOccupation' },
    ]);
  });

  it('accepts only unit groups as experience', () => {
    expect(profileProblems(request({ experience: [{ iscoCode: '214', years: 1 }] }), taxonomy, NOW)).toEqual([
      { field: 'experience[0].iscoCode', rule: 'unknownOccupation' },
    ]);
  });

  it('ties mobility countries to the relocation scope', () => {
    expect(profileProblems(request({ mobility: { relocate: 'listed', remote: false } }), taxonomy, NOW)).toEqual([
      { field: 'mobility.countries', rule: 'requiredWhenListed' },
    ]);
    expect(profileProblems(request({ mobility: { relocate: 'listed', countries: ['QA'], remote: false } }), taxonomy, NOW)).toEqual([]);
    expect(profileProblems(request({ mobility: { relocate: 'any-member-state', countries: ['QA'], remote: false } }), taxonomy, NOW)).toEqual([
      { field: 'mobility.countries', rule: 'arrayMaxSize', params: { max: 0 } },
    ]);
  });

  it('bounds availableFrom by 1950-01-01 and five years from today (UTC)', () => {
    const range = { field: 'availableFrom', rule: 'isDateInRange', params: { min: '1950-01-01', max: '2031-03-10' } };
    expect(profileProblems(request({ availableFrom: '1950-01-01' }), taxonomy, NOW)).toEqual([]);
    expect(profileProblems(request({ availableFrom: '2031-03-10' }), taxonomy, NOW)).toEqual([]);
    expect(profileProblems(request({ availableFrom: '1949-12-31' }), taxonomy, NOW)).toEqual([range]);
    expect(profileProblems(request({ availableFrom: '2031-03-11' }), taxonomy, NOW)).toEqual([range]);
  });

  it('computes five years ahead from the UTC date, leap days included', () => {
    expect(latestAvailableFrom(new Date('2026-12-31T23:59:59Z'))).toBe('2031-12-31');
    expect(latestAvailableFrom(new Date('2028-02-29T10:00:00Z'))).toBe('2033-03-01');
  });
});
