/**
 * Turns ESCO's CSV download (skills, occupations and occupation–skill relations, in Arabic,
 * English and French) into a {@link TaxonomySnapshot}, the file a service loads (TAXONOMY_FILE)
 * on top of the built-in taxonomy.
 *
 * Pure: it takes the files' texts and returns the snapshot with what it had to skip or doubt.
 * Reading a download folder is `readEscoDirectory` (esco-directory.ts), kept apart because this
 * lib does no I/O of its own.
 *
 * Mapping (ESCO column → ours):
 * - `conceptUri` → `escoUri`, and `id` = `esco.<last path segment>` (a UUID in ESCO);
 * - `preferredLabel` of each language file → `label[lang]`;
 * - `altLabels` (one label per line inside a quoted field) → `altLabels[lang]`;
 * - skills: `skillType` `knowledge` → kind `knowledge`, anything else (`skill/competence`) → `skill`;
 *   `field` is always `other`: ESCO's skill hierarchy (skill groups, transversal skills) does not
 *   line up with the programmes' fields, so imported skills are not classified; built-in skills
 *   keep their fields, and a curator can move an imported one later;
 * - occupations: `iscoGroup` (ISCO-08 unit group, 4 digits) → `iscoGroup`.
 * Languages are merged by `conceptUri`. Rows whose `conceptType` is not the file's concept type
 * (when the column exists) and rows whose `status` is `obsolete` (when the column exists; ESCO
 * 1.1+ has it, the 1.0 download does not) are left out; a concept marked obsolete in one language
 * file is left out of all of them. Labels have runs of white space folded to one space.
 */
import { type Locale, type LocalizedText } from '../localized-text.js';
import { type Occupation, type OccupationSkills, type Skill, type TaxonomySnapshot } from '../taxonomy/taxonomy.types.js';
import { CsvParseError, csvRecords } from './csv-parser.js';

/** The languages read, in the order their files are consulted (English decides skill type and ISCO group). */
export const ESCO_LANGUAGES: readonly Locale[] = ['en', 'fr', 'ar'];

export interface EscoFileNames {
  readonly skills?: Partial<Record<Locale, string>>;
  readonly occupations?: Partial<Record<Locale, string>>;
  readonly relations?: string;
}

/** The texts of an ESCO CSV download, per language. */
export interface EscoInput {
  /** `skills_<lang>.csv`: conceptType, conceptUri, skillType, reuseLevel, preferredLabel, altLabels, … */
  readonly skills: Partial<Record<Locale, string>>;
  /** `occupations_<lang>.csv`: conceptType, conceptUri, iscoGroup, preferredLabel, altLabels, … */
  readonly occupations: Partial<Record<Locale, string>>;
  /** `occupationSkillRelations_en.csv`: occupationUri, relationType (essential|optional), skillType, skillUri. */
  readonly relations?: string;
  /** Where each text came from, used in warnings; `skills_<lang>.csv` and so on when absent. */
  readonly fileNames?: EscoFileNames;
}

export interface EscoImportOptions {
  /** The snapshot's `createdAt`; now, unless told (pass it for reproducible output). */
  readonly createdAt?: string | Date;
  /** The snapshot's `source`; a description of the ESCO files read, unless told. */
  readonly source?: string;
  /** Caps per ISCO unit group (see {@link aggregateOccupationSkills}); 30 and 50 unless told. */
  readonly maxEssential?: number;
  readonly maxOptional?: number;
  /** How many warnings of one code are listed; the rest are only counted. 50 unless told. */
  readonly maxWarningsPerCode?: number;
}

