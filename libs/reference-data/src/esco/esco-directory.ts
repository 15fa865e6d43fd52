/**
 * Reads an unpacked ESCO CSV download into an {@link EscoInput}. This is the only part of the
 * ESCO import that touches the file system, and it is meant for tools (tools/esco-import.mjs)
 * and tests, not for services: the lib itself does no I/O.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale } from '../localized-text.js';
import { ESCO_LANGUAGES, type EscoFileNames, type EscoInput } from './esco-importer.js';

/**
 * ESCO's file names: `skills_en.csv`, `occupations_fr.csv`, `skills_ar.csv`, or a regional variant
 * such as `skills_en-us.csv` (used only when the plain language file is absent);
 * `occupationSkillRelations_en.csv` or `occupationSkillRelations.csv` (else another language's
 * copy: the relations are the same in every language). Names are matched without regard to case.
 */
const CONCEPT_FILE = /^(skills|occupations)_([a-z]{2})(?:[-_]([a-z]{2,8}))?\.csv$/i;
const RELATIONS_FILE = /^occupationSkillRelations(?:_([a-z]{2})(?:[-_][a-z]{2,8})?)?\.csv$/i;

export interface EscoDirectoryInput extends EscoInput {
  /** The files read, relative to the directory. */
  readonly fileNames: EscoFileNames;
}

/**
 * Finds and reads the ESCO files of `dir` (UTF-8). Throws when the directory has neither a skills
 * nor an occupations file for Arabic, English or French.
 */
export async function readEscoDirectory(dir: string | URL): Promise<EscoDirectoryInput> {
  const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const names = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const picked = pickEscoFiles(names);
  if (Object.keys(picked.skills ?? {}).length === 0 && Object.keys(picked.occupations ?? {}).length === 0) {
    throw new Error(
      `${root}: no ESCO skills_<lang>.csv or occupations_<lang>.csv for ${ESCO_LANGUAGES.join(', ')} (found: ${names.join(', ') || 'nothing'})`,
    );
  }

  const read = (name: string): Promise<string> => readFile(path.join(root, name), 'utf8');
  const readAll = async (files: Partial<Record<Locale, string>> | undefined): Promise<Partial<Record<Locale, string>>> => {
    const entries = await Promise.all(Object.entries(files ?? {}).map(async ([lang, name]) => [lang, await read(name)] as const));
    return Object.fromEntries(entries) as Partial<Record<Locale, string>>;
  };
  const [skills, occupations, relations] = await Promise.all([
    readAll(picked.skills),
    readAll(picked.occupations),
    picked.relations === undefined ? undefined : read(picked.relations),
  ]);
  return { skills, occupations, ...(relations === undefined ? {} : { relations }), fileNames: picked };
}

/** Which of `names` (a directory listing) the import reads; exported for tests. */
export function pickEscoFiles(names: readonly string[]): EscoFileNames {
  // Plain language files first, then regional variants in name order.
  const sorted = [...names].sort((a, b) => variantRank(a) - variantRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const skills: Partial<Record<Locale, string>> = {};
  const occupations: Partial<Record<Locale, string>> = {};
  let relations: string | undefined;
  let relationsRank = Infinity;

  for (const name of sorted) {
    const concept = CONCEPT_FILE.exec(name);
    if (concept !== null) {
      const lang = concept[2]!.toLowerCase() as Locale;
      if (!ESCO_LANGUAGES.includes(lang)) continue;
      const target = concept[1]!.toLowerCase() === 'skills' ? skills : occupations;
      target[lang] ??= name;
      continue;
    }
    const relation = RELATIONS_FILE.exec(name);
    if (relation !== null) {
      // English copy first, then the unsuffixed name, then any other language.
      const lang = relation[1]?.toLowerCase();
      const rank = lang === 'en' ? 0 : lang === undefined ? 1 : 2;
      if (rank < relationsRank) {
        relations = name;
        relationsRank = rank;
      }
    }
  }
  // In the importer's language order, whatever the listing's.
  const ordered = (files: Partial<Record<Locale, string>>): Partial<Record<Locale, string>> =>
    Object.fromEntries(ESCO_LANGUAGES.filter((lang) => files[lang] !== undefined).map((lang) => [lang, files[lang]]));
  return { skills: ordered(skills), occupations: ordered(occupations), ...(relations === undefined ? {} : { relations }) };
}

function variantRank(name: string): number {
  const match = CONCEPT_FILE.exec(name) ?? RELATIONS_FILE.exec(name);
  if (match === null) return 2;
  return /^[^_]+_[a-z]{2}[-_]/i.test(name) ? 1 : 0;
}
