import { ISCO_GROUPS } from './isco08.data.js';
import type { IscoGroup } from './taxonomy.types.js';

describe('ISCO-08', () => {
  const byCode = new Map<string, IscoGroup>(ISCO_GROUPS.map((group) => [group.code, group]));
  const ofLevel = (level: number) => ISCO_GROUPS.filter((group) => group.level === level);

  it('has 619 groups: 10 major, 43 sub-major, 130 minor and 436 unit groups', () => {
    expect(ISCO_GROUPS).toHaveLength(619);
    expect(ofLevel(1)).toHaveLength(10);
    expect(ofLevel(2)).toHaveLength(43);
    expect(ofLevel(3)).toHaveLength(130);
    expect(ofLevel(4)).toHaveLength(436);
  });

  it('has unique codes of one to four digits, sorted, whose length is the level', () => {
    const codes = ISCO_GROUPS.map((group) => group.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    for (const group of ISCO_GROUPS) {
      expect(group.code).toMatch(/^\d{1,4}$/);
      expect(group.code.length).toBe(group.level);
    }
    expect(ofLevel(1).map((group) => group.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('links every group to an existing parent: its code without the last digit', () => {
    for (const group of ISCO_GROUPS) {
      if (group.level === 1) {
        expect(group.parent).toBeNull();
        continue;
      }
      expect(group.parent).toBe(group.code.slice(0, -1));
      const parent = byCode.get(group.parent ?? '');
      expect(parent).toBeDefined();
      expect(parent?.level).toBe(group.level - 1);
    }
  });

  it('gives every major, sub-major and minor group at least one child', () => {
    const withChildren = new Set(ISCO_GROUPS.map((group) => group.parent).filter((parent) => parent !== null));
    for (const group of ISCO_GROUPS) {
      if (group.level < 4) expect({ code: group.code, hasChildren: withChildren.has(group.code) }).toEqual({ code: group.code, hasChildren: true });
    }
  });

  it('includes the armed forces groups', () => {
    for (const code of ['0', '01', '011', '0110', '02', '021', '0210', '03', '031', '0310']) expect(byCode.has(code)).toBe(true);
    expect(byCode.get('0')?.title.en).toBe('Armed forces occupations');
    expect(byCode.get('0110')?.title.en).toBe('Commissioned armed forces officers');
  });

  it('titles well-known groups correctly in all three languages', () => {
    expect(byCode.get('1')?.title).toEqual({ ar: 'المديرون', en: 'Managers', fr: 'Directeurs, cadres de direction et gérants' });
    expect(byCode.get('2')?.title).toEqual({ ar: 'الاختصاصيون', en: 'Professionals', fr: 'Professions intellectuelles et scientifiques' });
    expect(byCode.get('3')?.title).toEqual({ ar: 'الفنيون والاختصاصيون المساعدون', en: 'Technicians and associate professionals', fr: 'Professions intermédiaires' });
    expect(byCode.get('9')?.title).toEqual({ ar: 'المهن الأولية', en: 'Elementary occupations', fr: 'Professions élémentaires' });
    expect(byCode.get('2512')?.title.en).toBe('Software developers');
    expect(byCode.get('2512')?.title.ar).toBe('مطورو البرمجيات');
    expect(byCode.get('2211')?.title).toEqual({ ar: 'الأطباء العامون', en: 'Generalist medical practitioners', fr: 'Médecins généralistes' });
    expect(byCode.get('5120')?.title).toEqual({ ar: 'الطهاة', en: 'Cooks', fr: 'Cuisiniers' });
    expect(byCode.get('2141')?.title).toEqual({ ar: 'مهندسو الصناعة والإنتاج', en: 'Industrial and production engineers', fr: 'Ingénieurs, industrie et production' });
    expect(byCode.get('2611')?.title).toEqual({ ar: 'المحامون', en: 'Lawyers', fr: 'Avocats' });
    expect(byCode.get('2262')?.title).toEqual({ ar: 'الصيادلة', en: 'Pharmacists', fr: 'Pharmaciens' });
    expect(byCode.get('5412')?.title).toEqual({ ar: 'أفراد الشرطة', en: 'Police officers', fr: 'Agents de police' });
    expect(byCode.get('2142')?.title.en).toBe('Civil engineers');
    expect(byCode.get('2142')?.title.fr).toBe('Ingénieurs civils');
  });

  it('has non-empty, trimmed titles in every language', () => {
    for (const group of ISCO_GROUPS) {
      for (const title of [group.title.ar, group.title.en, group.title.fr]) {
        expect(title.length).toBeGreaterThan(0);
        expect(title).toBe(title.trim());
        expect(title).not.toMatch(/\s{2}/);
      }
    }
  });

  it('writes Arabic titles in Arabic script only', () => {
    for (const group of ISCO_GROUPS) {
      expect({ code: group.code, latin: /\p{Script=Latin}/u.test(group.title.ar) }).toEqual({ code: group.code, latin: false });
      expect(group.title.ar).toMatch(/\p{Script=Arabic}/u);
    }
  });

  it('translates the French titles rather than repeating the English ones', () => {
    const same = ISCO_GROUPS.filter((group) => group.title.fr === group.title.en);
    expect(same.length).toBeLessThanOrEqual(ISCO_GROUPS.length * 0.1);
  });

  it('gives a group the same title as its parent only when it is the parent\'s only child', () => {
    const childCount = new Map<string, number>();
    for (const group of ISCO_GROUPS) if (group.parent !== null) childCount.set(group.parent, (childCount.get(group.parent) ?? 0) + 1);
    for (const group of ISCO_GROUPS) {
      const parent = group.parent === null ? undefined : byCode.get(group.parent);
      if (parent !== undefined && parent.title.en === group.title.en) expect(childCount.get(parent.code)).toBe(1);
    }
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(ISCO_GROUPS)).toBe(true);
    const first = ISCO_GROUPS[0];
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.title)).toBe(true);
  });
});
