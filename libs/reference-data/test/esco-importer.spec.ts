import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pickEscoFiles, readEscoDirectory } from '../src/esco/esco-directory.js';
import {
  buildTaxonomySnapshot,
  EscoImportError,
  idFromUri,
  type EscoImportResult,
  type EscoInput,
} from '../src/esco/esco-importer.js';
import { type Skill } from '../src/taxonomy/taxonomy.types.js';

// The fixture is ours (written for these tests) in ESCO's CSV format: skills_en.csv and the
// Arabic files have ESCO 1.1's columns (with `status`), the French ones ESCO 1.0's (without);
// skills_fr.csv has CRLF line endings, the Arabic files a byte order mark.
const FIXTURE = new URL('./fixtures/esco/', import.meta.url);
const CREATED_AT = '2025-01-15T08:00:00.000Z';

const SKILL = {
  hazards: 'esco.88f96e35-0344-40c6-925c-7efd544444d7',
  legislation: 'esco.15dd0ef2-45d2-4e8d-87cd-84fca6fa747b',
  ppe: 'esco.e2d92fd7-ca3e-4827-904a-ed44f70822d8',
  firstAid: 'esco.f63189d0-5c1f-419f-9a57-98892c5bebe0',
  interview: 'esco.2e20b141-3e0c-4007-ac3c-45ee2bfe196c',
  lmi: 'esco.74fb2003-5f21-4040-9b7b-6210c23ebc03',
  matching: 'esco.537f3da2-2bc9-49c0-bd10-6757b31a6751',
  sql: 'esco.9688ad8c-cc69-4bbc-9632-5c9557f17251',
  surveyData: 'esco.376e6a79-8ec1-4eab-bc81-43f16b2d81df',
  reports: 'esco.4200bef8-a84f-4c4d-82cb-6e04138a6a02',
  telexObsolete: 'esco.2bce8f0c-3259-4ade-8f2b-cd13ac69788d',
  clients: 'esco.07cb5e46-ef19-4a25-a87b-a820f62820bd',
} as const;
const OCCUPATION = {
  oshAdviser: 'esco.f3a5c4ca-024c-460d-91fc-2f38ec3cab9f',
  hygienist: 'esco.58e8ff65-adc5-4977-9610-52a3fcb89c1d',
  safetyOfficer: 'esco.16d3b101-f9e6-4583-ae50-7bf52e564b44',
  careersAdviser: 'esco.96073f75-ba2f-4f4c-813a-d6faf150be36',
  employmentCounsellor: 'esco.ef93c949-f0bd-45c4-b981-6b7c45b164f0',
  statistician: 'esco.1ac7914c-080e-43ca-89cf-94d40f513bfd',
  badIscoGroup: 'esco.d5b0835d-52ec-4f5e-b434-c06ee0679225',
} as const;

