import { SKILLS } from './skills.data.js';
import { SKILL_FIELDS, type SkillField } from './taxonomy.types.js';

/**
 * Skills whose Arabic label may contain Latin letters: technology names with no established
 * Arabic form (`لغة TypeScript`). Everything else is written in Arabic script only.
 */
const LATIN_IN_ARABIC_ALLOWED = new Set([
  'ict.kubernetes',
  'ict.nodejs',
  'ict.react',
  'ict.typescript',
  'stat.r-programming',
  'stat.spss',
  'stat.stata',
]);

const PREFIX_BY_FIELD: Readonly<Record<Exclude<SkillField, 'other'>, string>> = {
  'occupational-safety-health': 'osh',
  'employment-services': 'pes',
  'vocational-trades': 'voc',
  statistics: 'stat',
  ict: 'ict',
  'health-care': 'health',
  construction: 'cons',
  hospitality: 'hosp',
  agriculture: 'agri',
  manufacturing: 'manu',
  languages: 'lang',
  'soft-skills': 'soft',
  management: 'mgmt',
  education: 'edu',
};

const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

function countByField(): Map<SkillField, number> {
  const counts = new Map<SkillField, number>();
  for (const skill of SKILLS) counts.set(skill.field, (counts.get(skill.field) ?? 0) + 1);
  return counts;
}