export type EscoWarningCode =
  /** A row without conceptUri (or a relation without one of its URIs): skipped. */
  | 'missing-uri'
  /** A URI whose last path segment cannot make an id, or of the wrong concept kind: skipped. */
  | 'bad-uri'
  /** The same concept twice in one file: the first row is kept. */
  | 'duplicate-uri'
  /** A row whose conceptType is not the file's (e.g. a SkillGroup in a skills file): skipped. */
  | 'unexpected-concept-type'
  /** A row with fewer or more fields than the header: read as far as it goes. */
  | 'ragged-row'
  /** A row with an empty preferredLabel: the concept keeps its other languages. */
  | 'missing-label'
  /** A concept with no label in any language: skipped. */
  | 'no-label'
  /** An iscoGroup that is not a 4-digit ISCO-08 unit group code. */
  | 'bad-isco-group'
  /** An occupation with no usable iscoGroup in any file: skipped. */
  | 'no-isco-group'
  /** Language files giving one occupation different unit groups: the first (English) wins. */
  | 'conflicting-isco-group'
  /** A relation type other than essential/optional: skipped. */
  | 'bad-relation-type'
  /** A relation naming an occupation or skill that was not imported: skipped. */
  | 'unknown-occupation'
  | 'unknown-skill';

export interface EscoWarning {
  readonly code: EscoWarningCode;
  /** The file name (as given in `fileNames`, else the ESCO name). */
  readonly file: string;
  /** The line the CSV record starts on (the header is line 1). */
  readonly line?: number;
  readonly message: string;
}

export interface EscoImportCounts {
  readonly skills: number;
  readonly knowledgeSkills: number;
  readonly occupations: number;
  /** Distinct ISCO unit groups among the occupations. */
  readonly iscoUnitGroups: number;
  /** Unit groups with an occupationSkills entry. */
  readonly occupationSkillGroups: number;
  /** Concepts left out because a file marks them obsolete. */
  readonly obsoleteSkills: number;
  readonly obsoleteOccupations: number;
  /** Concepts with a label in each language. */
  readonly skillLabels: Readonly<Record<Locale, number>>;
  readonly occupationLabels: Readonly<Record<Locale, number>>;
  /** Relation rows read, and those that linked an imported occupation to an imported skill. */
  readonly relationRows: number;
  readonly relationsUsed: number;
}

export interface EscoImportResult {
  readonly snapshot: TaxonomySnapshot;
  /** Row-level problems, at most `maxWarningsPerCode` of each code. */
  readonly warnings: readonly EscoWarning[];
  /** How many problems of each code there were, listed or not. */
  readonly warningCounts: Readonly<Partial<Record<EscoWarningCode, number>>>;
  readonly counts: EscoImportCounts;
}

/** A file that cannot be imported at all (broken CSV, missing columns): nothing is returned. */
export class EscoImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'EscoImportError';
  }
}

const DEFAULT_MAX_ESSENTIAL = 30;
const DEFAULT_MAX_OPTIONAL = 50;
const DEFAULT_MAX_WARNINGS_PER_CODE = 50;
const ISCO_UNIT_GROUP = /^\d{4}$/;
const ID_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type ConceptKind = 'skill' | 'occupation';

/** What one language file says about one concept. */
interface ConceptRow {
  readonly uri: string;
  readonly line: number;
  readonly label: string;
  readonly altLabels: readonly string[];
  /** skillType for skills, iscoGroup for occupations (as written). */
  readonly extra: string;
}

class WarningCollector {
  readonly listed: EscoWarning[] = [];
  readonly counts: Partial<Record<EscoWarningCode, number>> = {};

  constructor(private readonly maxPerCode: number) {}

  add(code: EscoWarningCode, file: string, line: number | undefined, message: string): void {
    const count = (this.counts[code] ?? 0) + 1;
    this.counts[code] = count;
    if (count <= this.maxPerCode) this.listed.push(line === undefined ? { code, file, message } : { code, file, line, message });
  }
}

/**
 * Builds the snapshot from ESCO CSV texts. Throws {@link EscoImportError} when a file is not an
 * ESCO file of its kind (broken CSV, required column missing) or when there is nothing to import;
 * everything row-level goes to `warnings`.
 */
