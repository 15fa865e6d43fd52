import { readFile } from 'node:fs/promises';
import { resolveText, type Locale, type LocalizedText } from '../localized-text.js';
import { ISCO_GROUPS } from './isco08.data.js';
import { OCCUPATION_SKILLS } from './occupation-skills.data.js';
import { SKILLS } from './skills.data.js';
import type { IndexedText } from './typeahead-index.js';
import { TypeaheadIndex } from './typeahead-index.js';
import type { IscoGroup, Occupation, OccupationSkills, Skill, TaxonomySnapshot } from './taxonomy.types.js';

export interface OccupationHit {
  /** `isco` for ISCO-08 groups (any level), `esco` for imported ESCO occupations. */
  kind: 'isco' | 'esco';
  /** The ISCO code, or the ESCO occupation id. */
  id: string;
  /** The ISCO unit group (or group, for ISCO hits) this occupation sits in. */
  iscoCode: string;
  level: number;
  label: string;
  labels: LocalizedText;
  /** From the major group down to this one: codes and labels in the reader's language. */
  path: { code: string; label: string }[];
}

export interface SkillHit {
  id: string;
  label: string;
  labels: LocalizedText;
  field: Skill['field'];
  kind: 'skill' | 'knowledge';
  escoUri?: string;
}

function texts(labels: LocalizedText, alt?: Partial<Record<Locale, readonly string[]>>): IndexedText[] {
  const out: IndexedText[] = [];
  for (const locale of ['ar', 'en', 'fr'] as const) {
    const text = labels[locale];
    if (text) out.push({ text, locale, preferred: true });
    for (const other of alt?.[locale] ?? []) out.push({ text: other, locale, preferred: false });
  }
  return out;
}

type OccupationItem = { kind: 'isco'; group: IscoGroup } | { kind: 'esco'; occupation: Occupation };

/**
 * ISCO-08, the skills taxonomy and (when imported) ESCO occupations and skills, with lookups for
 * validation and typeahead search in ar/en/fr. Built once per process; immutable.
 */
export class Taxonomy {
  private readonly groups: ReadonlyMap<string, IscoGroup>;
  private readonly skills: ReadonlyMap<string, Skill>;
  private readonly occupations: ReadonlyMap<string, Occupation>;
  private readonly typicalSkills: ReadonlyMap<string, OccupationSkills>;
  private occupationIndex?: TypeaheadIndex<OccupationItem>;
  private skillIndex?: TypeaheadIndex<Skill>;

  constructor(
    groups: readonly IscoGroup[],
    skills: readonly Skill[],
    occupations: readonly Occupation[] = [],
    occupationSkills: readonly OccupationSkills[] = [],
    readonly source = 'built-in',
  ) {
    this.groups = new Map(groups.map((g) => [g.code, g]));
    this.skills = new Map(skills.map((s) => [s.id, s]));
    this.occupations = new Map(occupations.map((o) => [o.id, o]));
    this.typicalSkills = new Map(occupationSkills.map((o) => [o.iscoGroup, o]));
  }

  /** The platform's own data: ISCO-08 in full and the starter skills taxonomy. */
  static builtIn(): Taxonomy {
    return new Taxonomy(ISCO_GROUPS, SKILLS, [], OCCUPATION_SKILLS);
  }

  /** The built-in data plus an imported snapshot (ESCO); built-in entries win on id clashes. */
  static withSnapshot(snapshot: TaxonomySnapshot): Taxonomy {
    const builtIn = new Set(SKILLS.map((s) => s.id));
    const ownRelations = new Set(OCCUPATION_SKILLS.map((o) => o.iscoGroup));
    return new Taxonomy(
      ISCO_GROUPS,
      [...SKILLS, ...snapshot.skills.filter((s) => !builtIn.has(s.id))],
      snapshot.occupations,
      [...OCCUPATION_SKILLS, ...snapshot.occupationSkills.filter((o) => !ownRelations.has(o.iscoGroup))],
      `built-in + ${snapshot.source}`,
    );
  }

