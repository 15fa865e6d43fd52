import { EDUCATION_LEVELS } from './education-levels.data.js';

describe('EDUCATION_LEVELS', () => {
  it('lists ISCED 2011 levels 0 to 8 in order, with stable keys', () => {
    expect(EDUCATION_LEVELS.map((level) => level.level)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(EDUCATION_LEVELS.map((level) => level.key)).toEqual([
      'early-childhood',
      'primary',
      'lower-secondary',
      'upper-secondary',
      'post-secondary-non-tertiary',
      'short-cycle-tertiary',
      'bachelor',
      'master',
      'doctoral',
    ]);
  });

  it('marks levels 5 to 8 as tertiary', () => {
    expect(EDUCATION_LEVELS.filter((level) => level.tertiary).map((level) => level.level)).toEqual([5, 6, 7, 8]);
  });

  it('uses the UNESCO names', () => {
    expect(EDUCATION_LEVELS[6]?.name).toEqual({
      ar: 'مستوى البكالوريوس أو ما يعادله',
      en: "Bachelor's or equivalent level",
      fr: 'Niveau licence ou équivalent',
    });
    expect(EDUCATION_LEVELS[3]?.name.fr).toBe("Deuxième cycle de l'enseignement secondaire");
  });

  it('is frozen', () => {
    expect(Object.isFrozen(EDUCATION_LEVELS)).toBe(true);
    expect(EDUCATION_LEVELS.every((level) => Object.isFrozen(level) && Object.isFrozen(level.name))).toBe(true);
  });
});