export function buildTaxonomySnapshot(input: EscoInput, options: EscoImportOptions = {}): EscoImportResult {
  const warnings = new WarningCollector(options.maxWarningsPerCode ?? DEFAULT_MAX_WARNINGS_PER_CODE);
  const skillLanguages = ESCO_LANGUAGES.filter((lang) => input.skills[lang] !== undefined);
  const occupationLanguages = ESCO_LANGUAGES.filter((lang) => input.occupations[lang] !== undefined);
  if (skillLanguages.length === 0 && occupationLanguages.length === 0) {
    throw new EscoImportError('no skills or occupations file to import', 'input');
  }

  const skillFiles = readConceptFiles('skill', input.skills, input.fileNames?.skills, warnings);
  const occupationFiles = readConceptFiles('occupation', input.occupations, input.fileNames?.occupations, warnings);

  const skills = mergeSkills(skillFiles, warnings);
  const occupations = mergeOccupations(occupationFiles, warnings);

  let relationRows = 0;
  let relationsUsed = 0;
  let occupationSkills: OccupationSkills[] = [];
  if (input.relations !== undefined) {
    const file = input.fileNames?.relations ?? 'occupationSkillRelations_en.csv';
    const links = readRelations(input.relations, file, new Set(skills.map((s) => s.escoUri!)), occupations, warnings);
    relationRows = links.rows;
    relationsUsed = links.used;
    occupationSkills = aggregateOccupationSkills(occupations, links.byOccupation, {
      maxEssential: options.maxEssential ?? DEFAULT_MAX_ESSENTIAL,
      maxOptional: options.maxOptional ?? DEFAULT_MAX_OPTIONAL,
    });
  }

  const createdAt = options.createdAt ?? new Date();
  const snapshot: TaxonomySnapshot = {
    format: 'olp-taxonomy/v1',
    source: options.source ?? describeSource(skillLanguages, occupationLanguages, input.relations !== undefined),
    createdAt: typeof createdAt === 'string' ? createdAt : createdAt.toISOString(),
    skills,
    occupations,
    occupationSkills,
  };

  const countLabels = (items: readonly { label: LocalizedText }[]): Record<Locale, number> => ({
    ar: items.filter((item) => item.label.ar !== undefined).length,
    en: items.filter((item) => item.label.en !== undefined).length,
    fr: items.filter((item) => item.label.fr !== undefined).length,
  });
  return {
    snapshot,
    warnings: warnings.listed,
    warningCounts: warnings.counts,
    counts: {
      skills: skills.length,
      knowledgeSkills: skills.filter((skill) => skill.kind === 'knowledge').length,
      occupations: occupations.length,
      iscoUnitGroups: new Set(occupations.map((occupation) => occupation.iscoGroup)).size,
      occupationSkillGroups: occupationSkills.length,
      obsoleteSkills: skillFiles.obsolete.size,
      obsoleteOccupations: occupationFiles.obsolete.size,
      skillLabels: countLabels(skills),
      occupationLabels: countLabels(occupations),
      relationRows,
      relationsUsed,
    },
  };
}

function describeSource(skillLanguages: readonly Locale[], occupationLanguages: readonly Locale[], relations: boolean): string {
  const list = (langs: readonly Locale[]): string => (langs.length > 0 ? langs.join(', ') : 'none');
  return (
    `ESCO classification, European Commission (CSV download): skills ${list(skillLanguages)}; ` +
    `occupations ${list(occupationLanguages)}; occupation–skill relations ${relations ? 'yes' : 'none'}`
  );
}

interface ConceptFiles {
  readonly kind: ConceptKind;
  /** Per language, the rows by URI (first row of a URI wins). */
  readonly byLanguage: ReadonlyMap<Locale, ReadonlyMap<string, ConceptRow>>;
  readonly fileNames: ReadonlyMap<Locale, string>;
  /** URIs some file marks obsolete. */
  readonly obsolete: ReadonlySet<string>;
}