describe('skills taxonomy', () => {
  it('has at least 320 skills with unique, well-formed ids, sorted by id', () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(320);
    const ids = SKILLS.map((skill) => skill.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('covers every field except "other" with at least 15 skills', () => {
    const counts = countByField();
    expect(counts.get('other') ?? 0).toBe(0);
    const thin = SKILL_FIELDS.filter((field) => field !== 'other' && (counts.get(field) ?? 0) < 15);
    expect(thin).toEqual([]);
    for (const skill of SKILLS) expect(SKILL_FIELDS).toContain(skill.field);
  });

  it('gives the programme fields more depth than the minimum', () => {
    const counts = countByField();
    const deep = ['occupational-safety-health', 'employment-services', 'vocational-trades', 'ict', 'health-care', 'construction'] as const;
    expect(deep.filter((field) => (counts.get(field) ?? 0) < 25)).toEqual([]);
  });

  it('prefixes each id with its field', () => {
    for (const skill of SKILLS) {
      expect(skill.field).not.toBe('other');
      const prefix = PREFIX_BY_FIELD[skill.field as Exclude<SkillField, 'other'>];
      expect([skill.id, skill.id.split('.')[0]]).toEqual([skill.id, prefix]);
    }
  });

  it('labels every skill in Arabic, English and French, trimmed and non-empty', () => {
    for (const skill of SKILLS) {
      for (const locale of ['ar', 'en', 'fr'] as const) {
        const label = skill.label[locale];
        expect([skill.id, locale, typeof label]).toEqual([skill.id, locale, 'string']);
        expect([skill.id, locale, label]).toEqual([skill.id, locale, label?.trim()]);
        expect([skill.id, locale, (label ?? '').length > 0]).toEqual([skill.id, locale, true]);
        expect([skill.id, locale, /\s{2,}/.test(label ?? '')]).toEqual([skill.id, locale, false]);
      }
    }
  });

  it('writes Arabic labels in Arabic script, with Latin only for a short allow-list of technology names', () => {
    for (const skill of SKILLS) {
      const ar = skill.label.ar ?? '';
      expect([skill.id, ARABIC_LETTER.test(ar)]).toEqual([skill.id, true]);
      if (!LATIN_IN_ARABIC_ALLOWED.has(skill.id)) expect([skill.id, ar, LATIN_LETTER.test(ar)]).toEqual([skill.id, ar, false]);
    }
    const ids = new Set(SKILLS.map((skill) => skill.id));
    for (const id of LATIN_IN_ARABIC_ALLOWED) {
      expect([id, ids.has(id)]).toEqual([id, true]);
      expect(SKILLS.find((skill) => skill.id === id)?.field).toMatch(/^(ict|statistics)$/);
    }
    expect(LATIN_IN_ARABIC_ALLOWED.size).toBeLessThan(SKILLS.length * 0.15);
  });

  it('keeps English and French labels free of Arabic script', () => {
    for (const skill of SKILLS) {
      expect([skill.id, ARABIC_LETTER.test(skill.label.en ?? '')]).toEqual([skill.id, false]);
      expect([skill.id, ARABIC_LETTER.test(skill.label.fr ?? '')]).toEqual([skill.id, false]);
    }
  });

  it('gives each skill a distinct English label (ignoring case)', () => {
    const labels = SKILLS.map((skill) => (skill.label.en ?? '').toLowerCase());
    const duplicates = labels.filter((label, index) => labels.indexOf(label) !== index);
    expect(duplicates).toEqual([]);
  });

  it('writes French with its accents and typographic apostrophe rules', () => {
    const byId = new Map(SKILLS.map((skill) => [skill.id, skill]));
    expect(byId.get('osh.risk-assessment')?.label).toEqual({ ar: 'تقييم المخاطر', en: 'Risk assessment', fr: 'Évaluation des risques' });
    expect(byId.get('lang.arabic')?.label.fr).toBe("Parler et écrire l'arabe");
    expect(byId.get('ict.typescript')?.label.ar).toBe('لغة TypeScript');
    for (const skill of SKILLS) expect([skill.id, /\s'|'\s/.test(skill.label.fr ?? '')]).toEqual([skill.id, false]);
  });

  it('has only non-empty, trimmed, distinct alternative labels', () => {
    for (const skill of SKILLS) {
      for (const [locale, labels] of Object.entries(skill.altLabels ?? {})) {
        expect(['ar', 'en', 'fr']).toContain(locale);
        expect([skill.id, (labels ?? []).length > 0]).toEqual([skill.id, true]);
        for (const label of labels ?? []) expect([skill.id, label]).toEqual([skill.id, label.trim()]);
        expect([skill.id, new Set(labels).size]).toEqual([skill.id, (labels ?? []).length]);
        if (locale === 'ar') for (const label of labels ?? []) expect([skill.id, LATIN_LETTER.test(label)]).toEqual([skill.id, false]);
      }
    }
  });

  it('indexes the abbreviations people search by', () => {
    const byId = new Map(SKILLS.map((skill) => [skill.id, skill]));
    expect(byId.get('osh.ppe-selection')?.altLabels?.en).toContain('PPE');
    expect(byId.get('osh.hse-management')?.altLabels?.en).toContain('HSE');
    expect(byId.get('ict.javascript')?.altLabels?.en).toContain('JS');
    expect(byId.get('osh.osh-legislation')?.altLabels?.en).toContain('OSH legislation');
  });

  it('marks bodies of knowledge as knowledge and the rest as skills', () => {
    for (const skill of SKILLS) expect(['skill', 'knowledge']).toContain(skill.kind);
    const byId = new Map(SKILLS.map((skill) => [skill.id, skill]));
    expect(byId.get('osh.osh-legislation')?.kind).toBe('knowledge');
    expect(byId.get('osh.risk-assessment')?.kind).toBe('skill');
    expect(SKILLS.filter((skill) => skill.kind === 'knowledge').length).toBeLessThan(SKILLS.length / 4);
  });

  it('only carries well-formed ESCO skill URIs', () => {
    for (const skill of SKILLS) {
      if (skill.escoUri !== undefined) expect(skill.escoUri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/);
    }
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(SKILLS)).toBe(true);
    const skill = SKILLS.find((candidate) => candidate.altLabels !== undefined);
    expect(skill).toBeDefined();
    expect(Object.isFrozen(skill)).toBe(true);
    expect(Object.isFrozen(skill?.label)).toBe(true);
    expect(Object.isFrozen(skill?.altLabels)).toBe(true);
    expect(Object.isFrozen(Object.values(skill?.altLabels ?? {})[0])).toBe(true);
  });
});