  /** TAXONOMY_FILE: a snapshot written by the ESCO importer; absent means built-in only. */
  static async load(file?: string): Promise<Taxonomy> {
    if (!file) return Taxonomy.builtIn();
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as TaxonomySnapshot;
    if (snapshot.format !== 'olp-taxonomy/v1') throw new Error(`${file} is not an olp-taxonomy/v1 snapshot`);
    return Taxonomy.withSnapshot(snapshot);
  }

  get counts(): { iscoGroups: number; skills: number; occupations: number } {
    return { iscoGroups: this.groups.size, skills: this.skills.size, occupations: this.occupations.size };
  }

  iscoGroup(code: string): IscoGroup | undefined {
    return this.groups.get(code);
  }

  isIscoCode(code: unknown): code is string {
    return typeof code === 'string' && this.groups.has(code);
  }

  isUnitGroup(code: unknown): code is string {
    return typeof code === 'string' && code.length === 4 && this.groups.has(code);
  }

  /** The group and its ancestors, major group first. */
  lineage(code: string): IscoGroup[] {
    const chain: IscoGroup[] = [];
    for (let current = this.groups.get(code); current; current = current.parent ? this.groups.get(current.parent) : undefined) {
      chain.unshift(current);
    }
    return chain;
  }

  skill(id: string): Skill | undefined {
    return this.skills.get(id);
  }

  hasSkill(id: unknown): id is string {
    return typeof id === 'string' && this.skills.has(id);
  }

  occupation(id: string): Occupation | undefined {
    return this.occupations.get(id);
  }

  skillsOf(unitGroup: string): OccupationSkills | undefined {
    return this.typicalSkills.get(unitGroup);
  }

  searchOccupations(query: string, locale: Locale, limit = 10, level?: number): OccupationHit[] {
    this.occupationIndex ??= new TypeaheadIndex<OccupationItem>(
      [...[...this.groups.values()].map((group) => ({ kind: 'isco' as const, group })), ...[...this.occupations.values()].map((occupation) => ({ kind: 'esco' as const, occupation }))],
      (item) => (item.kind === 'isco' ? texts(item.group.title).concat([{ text: item.group.code, locale: 'en', preferred: true }]) : texts(item.occupation.label, item.occupation.altLabels)),
    );
    const filter = level ? (item: OccupationItem) => item.kind === 'isco' && item.group.level === level : undefined;
    return this.occupationIndex.search(query, locale, limit, filter).map(({ item }) => this.occupationHit(item, locale));
  }

  /** Browsing: the sub-groups of an ISCO code, or the major groups for null. */
  childrenOf(code: string | null, locale: Locale): OccupationHit[] {
    return [...this.groups.values()]
      .filter((group) => group.parent === code)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((group) => this.occupationHit({ kind: 'isco', group }, locale));
  }

  searchSkills(query: string, locale: Locale, limit = 10): SkillHit[] {
    this.skillIndex ??= new TypeaheadIndex<Skill>([...this.skills.values()], (skill) => texts(skill.label, skill.altLabels));
    return this.skillIndex.search(query, locale, limit).map(({ item }) => this.skillHit(item, locale));
  }

  skillHit(skill: Skill, locale: Locale): SkillHit {
    return {
      id: skill.id,
      label: resolveText(skill.label, locale) ?? skill.id,
      labels: skill.label,
      field: skill.field,
      kind: skill.kind ?? 'skill',
      ...(skill.escoUri ? { escoUri: skill.escoUri } : {}),
    };
  }

  private occupationHit(item: OccupationItem, locale: Locale): OccupationHit {
    if (item.kind === 'isco') {
      const g = item.group;
      return {
        kind: 'isco',
        id: g.code,
        iscoCode: g.code,
        level: g.level,
        label: resolveText(g.title, locale) ?? g.code,
        labels: g.title,
        path: this.lineage(g.code).map((p) => ({ code: p.code, label: resolveText(p.title, locale) ?? p.code })),
      };
    }
    const o = item.occupation;
    return {
      kind: 'esco',
      id: o.id,
      iscoCode: o.iscoGroup,
      level: 5,
      label: resolveText(o.label, locale) ?? o.id,
      labels: o.label,
      path: this.lineage(o.iscoGroup).map((p) => ({ code: p.code, label: resolveText(p.title, locale) ?? p.code })),
    };
  }
}