function readConceptFiles(
  kind: ConceptKind,
  texts: Partial<Record<Locale, string>>,
  names: Partial<Record<Locale, string>> | undefined,
  warnings: WarningCollector,
): ConceptFiles {
  const byLanguage = new Map<Locale, Map<string, ConceptRow>>();
  const fileNames = new Map<Locale, string>();
  const obsolete = new Set<string>();
  const conceptType = kind === 'skill' ? 'KnowledgeSkillCompetence' : 'Occupation';
  const extraColumn = kind === 'skill' ? 'skillType' : 'iscoGroup';
  const prefix = kind === 'skill' ? 'skills' : 'occupations';

  for (const lang of ESCO_LANGUAGES) {
    const text = texts[lang];
    if (text === undefined) continue;
    const file = names?.[lang] ?? `${prefix}_${lang}.csv`;
    fileNames.set(lang, file);
    const rows = new Map<string, ConceptRow>();
    byLanguage.set(lang, rows);

    let header: readonly string[] = [];
    const onHeader = (names: readonly string[]): void => {
      header = names;
      requireColumns(header, ['conceptUri', 'preferredLabel'], file, `an ESCO ${prefix} file`);
    };
    for (const { line, record, fieldCount } of guard(csvRecords(text, { onHeader }), file)) {
      if (fieldCount !== header.length) {
        warnings.add('ragged-row', file, line, `${fieldCount} fields where the header has ${header.length}`);
      }
      const type = record['conceptType'];
      if (type !== undefined && type.trim() !== conceptType) {
        warnings.add('unexpected-concept-type', file, line, `conceptType ${JSON.stringify(type)} is not ${conceptType}: row skipped`);
        continue;
      }
      const uri = (record['conceptUri'] ?? '').trim();
      if (uri === '') {
        warnings.add('missing-uri', file, line, 'row without conceptUri skipped');
        continue;
      }
      if (idFromUri(uri, kind) === undefined) {
        warnings.add('bad-uri', file, line, `${uri} is not an ESCO ${kind} URI: row skipped`);
        continue;
      }
      if (record['status']?.trim().toLowerCase() === 'obsolete') {
        obsolete.add(uri);
        continue;
      }
      if (rows.has(uri)) {
        warnings.add('duplicate-uri', file, line, `${uri} already read on line ${rows.get(uri)!.line}: row skipped`);
        continue;
      }
      const label = normalizeLabel(record['preferredLabel'] ?? '');
      if (label === '') warnings.add('missing-label', file, line, `${uri} has no preferredLabel`);
      rows.set(uri, { uri, line, label, altLabels: splitAltLabels(record['altLabels'] ?? '', label), extra: (record[extraColumn] ?? '').trim() });
    }
  }
  return { kind, byLanguage, fileNames, obsolete };
}

/** Throws when the header lacks a column the import needs (an empty text has no columns). */
function requireColumns(header: readonly string[], columns: readonly string[], file: string, what: string): void {
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new EscoImportError(`no ${missing.join(', ')} column (header: ${header.join(',') || 'none'}); is this ${what}?`, file);
  }
}

/** Re-throws CSV syntax errors with the file's name; nothing of a broken file is used. */
function* guard<T>(rows: Iterable<T>, file: string): Generator<T, void, undefined> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof CsvParseError) {
      throw new EscoImportError(`not valid CSV: ${error.message}`, file, { cause: error });
    }
    throw error;
  }
}

/** `esco.<uuid>` from `http://data.europa.eu/esco/skill/<uuid>`; undefined when that is not the URI's shape. */
export function idFromUri(uri: string, kind: ConceptKind): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1);
  if (segments.at(-2) !== kind || last === undefined || !ID_SEGMENT.test(last)) return undefined;
  return `esco.${last}`;
}

