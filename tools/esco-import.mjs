#!/usr/bin/env node
// Imports an ESCO CSV download (skills, occupations, occupation–skill relations; Arabic, English,
// French) into a taxonomy snapshot (format olp-taxonomy/v1), the JSON file a service loads through
// TAXONOMY_FILE on top of the built-in taxonomy.
//
//   npx tsc -b libs/reference-data
//   node tools/esco-import.mjs <esco-dir> <out.json> [--created-at=<ISO date>] [--pretty]
//
// It uses the built lib (libs/reference-data/dist), not its sources. The ESCO files are found by
// their ESCO names (skills_en.csv or skills_en-us.csv, skills_fr.csv, skills_ar.csv,
// occupations_<lang>.csv, occupationSkillRelations_en.csv); see libs/reference-data/src/esco.
// Exit status: 0 when written (warnings included), 1 on bad usage or a file that cannot be read.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const USAGE = 'usage: node tools/esco-import.mjs <esco-dir> <out.json> [--created-at=<ISO date>] [--pretty]';
const EXAMPLES_PER_CODE = 3;

function parseArgs(argv) {
  const positional = [];
  const options = { pretty: false, createdAt: undefined };
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--pretty') options.pretty = true;
    else if (arg.startsWith('--created-at=')) options.createdAt = arg.slice('--created-at='.length);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new Error('expected an ESCO directory and an output file');
  if (options.createdAt !== undefined && Number.isNaN(Date.parse(options.createdAt))) {
    throw new Error(`--created-at is not a date: ${options.createdAt}`);
  }
  const createdAt = options.createdAt === undefined ? undefined : new Date(options.createdAt).toISOString();
  return { dir: positional[0], out: positional[1], pretty: options.pretty, createdAt };
}

async function loadLib() {
  const dist = new URL('../libs/reference-data/dist/esco/', import.meta.url);
  try {
    const [importer, directory] = await Promise.all([
      import(new URL('esco-importer.js', dist).href),
      import(new URL('esco-directory.js', dist).href),
    ]);
    return { ...importer, ...directory };
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`the reference-data lib is not built (${error.message}); run: npx tsc -b libs/reference-data`, { cause: error });
    }
    throw error;
  }
}

const seconds = (from) => `${((performance.now() - from) / 1000).toFixed(2)} s`;
const number = (n) => n.toLocaleString('en-US');

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  const { readEscoDirectory, buildTaxonomySnapshot } = await loadLib();
  const started = performance.now();
  const input = await readEscoDirectory(path.resolve(args.dir));
  const files = [
    ...Object.values(input.fileNames.skills ?? {}),
    ...Object.values(input.fileNames.occupations ?? {}),
    ...(input.fileNames.relations === undefined ? [] : [input.fileNames.relations]),
  ];
  console.log(`read ${files.length} files from ${args.dir} in ${seconds(started)}: ${files.join(', ')}`);
  if (input.relations === undefined) console.log('no occupationSkillRelations file: the snapshot has no occupation skills');

  const importing = performance.now();
  const { snapshot, counts, warnings, warningCounts } = buildTaxonomySnapshot(
    input,
    args.createdAt === undefined ? {} : { createdAt: args.createdAt },
  );
  console.log(`imported in ${seconds(importing)}`);

  const writing = performance.now();
  const out = path.resolve(args.out);
  await mkdir(path.dirname(out), { recursive: true });
  const json = `${JSON.stringify(snapshot, null, args.pretty ? 2 : undefined)}\n`;
  // Written next to the target, then renamed: a service never reads a half-written file.
  const partial = `${out}.${process.pid}.partial`;
  await writeFile(partial, json, 'utf8');
  await rename(partial, out);
  console.log(`wrote ${out} (${number(Buffer.byteLength(json))} bytes) in ${seconds(writing)}`);

  const labels = (byLang) => ['ar', 'en', 'fr'].map((lang) => `${lang} ${number(byLang[lang])}`).join(', ');
  console.log(
    [
      `skills:      ${number(counts.skills)} (${number(counts.knowledgeSkills)} knowledge; ${number(counts.obsoleteSkills)} obsolete left out); labels ${labels(counts.skillLabels)}`,
      `occupations: ${number(counts.occupations)} in ${number(counts.iscoUnitGroups)} ISCO unit groups (${number(counts.obsoleteOccupations)} obsolete left out); labels ${labels(counts.occupationLabels)}`,
      `relations:   ${number(counts.relationsUsed)} of ${number(counts.relationRows)} rows used; skills for ${number(counts.occupationSkillGroups)} unit groups`,
    ].join('\n'),
  );

  const codes = Object.entries(warningCounts);
  if (codes.length === 0) {
    console.log('warnings:    none');
  } else {
    const total = codes.reduce((sum, [, n]) => sum + n, 0);
    console.log(`warnings:    ${number(total)}`);
    for (const [code, n] of codes) {
      console.log(`  ${code}: ${number(n)}`);
      for (const w of warnings.filter((x) => x.code === code).slice(0, EXAMPLES_PER_CODE)) {
        console.log(`    ${w.file}${w.line === undefined ? '' : `:${w.line}`}: ${w.message}`);
      }
      if (n > EXAMPLES_PER_CODE) console.log(`    … ${number(n - EXAMPLES_PER_CODE)} more`);
    }
  }
  console.log(`done in ${seconds(started)}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`esco-import: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