describe('ESCO importer (fixture)', () => {
  let input: EscoInput;
  let result: EscoImportResult;
  const skill = (id: string): Skill => {
    const found = result.snapshot.skills.find((s) => s.id === id);
    if (found === undefined) throw new Error(`skill ${id} not imported`);
    return found;
  };

  beforeAll(async () => {
    input = await readEscoDirectory(FIXTURE);
    result = buildTaxonomySnapshot(input, { createdAt: CREATED_AT });
  });

  it('finds the fixture files by their ESCO names', () => {
    expect(input.fileNames).toEqual({
      skills: { en: 'skills_en.csv', fr: 'skills_fr.csv', ar: 'skills_ar.csv' },
      occupations: { en: 'occupations_en.csv', fr: 'occupations_fr.csv', ar: 'occupations_ar.csv' },
      relations: 'occupationSkillRelations_en.csv',
    });
    expect(input.relations).toBeDefined();
  });

  it('writes an olp-taxonomy/v1 snapshot with the given date and a source naming the files read', () => {
    const { snapshot } = result;
    expect(snapshot.format).toBe('olp-taxonomy/v1');
    expect(snapshot.createdAt).toBe(CREATED_AT);
    expect(snapshot.source).toBe(
      'ESCO classification, European Commission (CSV download): skills en, fr, ar; occupations en, fr, ar; occupation–skill relations yes',
    );
    // What a service reads back from TAXONOMY_FILE is the same data.
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('imports the skills, merged by URI across the three languages, in id order', () => {
    const ids = result.snapshot.skills.map((s) => s.id);
    expect(ids).toEqual([...Object.values(SKILL)].filter((id) => id !== SKILL.telexObsolete).sort());
    expect(result.counts).toMatchObject({ skills: 11, knowledgeSkills: 4, obsoleteSkills: 1, skillLabels: { en: 11, fr: 11, ar: 10 } });
  });

  it('maps a skill: id from the URI, labels and alt labels in Arabic, English and French, kind, field other', () => {
    expect(skill(SKILL.hazards)).toEqual({
      id: SKILL.hazards,
      label: {
        en: 'identify workplace hazards',
        fr: 'identifier les dangers sur le lieu de travail',
        ar: 'تحديد المخاطر في مكان العمل',
      },
      field: 'other',
      altLabels: {
        en: ['spot workplace hazards', 'recognise hazards at work', 'hazard identification'],
        fr: ['repérer les risques professionnels', 'reconnaître les dangers au travail'],
        ar: ['رصد مخاطر العمل', 'التعرف على مصادر الخطر'],
      },
      escoUri: 'http://data.europa.eu/esco/skill/88f96e35-0344-40c6-925c-7efd544444d7',
      kind: 'skill',
    });
  });

  it('takes the kind from skillType: knowledge, else skill', () => {
    const knowledge = result.snapshot.skills.filter((s) => s.kind === 'knowledge').map((s) => s.id);
    expect(knowledge.sort()).toEqual([SKILL.legislation, SKILL.firstAid, SKILL.lmi, SKILL.sql].sort());
    expect(result.snapshot.skills.every((s) => s.field === 'other')).toBe(true);
  });

  it('splits alt labels on line breaks (also CRLF) and drops blanks, padding and the preferred label', () => {
    expect(skill(SKILL.matching).altLabels).toEqual({
      en: ['job matching', 'place candidates in vacancies'],
      fr: ['mise en relation offre-demande'],
      ar: ['التوفيق بين العرض والطلب على العمل'],
    });
    // skills_fr.csv is CRLF throughout, inside quoted fields too.
    expect(skill(SKILL.ppe).altLabels?.fr).toEqual(['porter des EPI', 'utiliser des EPI']);
    // Arabic has no alt labels for this one: the key is absent, not an empty list.
    expect(skill(SKILL.legislation).altLabels).toEqual({ en: ['OSH law', 'workplace safety regulations'], fr: ['droit de la SST'] });
  });

  it('keeps a skill that lacks one translation, without that language', () => {
    const clients = skill(SKILL.clients);
    expect(clients.label).toEqual({ en: 'communicate with clients', fr: 'communiquer avec la clientèle' });
    expect(Object.keys(clients.altLabels ?? {})).toEqual(['en', 'fr']);
  });

  it('leaves out a skill marked obsolete, even in languages whose file has no status column', () => {
    expect(result.snapshot.skills.some((s) => s.id === SKILL.telexObsolete)).toBe(false);
    expect(result.snapshot.skills.some((s) => s.label.fr === 'utiliser un téléscripteur')).toBe(false);
  });

  it('imports the occupations with their ISCO unit group and labels in three languages', () => {
    const { occupations } = result.snapshot;
    expect(occupations.map((o) => [o.id, o.iscoGroup])).toEqual(
      [
        [OCCUPATION.oshAdviser, '2263'],
        [OCCUPATION.hygienist, '2263'],
        [OCCUPATION.safetyOfficer, '2263'],
        [OCCUPATION.careersAdviser, '2423'],
        [OCCUPATION.employmentCounsellor, '2423'],
        [OCCUPATION.statistician, '2120'],
      ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    expect(occupations.find((o) => o.id === OCCUPATION.statistician)).toEqual({
      id: OCCUPATION.statistician,
      iscoGroup: '2120',
      label: {
        en: 'labour market statistician',
        fr: 'statisticien du marché du travail/statisticienne du marché du travail',
        ar: 'إحصائي سوق العمل',
      },
      altLabels: { en: ['employment statistician'] },
      escoUri: 'http://data.europa.eu/esco/occupation/1ac7914c-080e-43ca-89cf-94d40f513bfd',
    });
    expect(result.counts).toMatchObject({ occupations: 6, iscoUnitGroups: 3, occupationLabels: { en: 6, fr: 6, ar: 6 } });
  });

  it('aggregates the relations per ISCO unit group: essential when essential for at least half of the occupations listing it', () => {
    expect(result.snapshot.occupationSkills).toEqual([
      // One occupation: each skill as that occupation has it, ties in id order.
      { iscoGroup: '2120', essential: [SKILL.surveyData, SKILL.sql], optional: [SKILL.reports, SKILL.lmi] },
      {
        iscoGroup: '2263',
        // hazards: essential for 2 of 3 (the duplicate optional row of one of them does not count);
        // PPE: 1 of 2 (half); clients: 1 of 1.
        essential: [SKILL.hazards, SKILL.ppe, SKILL.clients],
        // legislation: essential for 1 of 3; first aid 0 of 2; reports 0 of 1. Most listed first.
        optional: [SKILL.legislation, SKILL.firstAid, SKILL.reports],
      },
      // interview 2 of 2, then clients and matching (1 of 2 each) in id order; LMI 0 of 1.
      { iscoGroup: '2423', essential: [SKILL.interview, SKILL.clients, SKILL.matching], optional: [SKILL.lmi] },
    ]);
    expect(result.counts).toMatchObject({ occupationSkillGroups: 3, relationRows: 28, relationsUsed: 24 });
  });

  it('caps the lists per unit group, keeping the most frequent', () => {
    const capped = buildTaxonomySnapshot(input, { createdAt: CREATED_AT, maxEssential: 1, maxOptional: 2 });
    expect(capped.snapshot.occupationSkills.find((g) => g.iscoGroup === '2263')).toEqual({
      iscoGroup: '2263',
      essential: [SKILL.hazards],
      optional: [SKILL.legislation, SKILL.firstAid],
    });
  });

  it('reports the rows it skipped, with file and line', () => {
    expect(result.warnings.map((w) => [w.code, w.file, w.line])).toEqual([
      ['missing-uri', 'skills_en.csv', 12],
      ['unexpected-concept-type', 'skills_en.csv', 13],
      ['bad-isco-group', 'occupations_en.csv', 12],
      ['no-isco-group', 'occupations_en.csv', 12],
      ['unknown-skill', 'occupationSkillRelations_en.csv', 26],
      ['unknown-skill', 'occupationSkillRelations_en.csv', 27],
      ['bad-relation-type', 'occupationSkillRelations_en.csv', 28],
      ['unknown-occupation', 'occupationSkillRelations_en.csv', 29],
    ]);
    const messages = result.warnings.map((w) => w.message);
    expect(messages[2]).toContain('"242"');
    expect(messages[6]).toContain('"mandatory"');
    expect(result.warningCounts).toEqual({
      'missing-uri': 1,
      'unexpected-concept-type': 1,
      'bad-isco-group': 1,
      'no-isco-group': 1,
      'unknown-skill': 2,
      'bad-relation-type': 1,
      'unknown-occupation': 1,
    });
    expect(result.snapshot.occupations.some((o) => o.id === OCCUPATION.badIscoGroup)).toBe(false);
  });

  it('lists at most maxWarningsPerCode warnings of a kind but counts them all', () => {
    const few = buildTaxonomySnapshot(input, { createdAt: CREATED_AT, maxWarningsPerCode: 1 });
    expect(few.warnings.filter((w) => w.code === 'unknown-skill')).toHaveLength(1);
    expect(few.warningCounts['unknown-skill']).toBe(2);
  });

  it('gives the same snapshot for the same input', () => {
    expect(buildTaxonomySnapshot(input, { createdAt: CREATED_AT })).toEqual(result);
  });

  it('imports without relations: no occupationSkills', () => {
    const { relations: _relations, ...withoutRelations } = input;
    const plain = buildTaxonomySnapshot(withoutRelations, { createdAt: CREATED_AT, source: 'test' });
    expect(plain.snapshot.source).toBe('test');
    expect(plain.snapshot.occupationSkills).toEqual([]);
    expect(plain.snapshot.skills).toEqual(result.snapshot.skills);
  });
});

describe('ESCO importer (edge cases)', () => {
  const SKILLS_HEADER = 'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n';
  const OCC_HEADER = 'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description\n';
  const occ = (uuid: string): string => `http://data.europa.eu/esco/occupation/${uuid}`;

  it('keeps the first language file’s ISCO group when languages disagree, and warns', () => {
    const { snapshot, warnings } = buildTaxonomySnapshot({
      skills: {},
      occupations: {
        en: `${OCC_HEADER}Occupation,${occ('a1')},3313,bookkeeper,,\n`,
        fr: `${OCC_HEADER}Occupation,${occ('a1')},4311,teneur de livres,,\n`,
      },
    });
    expect(snapshot.occupations).toEqual([
      { id: 'esco.a1', iscoGroup: '3313', label: { en: 'bookkeeper', fr: 'teneur de livres' }, escoUri: occ('a1') },
    ]);
    expect(warnings.map((w) => [w.code, w.file, w.line])).toEqual([['conflicting-isco-group', 'occupations_fr.csv', 2]]);
  });

  it('takes a valid ISCO group from another language when one file’s is malformed', () => {
    const { snapshot, warnings } = buildTaxonomySnapshot({
      skills: {},
      occupations: {
        en: `${OCC_HEADER}Occupation,${occ('b2')},313,bookkeeper,,\n`,
        ar: `${OCC_HEADER}Occupation,${occ('b2')},3313,ماسك دفاتر,,\n`,
      },
    });
    expect(snapshot.occupations.map((o) => [o.iscoGroup, o.label])).toEqual([['3313', { en: 'bookkeeper', ar: 'ماسك دفاتر' }]]);
    expect(warnings.map((w) => w.code)).toEqual(['bad-isco-group']);
  });

  it('warns about duplicate URIs, empty labels, bad URIs and ragged rows', () => {
    const uri = 'http://data.europa.eu/esco/skill/c3';
    const { snapshot, warnings } = buildTaxonomySnapshot({
      skills: {
        en: [
          SKILLS_HEADER.trimEnd(),
          `KnowledgeSkillCompetence,${uri},knowledge,cross-sector,,,`,
          `KnowledgeSkillCompetence,${uri},knowledge,cross-sector,again,,`,
          'KnowledgeSkillCompetence,http://data.europa.eu/esco/occupation/c4,knowledge,cross-sector,wrong kind,,',
          'KnowledgeSkillCompetence,not a uri,knowledge,cross-sector,nothing,,',
          'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/c5,knowledge',
        ].join('\n'),
        fr: `${SKILLS_HEADER}KnowledgeSkillCompetence,${uri},knowledge,cross-sector,en français,,\n`,
      },
      occupations: {},
    });
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['missing-label', 2],
      ['duplicate-uri', 3],
      ['bad-uri', 4],
      ['bad-uri', 5],
      ['ragged-row', 6],
      ['missing-label', 6],
      ['no-label', 6],
    ]);
    expect(snapshot.skills.map((s) => [s.id, s.label, s.kind])).toEqual([['esco.c3', { fr: 'en français' }, 'knowledge']]);
  });

  it('refuses a file that is not valid CSV, or lacks the columns it needs, naming the file', () => {
    const broken = { skills: { en: `${SKILLS_HEADER}KnowledgeSkillCompetence,"http://x\n` }, occupations: {} };
    expect(() => buildTaxonomySnapshot(broken)).toThrow(EscoImportError);
    expect(() => buildTaxonomySnapshot(broken)).toThrow(/^skills_en\.csv: not valid CSV: Quoted field is not closed/);
    expect(() => buildTaxonomySnapshot({ skills: {}, occupations: { fr: 'code,label\n1,x\n' } })).toThrow(
      /occupations_fr\.csv: no conceptUri, preferredLabel column/,
    );
    expect(() => buildTaxonomySnapshot({ skills: { en: '' }, occupations: {} })).toThrow(/header: none/);
    expect(() =>
      buildTaxonomySnapshot({ skills: { en: SKILLS_HEADER }, occupations: {}, relations: 'occupationUri,skillUri\n' }),
    ).toThrow(/occupationSkillRelations_en\.csv: no relationType column/);
    expect(() => buildTaxonomySnapshot({ skills: {}, occupations: {} })).toThrow(/no skills or occupations file/);
  });

  it('makes ids from the last path segment of ESCO URIs only', () => {
    expect(idFromUri('http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab', 'skill')).toBe(
      'esco.0005c151-5b5a-4a66-8aac-60e734beb1ab',
    );
    expect(idFromUri('https://data.europa.eu/esco/occupation/abc/', 'occupation')).toBe('esco.abc');
    expect(idFromUri('http://data.europa.eu/esco/isco/C2263', 'occupation')).toBeUndefined();
    expect(idFromUri('urn:esco:skill:1', 'skill')).toBeUndefined();
    expect(idFromUri('http://data.europa.eu/esco/skill/a%20b', 'skill')).toBeUndefined();
  });
});

describe('ESCO directory reader', () => {
  it('prefers the plain language file to a regional variant, and the English relations file', () => {
    expect(
      pickEscoFiles([
        'skills_en-us.csv',
        'skills_en.csv',
        'skills_fr.csv',
        'skills_de.csv',
        'occupations_EN.csv',
        'occupationSkillRelations.csv',
        'occupationSkillRelations_en.csv',
        'occupationSkillRelations_fr.csv',
        'skillGroups_en.csv',
        'ISCOGroups_en.csv',
        'README.md',
      ]),
    ).toEqual({
      skills: { en: 'skills_en.csv', fr: 'skills_fr.csv' },
      occupations: { en: 'occupations_EN.csv' },
      relations: 'occupationSkillRelations_en.csv',
    });
    expect(pickEscoFiles(['skills_en-us.csv', 'occupations_ar.csv', 'occupationSkillRelations.csv'])).toEqual({
      skills: { en: 'skills_en-us.csv' },
      occupations: { ar: 'occupations_ar.csv' },
      relations: 'occupationSkillRelations.csv',
    });
  });

  it('refuses a directory without ESCO skills or occupations files', async () => {
    await expect(readEscoDirectory(new URL('./fixtures/', import.meta.url))).rejects.toThrow(/no ESCO skills_<lang>\.csv/);
  });
});

// The real ESCO download (en and fr, no relations) when the shared data folder is there; on a
// machine without it this passes with a message instead (skipped tests are flagged in this repo).
const REAL_DATA = new URL('../../../../shared/data/esco/', import.meta.url);

describe('ESCO importer on the real ESCO 1.0 data', () => {
  it('imports every skill and occupation with French labels and 4-digit ISCO groups', async () => {
    const dir = fileURLToPath(REAL_DATA);
    if (!existsSync(dir)) {
      // eslint-disable-next-line no-console
      console.warn(`ESCO data not found at ${dir}; real-data import not checked`);
      return;
    }
    const started = performance.now();
    const input = await readEscoDirectory(dir);
    const { snapshot, counts, warnings, warningCounts } = buildTaxonomySnapshot(input, { createdAt: CREATED_AT });
    const seconds = (performance.now() - started) / 1000;

    expect(input.fileNames).toEqual({
      skills: { en: 'skills_en-us.csv', fr: 'skills_fr.csv' },
      occupations: { en: 'occupations_en.csv', fr: 'occupations_fr.csv' },
    });
    // ESCO 1.0: 13,485 skills (2,902 of them knowledge) and 2,942 occupations in 426 unit groups;
    // the 1.0 files have no status column, so nothing is obsolete.
    expect(counts).toMatchObject({ skills: 13_485, knowledgeSkills: 2_902, occupations: 2_942, iscoUnitGroups: 426, obsoleteSkills: 0 });
    expect(snapshot.occupations.every((o) => /^\d{4}$/.test(o.iscoGroup))).toBe(true);
    expect(snapshot.skills.every((s) => /^esco\.[0-9a-f-]{36}$/.test(s.id) && s.field === 'other')).toBe(true);
    // French labels for at least 99% (in this release: all of them).
    expect(counts.skillLabels.fr / counts.skills).toBeGreaterThanOrEqual(0.99);
    expect(counts.occupationLabels.fr / counts.occupations).toBeGreaterThanOrEqual(0.99);
    expect(counts.skillLabels.fr).toBe(13_485);
    // 13 skills have an empty English (en-us) preferredLabel in this mirror; they keep French.
    expect(counts.skillLabels.en).toBe(13_472);
    expect(warningCounts).toEqual({ 'missing-label': 13 });
    expect(warnings.every((w) => w.file === 'skills_en-us.csv')).toBe(true);
    expect(snapshot.skills.some((s) => (s.altLabels?.en?.length ?? 0) > 5)).toBe(true);
    expect(seconds).toBeLessThan(15);
  });
});