function normalizeLabel(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/** ESCO puts one alternative label per line; blanks, repeats and the preferred label are dropped. */
function splitAltLabels(value: string, preferred: string): string[] {
  if (value.trim() === '') return [];
  const labels: string[] = [];
  const seen = new Set<string>([preferred]);
  for (const part of value.split(/\r\n|\r|\n/u)) {
    const label = normalizeLabel(part);
    if (label === '' || seen.has(label)) continue;
    seen.add(label);
    labels.push(label);
  }
  return labels;
}

/** The URIs of every language file, minus the obsolete ones, in URI order. */
function mergedUris(files: ConceptFiles): string[] {
  const uris = new Set<string>();
  for (const rows of files.byLanguage.values()) for (const uri of rows.keys()) if (!files.obsolete.has(uri)) uris.add(uri);
  return [...uris].sort(compareStrings);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Labels and alt labels of one concept across the language files, with the rows they came from. */
function mergeTexts(
  files: ConceptFiles,
  uri: string,
): { label: LocalizedText; altLabels: Partial<Record<Locale, string[]>> | undefined; rows: ConceptRow[]; langs: Locale[] } {
  const label: LocalizedText = {};
  let altLabels: Partial<Record<Locale, string[]>> | undefined;
  const rows: ConceptRow[] = [];
  const langs: Locale[] = [];
  for (const [lang, byUri] of files.byLanguage) {
    const row = byUri.get(uri);
    if (row === undefined) continue;
    rows.push(row);
    langs.push(lang);
    if (row.label !== '') label[lang] = row.label;
    if (row.altLabels.length > 0) (altLabels ??= {})[lang] = [...row.altLabels];
  }
  return { label, altLabels, rows, langs };
}

function mergeSkills(files: ConceptFiles, warnings: WarningCollector): Skill[] {
  const skills: Skill[] = [];
  for (const uri of mergedUris(files)) {
    const { label, altLabels, rows, langs } = mergeTexts(files, uri);
    if (Object.keys(label).length === 0) {
      warnings.add('no-label', files.fileNames.get(langs[0]!)!, rows[0]!.line, `skill ${uri} has no label in any language: skipped`);
      continue;
    }
    const skillType = rows.find((row) => row.extra !== '')?.extra.toLowerCase();
    skills.push({
      id: idFromUri(uri, 'skill')!,
      label,
      field: 'other',
      ...(altLabels === undefined ? {} : { altLabels }),
      escoUri: uri,
      kind: skillType === 'knowledge' ? 'knowledge' : 'skill',
    });
  }
  return skills;
}

function mergeOccupations(files: ConceptFiles, warnings: WarningCollector): Occupation[] {
  const occupations: Occupation[] = [];
  for (const uri of mergedUris(files)) {
    const { label, altLabels, rows, langs } = mergeTexts(files, uri);
    const firstFile = files.fileNames.get(langs[0]!)!;
    if (Object.keys(label).length === 0) {
      warnings.add('no-label', firstFile, rows[0]!.line, `occupation ${uri} has no label in any language: skipped`);
      continue;
    }
    let iscoGroup: string | undefined;
    rows.forEach((row, index) => {
      const file = files.fileNames.get(langs[index]!)!;
      if (row.extra === '') return;
      if (!ISCO_UNIT_GROUP.test(row.extra)) {
        warnings.add('bad-isco-group', file, row.line, `iscoGroup ${JSON.stringify(row.extra)} of ${uri} is not a 4-digit ISCO-08 unit group`);
      } else if (iscoGroup === undefined) {
        iscoGroup = row.extra;
      } else if (row.extra !== iscoGroup) {
        warnings.add('conflicting-isco-group', file, row.line, `${uri} is in unit group ${row.extra} here but ${iscoGroup} in an earlier file; ${iscoGroup} kept`);
      }
    });
    if (iscoGroup === undefined) {
      warnings.add('no-isco-group', firstFile, rows[0]!.line, `occupation ${uri} has no valid iscoGroup: skipped`);
      continue;
    }
    occupations.push({
      id: idFromUri(uri, 'occupation')!,
      iscoGroup,
      label,
      ...(altLabels === undefined ? {} : { altLabels }),
      escoUri: uri,
    });
  }
  return occupations;
}

interface RelationLinks {
  readonly rows: number;
  readonly used: number;
  /** Occupation URI → skill id → essential? */
  readonly byOccupation: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
}

function readRelations(
  text: string,
  file: string,
  skillUris: ReadonlySet<string>,
  occupations: readonly Occupation[],
  warnings: WarningCollector,
): RelationLinks {
  const occupationUris = new Set(occupations.map((occupation) => occupation.escoUri!));
  const byOccupation = new Map<string, Map<string, boolean>>();
  let rows = 0;
  let used = 0;
  let header: readonly string[] = [];
  const onHeader = (names: readonly string[]): void => {
    header = names;
    requireColumns(header, ['occupationUri', 'relationType', 'skillUri'], file, "ESCO's occupationSkillRelations file");
  };
  for (const { line, record, fieldCount } of guard(csvRecords(text, { onHeader }), file)) {
    rows += 1;
    if (fieldCount !== header.length) warnings.add('ragged-row', file, line, `${fieldCount} fields where the header has ${header.length}`);
    const occupationUri = (record['occupationUri'] ?? '').trim();
    const skillUri = (record['skillUri'] ?? '').trim();
    const type = (record['relationType'] ?? '').trim().toLowerCase();
    if (occupationUri === '' || skillUri === '') {
      warnings.add('missing-uri', file, line, 'relation without occupationUri or skillUri skipped');
      continue;
    }
    if (type !== 'essential' && type !== 'optional') {
      warnings.add('bad-relation-type', file, line, `relationType ${JSON.stringify(record['relationType'] ?? '')} is neither essential nor optional: skipped`);
      continue;
    }
    if (!occupationUris.has(occupationUri)) {
      warnings.add('unknown-occupation', file, line, `${occupationUri} is not an imported occupation: relation skipped`);
      continue;
    }
    if (!skillUris.has(skillUri)) {
      warnings.add('unknown-skill', file, line, `${skillUri} is not an imported skill: relation skipped`);
      continue;
    }
    used += 1;
    let links = byOccupation.get(occupationUri);
    if (links === undefined) byOccupation.set(occupationUri, (links = new Map()));
    const skillId = idFromUri(skillUri, 'skill')!;
    // Listed twice (essential and optional): essential wins.
    links.set(skillId, links.get(skillId) === true || type === 'essential');
  }
  return { rows, used, byOccupation };
}

/**
 * Our taxonomy keeps skills per ISCO unit group, ESCO per occupation (several per unit group), so
 * the relations are aggregated per unit group:
 * - a skill belongs to the group when at least one of the group's ESCO occupations lists it;
 * - it is essential for the group when it is essential for at least half of the group's
 *   occupations that list it (so a skill essential for one of two occupations that list it is
 *   essential; essential for one of three, optional);
 * - each list is ordered by how many of the group's occupations list the skill (then by how many
 *   hold it essential, then by id) and capped, 30 essential and 50 optional by default, so that a
 *   large group does not carry hundreds of skills that each matter to one occupation. Essential
 *   skills beyond the cap are dropped, not moved to the optional list: for the group they are
 *   neither typical nor optional.
 * Groups without relations get no entry. Entries are in unit-group order.
 */
export function aggregateOccupationSkills(
  occupations: readonly Occupation[],
  byOccupation: ReadonlyMap<string, ReadonlyMap<string, boolean>>,
  caps: { readonly maxEssential: number; readonly maxOptional: number },
): OccupationSkills[] {
  const byGroup = new Map<string, Map<string, { mentions: number; essential: number }>>();
  for (const occupation of occupations) {
    const links = byOccupation.get(occupation.escoUri!);
    if (links === undefined) continue;
    let tally = byGroup.get(occupation.iscoGroup);
    if (tally === undefined) byGroup.set(occupation.iscoGroup, (tally = new Map()));
    for (const [skillId, essential] of links) {
      const entry = tally.get(skillId) ?? { mentions: 0, essential: 0 };
      entry.mentions += 1;
      if (essential) entry.essential += 1;
      tally.set(skillId, entry);
    }
  }

  const result: OccupationSkills[] = [];
  for (const iscoGroup of [...byGroup.keys()].sort(compareStrings)) {
    const ranked = [...byGroup.get(iscoGroup)!].sort(
      ([idA, a], [idB, b]) => b.mentions - a.mentions || b.essential - a.essential || compareStrings(idA, idB),
    );
    const essential = ranked.filter(([, t]) => t.essential * 2 >= t.mentions).map(([id]) => id);
    const optional = ranked.filter(([, t]) => t.essential * 2 < t.mentions).map(([id]) => id);
    result.push({ iscoGroup, essential: essential.slice(0, caps.maxEssential), optional: optional.slice(0, caps.maxOptional) });
  }
  return result;
}
