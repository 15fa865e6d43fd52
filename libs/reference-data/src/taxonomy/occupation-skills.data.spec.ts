import { OCCUPATION_SKILLS } from './occupation-skills.data.js';
import { SKILLS } from './skills.data.js';

const SKILL_IDS = new Set(SKILLS.map((skill) => skill.id));

describe('occupation skills', () => {
  it('covers at least 60 ISCO-08 unit groups, each once, sorted by code', () => {
    const codes = OCCUPATION_SKILLS.map((entry) => entry.iscoGroup);
    expect(codes.length).toBeGreaterThanOrEqual(60);
    for (const code of codes) expect(code).toMatch(/^\d{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('uses no ISCO-08 major group 0 (armed forces) and only major groups 1-9', () => {
    for (const entry of OCCUPATION_SKILLS) expect(entry.iscoGroup).toMatch(/^[1-9]\d{3}$/);
  });

  it('includes the unit groups the SESRIC programmes and platform care most about', () => {
    const codes = new Set(OCCUPATION_SKILLS.map((entry) => entry.iscoGroup));
    for (const code of ['2120', '2149', '2221', '2263', '2423', '2512', '2513', '3257', '3314', '3333', '7212', '7411']) {
      expect([code, codes.has(code)]).toEqual([code, true]);
    }
  });

  it('gives each unit group 3 to 8 essential and 2 to 8 optional skills', () => {
    for (const entry of OCCUPATION_SKILLS) {
      expect([entry.iscoGroup, entry.essential.length >= 3 && entry.essential.length <= 8]).toEqual([entry.iscoGroup, true]);
      expect([entry.iscoGroup, entry.optional.length >= 2 && entry.optional.length <= 8]).toEqual([entry.iscoGroup, true]);
    }
  });

  it('refers only to existing skills, without repeats and never as both essential and optional', () => {
    for (const entry of OCCUPATION_SKILLS) {
      const all = [...entry.essential, ...entry.optional];
      expect([entry.iscoGroup, all.filter((id) => !SKILL_IDS.has(id))]).toEqual([entry.iscoGroup, []]);
      expect([entry.iscoGroup, new Set(all).size]).toEqual([entry.iscoGroup, all.length]);
      const essential = new Set(entry.essential);
      expect([entry.iscoGroup, entry.optional.filter((id) => essential.has(id))]).toEqual([entry.iscoGroup, []]);
    }
  });

  it('maps typical skills to the right unit groups', () => {
    const byCode = new Map(OCCUPATION_SKILLS.map((entry) => [entry.iscoGroup, entry]));
    expect(byCode.get('7212')?.essential).toContain('voc.welding-mig');
    expect(byCode.get('2263')?.essential).toContain('osh.occupational-hygiene');
    expect(byCode.get('3333')?.essential).toContain('pes.job-matching');
    expect(byCode.get('2120')?.essential).toContain('stat.survey-design');
    expect(byCode.get('2513')?.essential).toContain('ict.html-css');
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(OCCUPATION_SKILLS)).toBe(true);
    const [first] = OCCUPATION_SKILLS;
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.essential)).toBe(true);
    expect(Object.isFrozen(first?.optional)).toBe(true);
  });
});
