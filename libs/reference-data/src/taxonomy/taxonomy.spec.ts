import { OCCUPATION_SKILLS } from './occupation-skills.data.js';
import { Taxonomy } from './taxonomy.js';
import type { TaxonomySnapshot } from './taxonomy.types.js';

describe('Taxonomy', () => {
  const taxonomy = Taxonomy.builtIn();

  it('holds ISCO-08 in full and the starter skills', () => {
    expect(taxonomy.counts.iscoGroups).toBe(619);
    expect(taxonomy.counts.skills).toBeGreaterThanOrEqual(300);
  });

  it('relates only existing unit groups to existing skills', () => {
    for (const relation of OCCUPATION_SKILLS) {
      expect([relation.iscoGroup, taxonomy.isUnitGroup(relation.iscoGroup)]).toEqual([relation.iscoGroup, true]);
      for (const id of [...relation.essential, ...relation.optional]) expect([id, taxonomy.hasSkill(id)]).toEqual([id, true]);
    }
  });

  it('gives the lineage of a unit group, major group first', () => {
    expect(taxonomy.lineage('2512').map((g) => g.code)).toEqual(['2', '25', '251', '2512']);
    expect(taxonomy.isUnitGroup('251')).toBe(false);
    expect(taxonomy.isIscoCode('251')).toBe(true);
  });

  it('finds occupations in any language with the hierarchy in the reader’s language', () => {
    const [hit] = taxonomy.searchOccupations('مطورو البرمجيات', 'fr', 3);
    expect(hit).toMatchObject({ kind: 'isco', id: '2512', level: 4 });
    expect(hit!.path.map((p) => p.code)).toEqual(['2', '25', '251', '2512']);
    expect(taxonomy.searchOccupations('software developers', 'ar', 3)[0]?.id).toBe('2512');
    expect(taxonomy.searchOccupations('2512', 'en', 3)[0]?.id).toBe('2512');
    expect(taxonomy.searchOccupations('cuisinier', 'en', 5).map((h) => h.id)).toContain('5120');
  });

  it('finds skills by prefix, without accents, with typos, and by abbreviation', () => {
    expect(taxonomy.searchSkills('risk assess', 'en', 5).map((s) => s.id)).toContain('osh.risk-assessment');
    expect(taxonomy.searchSkills('evaluation des risques', 'fr', 5).map((s) => s.id)).toContain('osh.risk-assessment');
    expect(taxonomy.searchSkills('typescrpt', 'en', 5).map((s) => s.id)).toContain('ict.typescript');
    expect(taxonomy.searchSkills('PPE', 'en', 5).length).toBeGreaterThan(0);
  });

  it('browses the hierarchy', () => {
    expect(taxonomy.childrenOf(null, 'en').map((g) => g.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(taxonomy.childrenOf('25', 'en').map((g) => g.id)).toEqual(['251', '252']);
  });

  it('adds an imported snapshot without replacing built-in entries', () => {
    const snapshot: TaxonomySnapshot = {
      format: 'olp-taxonomy/v1',
      source: 'test',
      createdAt: '2026-11-23T00:00:00Z',
      skills: [
        { id: 'esco.0000-1', label: { en: 'Operate forklift', fr: 'Conduire un chariot élévateur', ar: 'تشغيل الرافعة الشوكية' }, field: 'other' },
        { id: 'osh.risk-assessment', label: { en: 'Overridden?' }, field: 'other' },
      ],
      occupations: [{ id: 'esco.occ-1', iscoGroup: '8344', label: { en: 'Forklift operator', fr: 'Cariste' } }],
      occupationSkills: [],
    };
    const merged = Taxonomy.withSnapshot(snapshot);
    expect(merged.hasSkill('esco.0000-1')).toBe(true);
    expect(merged.skill('osh.risk-assessment')?.label.en).not.toBe('Overridden?');
    expect(merged.searchOccupations('cariste', 'fr', 5)[0]).toMatchObject({ kind: 'esco', iscoCode: '8344', path: expect.any(Array) });
    expect(merged.searchSkills('chariot elevateur', 'fr', 3).map((s) => s.id)).toContain('esco.0000-1');
  });
});
