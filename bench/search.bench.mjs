// Vacancy search benchmark: GET /api/v1/vacancies through the real gateway and vacancies service
// (built, each its own child process, over NATS) against 100,000 published vacancies, with ~1,400
// distinct searches requested with a Zipf-like popularity at 50 connections (autocannon); beside
// it, in the same run, the very same search code and SQL (the built `VacancySearch`, on a pg pool,
// no gateway, no NATS, no cache) at 50 concurrent callers over the same sequence, and the ratio.
// The gateway is measured with its caches as configured (the gateway's response cache,
// SEARCH_RESPONSE_CACHE_TTL_MS, and the service's SEARCH_CACHE_TTL_MS; hit ratio read from the
// gateway's /metrics) and with both off (both restarted), plus its ceiling: one search repeated,
// every request a cache hit. Also the latency of a few searches one at a time. Prints req/s,
// p50/p99, non-2xx, CPU per process and PASS/MISS against the target (p99 under 50 ms and at least
// 1,500 req/s through the gateway on 2 cores). Figures only: exit 0 unless the run itself broke.
// See bench/README.md.
//
//   npm run bench:search            (builds first; needs PostgreSQL and NATS JetStream)
//
// Uses DATABASE_URL (superuser; a throw-away database is created and dropped; the service role
// `olp_vacancies` is shared with the tests and `npm start`, so it is left in place) and NATS_URL
// (streams under a random prefix, deleted afterwards); defaults 127.0.0.1.
// Knobs: BENCH_VACANCIES=100000  BENCH_EMPLOYERS=3000  BENCH_SEED=1  BENCH_DURATION_S=10  BENCH_WARMUP_S=3
//        BENCH_CONNECTIONS=50  BENCH_SQL_POOL=10  BENCH_PROBE_SAMPLES=15  BENCH_TIMEOUT_S=1200
//        BENCH_KEEP_DB=1 keep the seeded database (its name is printed) for EXPLAIN; drop it yourself
//        BENCH_DATABASE=<name> reuse such a kept database (no seeding; it is kept again)
//        BENCH_VACANCIES_DIST=apps/vacancies/dist  BENCH_GATEWAY_DIST=apps/gateway/dist  the builds to measure
//        BENCH_ZIPF_S=1  the popularity exponent (0: every search equally often)
//        BENCH_GATEWAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=.data/prof'  node arguments of the gateway
//        BENCH_CHANGES_PER_S=0  during the caches-on phase, edit this many published vacancies a second
//                   (through SQL; each changes the search generation, as publishing or closing would)
//        BENCH_QUIET_WAIT_S=60  before each measured phase, wait up to this long for the machine to be
//                   ≥ 85 % idle (it is shared: other people's builds and tests skew the figures)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createServiceDataSource, redactUrl, withCredentials, withDatabase } from '@olp/persistence';
import { createTestDatabase, deleteTestStreams, freePort, randomSuffix, testNatsUrl, testPostgresAdminUrl } from '@olp/testing';
import { Cleanup, cpuSnapshot, cpuUse, envInt, fmt, latencySummary, machineSummary, printTable, processCpuSeconds, sleep } from './lib/bench-utils.mjs';
import { describe, firstPages, laterPages, popularity, searchPath } from './lib/search-mix.mjs';
import { httpGet, startService } from './lib/service-process.mjs';
import { createCorpus, insertEmployers, insertVacancies } from './lib/vacancy-corpus.mjs';

const TARGET = { p99Ms: 50, reqPerS: 1500 };
const ROLE = 'olp_vacancies';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Another build of the vacancies service can be measured (e.g. the previous commit's, built elsewhere).
const VACANCIES_DIST = path.resolve(ROOT, process.env['BENCH_VACANCIES_DIST'] || 'apps/vacancies/dist');
const VACANCIES_MAIN = path.join(VACANCIES_DIST, 'main.js');
const GATEWAY_DIST = path.resolve(ROOT, process.env['BENCH_GATEWAY_DIST'] || 'apps/gateway/dist');
const GATEWAY_MAIN = path.join(GATEWAY_DIST, 'main.js');
const SEARCH_MODULE = path.join(VACANCIES_DIST, 'search/vacancy-search.js');
const CACHE_MODULE = path.join(VACANCIES_DIST, 'search/search-cache.js');
const CONFIG_MODULE = path.join(VACANCIES_DIST, 'vacancies.config.js');

const cfg = {
  vacancies: Math.max(1, envInt('BENCH_VACANCIES', 100_000)),
  employers: Math.max(120, envInt('BENCH_EMPLOYERS', 3_000)),
  seed: envInt('BENCH_SEED', 1),
  durationS: Math.max(1, envInt('BENCH_DURATION_S', 10)),
  warmupS: envInt('BENCH_WARMUP_S', 3),
  connections: Math.max(1, envInt('BENCH_CONNECTIONS', 50)),
  sqlPool: Math.max(1, envInt('BENCH_SQL_POOL', 10)),
  probeSamples: envInt('BENCH_PROBE_SAMPLES', 15),
  quietWaitS: envInt('BENCH_QUIET_WAIT_S', 60),
  changesPerS: Number(process.env['BENCH_CHANGES_PER_S'] ?? 0),
  timeoutS: envInt('BENCH_TIMEOUT_S', 1200),
  zipfS: Number(process.env['BENCH_ZIPF_S'] ?? 1),
  keepDb: process.env['BENCH_KEEP_DB'] === '1' || Boolean(process.env['BENCH_DATABASE']),
  database: process.env['BENCH_DATABASE'] || '',
};

/** One-at-a-time latency of a few named searches (uncached), to see which shapes cost what. */
const PROBES = [
  ['browse, newest first', {}],
  ['country SA', { country: ['SA'] }],
  ['occupation 21', { occupation: '21' }],
  ['open to JO, remote', { openTo: 'JO', workMode: ['remote'] }],
  ['q engineer (relevance)', { q: 'engineer' }],
  ['q engineer, recency', { q: 'engineer', sort: 'recency' }],
  ['q مهندس (relevance)', { q: 'مهندس' }],
  ['q ingenieur civil', { q: 'ingenieur civil' }],
  ['q pharmacist hospital', { q: 'pharmacist hospital' }],
  ['q nurse + country EG', { q: 'nurse', country: ['EG'] }],
];

const cleanup = new Cleanup();
cleanup.deadline(cfg.timeoutS * 1000, 'the search benchmark');

async function main() {
  for (const file of [VACANCIES_MAIN, GATEWAY_MAIN, SEARCH_MODULE]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} does not exist: run \`npm run build\` first (npm run bench:search does)`);
  }
  const [{ VacancySearch }, { SearchCache }, { VacanciesConfig }] = await Promise.all([import(SEARCH_MODULE), import(CACHE_MODULE), import(CONFIG_MODULE)]);
  const vacanciesDefaults = new VacanciesConfig();
  const defaultTtl = vacanciesDefaults.SEARCH_CACHE_TTL_MS;
  const configuredTtl = process.env['SEARCH_CACHE_TTL_MS'] ? Number(process.env['SEARCH_CACHE_TTL_MS']) : defaultTtl;

  console.log(`# search benchmark — ${machineSummary()}`);
  if (VACANCIES_DIST !== path.join(ROOT, 'apps/vacancies/dist')) console.log(`vacancies service: ${VACANCIES_DIST} (BENCH_VACANCIES_DIST)`);
  if (GATEWAY_DIST !== path.join(ROOT, 'apps/gateway/dist')) console.log(`gateway: ${GATEWAY_DIST} (BENCH_GATEWAY_DIST)`);
  console.log(`PostgreSQL ${redactUrl(testPostgresAdminUrl())}, NATS ${testNatsUrl()}`);

  // ---- database: our own, seeded (or a kept one) ------------------------------------------------
  let db;
  if (cfg.database) {
    const adminUrl = withDatabase(testPostgresAdminUrl(), cfg.database);
    db = { name: cfg.database, adminUrl, serviceUrl: (role) => withCredentials(adminUrl, role, `${role}_dev`) };
    console.log(`reusing database ${db.name} (BENCH_DATABASE; kept afterwards)`);
  } else {
    const created = await createTestDatabase('searchbench');
    db = created;
    if (cfg.keepDb) console.log(`keeping database ${db.name} afterwards (BENCH_KEEP_DB=1)`);
    else cleanup.add('drop database', () => created.drop());
  }
  const admin = new pg.Pool({ connectionString: db.adminUrl, max: 2 });
  admin.on('error', () => undefined); // dropping the database ends idle connections
  cleanup.add('close admin pool', () => admin.end());
  const serviceUrl = db.serviceUrl(ROLE);
  const server = (
    await admin.query(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
              current_setting('effective_cache_size') AS effective_cache_size, current_setting('work_mem') AS work_mem,
              current_setting('random_page_cost') AS random_page_cost, current_setting('jit') AS jit,
              current_setting('max_parallel_workers_per_gather') AS parallel`,
    )
  ).rows[0];
  console.log(
    `PostgreSQL ${server.version}: shared_buffers=${server.shared_buffers}, effective_cache_size=${server.effective_cache_size}, ` +
      `work_mem=${server.work_mem}, random_page_cost=${server.random_page_cost}, jit=${server.jit}, ` +
      `max_parallel_workers_per_gather=${server.parallel} (the server's settings; neither the service nor the bench changes them)`,
  );

  const prefix = `bench-${randomSuffix()}.`;
  cleanup.add('delete streams', () => deleteTestStreams(prefix));

  // ---- the vacancies service migrates its schema --------------------------------------------------
  const vacanciesPort = await freePort();
  const startVacancies = (ttl) =>
    startService({
      label: `vacancies (SEARCH_CACHE_TTL_MS=${ttl ?? configuredTtl})`,
      main: VACANCIES_MAIN,
      cwd: ROOT,
      cleanup,
      readyUrl: `http://127.0.0.1:${vacanciesPort}/health/ready`,
      env: {
        DATABASE_URL: serviceUrl,
        DATABASE_ADMIN_URL: db.adminUrl,
        NATS_URL: testNatsUrl(),
        MESSAGING_PREFIX: prefix,
        PORT: String(vacanciesPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEARCH_CACHE_TTL_MS: ttl === undefined ? process.env['SEARCH_CACHE_TTL_MS'] : String(ttl),
      },
    });
  let vacancies = await startVacancies(undefined);
  console.log(`vacancies: pid ${vacancies.pid}, schema migrated (database ${db.name}, role ${ROLE}, MESSAGING_PREFIX=${prefix})`);

  // ---- seed ------------------------------------------------------------------------------------
  const existing = Number((await admin.query('SELECT count(*) AS n FROM vacancies.vacancies')).rows[0].n);
  if (existing === 0) await seed(admin);
  else console.log(`${fmt(existing)} vacancies already there: not seeding`);
  const stats = (
    await admin.query(
      `SELECT count(*) FILTER (WHERE status = 'published' AND closing_date >= current_date) AS open,
              count(DISTINCT country) AS countries, count(DISTINCT isco_major) AS majors, count(DISTINCT isco_code) AS units,
              pg_size_pretty(pg_table_size('vacancies.vacancies')) AS heap, pg_size_pretty(pg_indexes_size('vacancies.vacancies')) AS indexes
       FROM vacancies.vacancies`,
    )
  ).rows[0];
  console.log(
    `${fmt(Number(stats.open))} open published vacancies: ${stats.countries} countries, ${stats.majors} ISCO major groups, ${stats.units} unit groups; ` +
      `table ${stats.heap} (with TOAST), indexes ${stats.indexes}`,
  );

  // ---- the gateway -------------------------------------------------------------------------------
  const gatewayPort = await freePort();
  const base = `http://127.0.0.1:${gatewayPort}`;
  const startGateway = (responseTtl) =>
    startService({
      label: `gateway (SEARCH_RESPONSE_CACHE_TTL_MS=${responseTtl ?? 'default'})`,
      main: GATEWAY_MAIN,
      cwd: ROOT,
      cleanup,
      readyUrl: `${base}/health/live`,
      env: {
        PORT: String(gatewayPort),
        HOST: '127.0.0.1',
        NATS_URL: testNatsUrl(),
        MESSAGING_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '1000000',
        SEARCH_RESPONSE_CACHE_TTL_MS: responseTtl === undefined ? process.env['SEARCH_RESPONSE_CACHE_TTL_MS'] : String(responseTtl),
      },
      // e.g. `--cpu-prof --cpu-prof-dir=.data/prof` to profile the gateway (written when it stops).
      nodeArgs: (process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    });
  let gateway = await startGateway(undefined);
  // The gateway's response cache (absent in builds before it): its TTLs, and its outcome counter in /metrics.
  const responseCache = await gatewayCacheSettings();
  console.log(
    `gateway: pid ${gateway.pid} on ${base}; response cache ${responseCache ? `TTL ${responseCache.ttl} ms + stale ${responseCache.stale} ms` : 'absent in this build'}`,
  );

  // ---- the request mix: first pages, then later pages through their cursors ------------------------
  const fetchJson = async (entry) => {
    const res = await httpGet(`${base}${searchPath(entry)}`);
    if (res.status !== 200) throw new Error(`GET ${searchPath(entry)} → ${res.status}: ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body);
  };
  const fetchAll = async (entries) => {
    const out = new Array(entries.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < entries.length) {
          const i = next++;
          out[i] = [entries[i], await fetchJson(entries[i])];
        }
      }),
    );
    return out;
  };
  const first = firstPages();
  const fetched = await fetchAll(first);
  const later = await laterPages(fetched, fetchJson);
  const mix = [...first, ...later];
  fetched.push(...(await fetchAll(later)));
  const paths = mix.map(searchPath);
  const kinds = new Map();
  for (const entry of mix) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
  const order = popularity(mix, { seed: cfg.seed, s: cfg.zipfS });
  const drawn = new Map();
  for (const i of order) drawn.set(i, (drawn.get(i) ?? 0) + 1);
  const shares = [...drawn.values()].sort((a, b) => b - a);
  const share = (n) => `${fmt((shares.slice(0, n).reduce((a, b) => a + b, 0) / order.length) * 100)} %`;
  const kindShare = new Map();
  for (const i of order) kindShare.set(mix[i].kind.replace(/ \(.*/, ''), (kindShare.get(mix[i].kind.replace(/ \(.*/, '')) ?? 0) + 1);
  console.log(
    `\nrequest mix: ${mix.length} distinct searches (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), every one answered 200 once.\n` +
      `Requests follow a Zipf popularity (exponent ${cfg.zipfS}, seeded): the most popular search is ${share(1)} of requests, the top 10 ${share(10)}, ` +
      `the top 100 ${share(100)}; by kind: ${[...kindShare].map(([k, n]) => `${k} ${fmt((n / order.length) * 100)} %`).join(', ')}. ` +
      `Every connection takes the next request of one shared sequence of ${fmt(order.length)}.`,
  );

  // ---- the same search code and SQL, directly on PostgreSQL ---------------------------------------------
  const dataSource = createServiceDataSource({ url: serviceUrl, schema: 'vacancies', entities: [], migrations: [], poolSize: cfg.sqlPool, applicationName: 'olp-searchbench-sql' });
  await dataSource.initialize();
  cleanup.add('close SQL data source', () => (dataSource.isInitialized ? dataSource.destroy() : undefined));
  const direct = new VacancySearch(dataSource, new SearchCache({ SEARCH_CACHE_TTL_MS: 0 }), { ...vacanciesDefaults, SEARCH_CACHE_TTL_MS: 0 });
  // Broad or narrow by the true number of matches: since the bounded work, `total` stops at the
  // candidate limit (totalIsLowerBound), so those searches are counted again without the limit.
  const open = Number(stats.open);
  const exact = new VacancySearch(dataSource, new SearchCache({ SEARCH_CACHE_TTL_MS: 0 }), { ...vacanciesDefaults, SEARCH_CACHE_TTL_MS: 0, SEARCH_CANDIDATE_LIMIT: 10_000_000 });
  const totals = new Map();
  for (const [entry, result] of fetched) {
    if (!entry.request.q || entry.request.cursor) continue;
    totals.set(entry, result.totalIsLowerBound ? (await exact.search({ ...entry.request, cursor: undefined }, entry.lang)).total : result.total);
  }
  for (const entry of mix) {
    const first = entry.request.cursor ? undefined : entry;
    if (first && (entry.kind === 'text' || entry.kind === 'text + filters')) entry.kind += (totals.get(entry) ?? 0) >= open * 0.05 ? ' (≥ 5 % match)' : ' (< 5 % match)';
  }
  const broad = [...totals].sort((a, b) => b[1] - a[1]);
  console.log(`broadest text searches (all matches): ${broad.slice(0, 6).map(([e, n]) => `${describe(e)} ${fmt(n)}`).join('; ')}`);
  const kindsNow = new Map();
  for (const entry of mix) kindsNow.set(entry.kind, (kindsNow.get(entry.kind) ?? 0) + 1);
  console.log(`by breadth: ${[...kindsNow].map(([k, n]) => `${n} ${k}`).join(', ')}`);

  // Same answers as through the gateway (first pages; the service's cache is at most seconds old and nothing changed).
  for (const [entry, result] of fetched.filter((_, i) => i % 7 === 0)) {
    const mine = await direct.search(entry.request, entry.lang);
    if (mine.total !== result.total || JSON.stringify(mine.items.map((i) => i.id)) !== JSON.stringify(result.items.map((i) => i.id))) {
      throw new Error(`direct VacancySearch and the gateway disagree on ${describe(entry)}`);
    }
  }

  const rows = [];
  console.log(`\n## direct SQL: VacancySearch (built) on a pg pool of ${cfg.sqlPool}, ${cfg.connections} concurrent callers, no cache`);
  if (cfg.warmupS > 0) await sqlLoad(direct, mix, order, cfg.warmupS);
  const sql = await measured(() => sqlLoad(direct, mix, order, cfg.durationS), { gateway: gateway.pid, vacancies: vacancies.pid });
  rows.push({ label: `direct SQL (pool ${cfg.sqlPool}, no cache)`, ...sql.result, cpu: sql.cpu });
  printKinds(sql.result.byKind);
  const sqlProbes = cfg.probeSamples > 0 ? await probe((request) => direct.search(request, 'en')) : undefined;

  // ---- through the gateway, cache as configured ---------------------------------------------------------
  const cannon = (seconds) => gatewayLoad(base, paths, order, seconds);
  // With a response cache, the warm-up lasts one TTL and the measurement two, so entries expire and
  // are refreshed while measured: the steady state, not a cache filled once.
  const cachedWarmupS = Math.max(cfg.warmupS, responseCache ? Math.ceil(responseCache.ttl / 1000) : 0);
  const cachedDurationS = Math.max(cfg.durationS, responseCache ? Math.ceil((2 * responseCache.ttl) / 1000) : 0);
  const changesLabel = cfg.changesPerS > 0 ? `, ${cfg.changesPerS} changes/s` : '';
  const cachedLabel = `gateway, caches on${responseCache ? ` (gateway ${fmt(responseCache.ttl / 1000)}+${fmt(responseCache.stale / 1000)} s,` : ' (no gateway cache,'} service ${fmt(configuredTtl / 1000)} s${changesLabel})`;
  console.log(`\n## ${cachedLabel}: ${cachedWarmupS} s warm-up, ${cachedDurationS} s measured`);
  const stopChanges = cfg.changesPerS > 0 ? await startChanges(admin, cfg.changesPerS) : async () => 0;
  if (cachedWarmupS > 0) await cannon(cachedWarmupS);
  const outcomesBefore = responseCache ? await cacheOutcomes(base) : undefined;
  const serverBefore = await serverLatency(base);
  const cached = await measured(() => cannon(cachedDurationS), { gateway: gateway.pid, vacancies: vacancies.pid });
  const outcomes = responseCache ? diffOutcomes(outcomesBefore, await cacheOutcomes(base)) : undefined;
  const changes = await stopChanges();
  if (changes > 0) console.log(`${fmt(changes)} vacancies edited during the warm-up and the measurement (BENCH_CHANGES_PER_S=${cfg.changesPerS})`);
  if (outcomes) console.log(`gateway response cache: ${describeOutcomes(outcomes)}`);
  console.log(`inside the gateway (its own histogram, from request to response): ${describeServerLatency(serverBefore, await serverLatency(base))}`);
  rows.push({ label: cachedLabel, ...cached.result, cpu: cached.cpu, outcomes });
  // The ceiling without the database: one search over and over, every request a cache hit.
  let ceiling;
  if (configuredTtl > 0) {
    const one = [searchPath({ request: { q: 'engineer' }, lang: 'en' })];
    console.log(`\n## gateway, one search repeated (${one[0]}): every request a cache hit, the database idle`);
    ceiling = await measured(() => gatewayLoad(base, one, [0], cfg.durationS), { gateway: gateway.pid, vacancies: vacancies.pid });
    ceiling = { label: 'gateway, 1 search, all cache hits', ...ceiling.result, cpu: ceiling.cpu };
  }

  // ---- through the gateway, no cache -------------------------------------------------------------
  await vacancies.stop();
  vacancies = await startVacancies(0);
  await gateway.stop();
  gateway = await startGateway(0);
  console.log(`\n## gateway, caches off (SEARCH_RESPONSE_CACHE_TTL_MS=0 and SEARCH_CACHE_TTL_MS=0; restarted, pids ${gateway.pid} and ${vacancies.pid})`);
  if (cfg.warmupS > 0) await cannon(cfg.warmupS);
  const uncached = await measured(() => cannon(cfg.durationS), { gateway: gateway.pid, vacancies: vacancies.pid });
  rows.push({ label: 'gateway, caches off', ...uncached.result, cpu: uncached.cpu });
  const gatewayProbes = cfg.probeSamples > 0 ? await probe((request) => fetchJson({ request, lang: 'en' })) : undefined;

  // ---- report ----------------------------------------------------------------------------------
  const [sqlRow, cachedRow, uncachedRow] = rows;
  console.log(`\n## results (${fmt(open)} vacancies, ${mix.length} distinct searches, Zipf ${cfg.zipfS}, ${cfg.connections} connections/callers)`);
  const pct = (x) => `${fmt(x * 100)}%`;
  printTable([
    ['path', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'errors', 'gateway', 'vacancies', 'postgres', 'nats', 'bench', 'others', 'machine'],
    ...[cachedRow, uncachedRow, sqlRow, ...(ceiling ? [ceiling] : [])].map((r) => [
      r.label,
      fmt(r.rate),
      fmt(r.p50, 1),
      fmt(r.p99, 1),
      fmt(r.max, 1),
      fmt(r.count),
      r.non2xx === undefined ? '-' : fmt(r.non2xx),
      fmt(r.errors),
      pct(r.cpu.gateway),
      pct(r.cpu.vacancies),
      pct(r.cpu.postgres),
      pct(r.cpu.nats),
      pct(r.cpu.bench),
      pct(r.cpu.others),
      pct(r.cpu.machine),
    ]),
    ['ratio gateway (caches off) / SQL', `${fmt(uncachedRow.rate / sqlRow.rate, 2)}×`, `${fmt(uncachedRow.p50 / sqlRow.p50, 2)}×`, `${fmt(uncachedRow.p99 / sqlRow.p99, 2)}×`, '', '', '', '', '', '', '', '', '', '', ''],
    ['ratio gateway (caches on) / SQL', `${fmt(cachedRow.rate / sqlRow.rate, 2)}×`, `${fmt(cachedRow.p50 / sqlRow.p50, 2)}×`, `${fmt(cachedRow.p99 / sqlRow.p99, 2)}×`, '', '', '', '', '', '', '', '', '', '', ''],
  ]);
  console.log(
    'CPU columns: % of one core over the measured run (machine: of all its cores). "bench" is this process: autocannon for the gateway rows, ' +
      'VacancySearch + pg for the SQL row; "others": the rest of the machine (other users, the kernel). postgres counts every backend, other users\' too.',
  );
  console.log(
    cachedRow.outcomes
      ? `Gateway response cache during the cached row: ${describeOutcomes(cachedRow.outcomes)}. A stale answer starts one background ` +
          'revalidation (kept without a search while the search generation is unchanged or no change since concerns the search, else searched again; builds before it always searched again); ' +
          'misses and joins waited for the service. The caches-off row is the floor: every request computed. Nothing changes the vacancies during the run.'
      : 'This gateway build has no response cache: every request of the cached row went to the service, whose cache answered repeats within its TTL.',
  );
  if (sqlProbes && gatewayProbes) {
    console.log(`\n## one search at a time, uncached (${cfg.probeSamples} samples each; gateway = service with TTL 0)`);
    printTable([
      ['search', 'matches', 'SQL p50', 'SQL p99', 'gateway p50', 'gateway p99'],
      ...PROBES.map(([name], i) => [name, sqlProbes[i].total, fmt(sqlProbes[i].p50, 1), fmt(sqlProbes[i].p99, 1), fmt(gatewayProbes[i].p50, 1), fmt(gatewayProbes[i].p99, 1)]),
    ]);
  }
  console.log('\n## target: p99 < 50 ms and ≥ 1,500 req/s through the gateway, 2 cores (the load generator shares them)');
  for (const r of [cachedRow, uncachedRow]) {
    const pass = r.p99 < TARGET.p99Ms && r.rate >= TARGET.reqPerS && !r.non2xx && !r.errors;
    console.log(`${r.label}: ${pass ? 'PASS' : 'MISS'} (${fmt(r.rate)} req/s, p99 ${fmt(r.p99, 1)} ms${r.non2xx || r.errors ? `, ${fmt(r.non2xx + r.errors)} failed` : ''})`);
  }
  for (const [label, service] of [['vacancies', vacancies], ['gateway', gateway]]) {
    if (service.child.exitCode !== null) console.log(`WARNING: ${label} exited during the run:\n${service.output.join('\n')}`);
  }
}

/** The gateway build's response cache settings (defaults, or the environment's), or undefined if it has none. */
async function gatewayCacheSettings() {
  const { GatewayConfig } = await import(path.join(GATEWAY_DIST, 'gateway.config.js'));
  const defaults = new GatewayConfig();
  if (defaults.SEARCH_RESPONSE_CACHE_TTL_MS === undefined) return undefined;
  const ttl = Number(process.env['SEARCH_RESPONSE_CACHE_TTL_MS'] ?? defaults.SEARCH_RESPONSE_CACHE_TTL_MS);
  if (ttl === 0) return undefined;
  return { ttl, stale: Number(process.env['SEARCH_RESPONSE_CACHE_STALE_MS'] ?? defaults.SEARCH_RESPONSE_CACHE_STALE_MS) };
}

/**
 * Edits published vacancies at `perS` a second until stopped (their `positions`, which search does
 * not show but which changes the search generation like any edit): the write side of a live
 * platform. Returns a function that stops and tells how many edits were made.
 */
async function startChanges(admin, perS) {
  const ids = (await admin.query(`SELECT id FROM vacancies.vacancies WHERE status = 'published' ORDER BY id LIMIT 1000`)).rows.map((r) => r.id);
  let made = 0;
  let running = Promise.resolve();
  const timer = setInterval(() => {
    const id = ids[made % ids.length];
    made++;
    running = running.then(() => admin.query('UPDATE vacancies.vacancies SET positions = positions % 50 + 1 WHERE id = $1', [id])).catch(() => undefined);
  }, 1000 / perS);
  return async () => {
    clearInterval(timer);
    await running;
    return made;
  };
}

/** The gateway's response cache outcomes so far, from its /metrics. */
async function cacheOutcomes(base) {
  const res = await httpGet(`${base}/metrics`);
  // Request outcomes, and (builds with change-aware revalidation) how stale entries were revalidated.
  const out = { hit: 0, stale: 0, revalidated: 0, joined: 0, miss: 0, unchanged: 0, unaffected: 0, recomputed: 0, failed: 0 };
  for (const line of res.body.split('\n')) {
    const m =
      /^olp_search_response_cache_requests_total\{[^}]*outcome="(\w+)"[^}]*\} (\d+(?:\.\d+)?)/.exec(line) ??
      /^olp_search_response_cache_revalidations_total\{[^}]*result="(\w+)"[^}]*\} (\d+(?:\.\d+)?)/.exec(line);
    if (m && m[1] in out) out[m[1]] = Number(m[2]);
  }
  return out;
}

/** The gateway's own latency histogram of the search route (cumulative counts per bucket, seconds). */
async function serverLatency(base) {
  const res = await httpGet(`${base}/metrics`);
  const buckets = new Map();
  for (const line of res.body.split('\n')) {
    if (!line.startsWith('olp_http_request_duration_seconds_bucket{') || !line.includes('route="/api/v1/vacancies"') || !line.includes('method="GET"')) continue;
    const m = /le="([^"]+)".*\} (\d+)/.exec(line);
    if (m) buckets.set(m[1], (buckets.get(m[1]) ?? 0) + Number(m[2]));
  }
  return buckets;
}

function describeServerLatency(before, after) {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  if (!total) return 'no samples';
  const upTo = (le) => ((after.get(le) ?? 0) - (before.get(le) ?? 0)) / total;
  return ['0.001', '0.005', '0.025', '0.1', '0.5'].map((le) => `${fmt(upTo(le) * 100, 1)} % ≤ ${fmt(Number(le) * 1000)} ms`).join(', ') + ` (${fmt(total)} requests)`;
}

function diffOutcomes(before, after) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
}

function describeOutcomes(o) {
  const total = o.hit + o.stale + o.revalidated + o.joined + o.miss;
  const pct = (n) => `${fmt((n / Math.max(1, total)) * 100, 1)} %`;
  const revalidated = o.unchanged + o.unaffected + o.recomputed + o.failed;
  return (
    `${pct(o.hit + o.stale)} answered from memory (${pct(o.hit)} fresh, ${pct(o.stale)} stale while revalidating), ${pct(o.revalidated)} expired and revalidated while waiting, ${pct(o.joined)} joined a computation in flight, ${pct(o.miss)} misses (${fmt(total)} requests); ` +
    `${fmt(revalidated)} revalidations: ${fmt(o.unchanged + o.unaffected)} kept without a search (${fmt(o.unchanged)} search generation unchanged, ${fmt(o.unaffected)} no change since concerns the search), ${fmt(o.recomputed)} searched again, ${fmt(o.failed)} failed`
  );
}

/** Employers and vacancies in chunks, two statements at a time, then VACUUM ANALYZE. */
async function seed(admin) {
  const started = performance.now();
  const corpus = createCorpus({ seed: cfg.seed });
  const employers = corpus.employers(cfg.employers);
  await insertEmployers((sql, params) => admin.query(sql, params), employers);
  const chunk = 2_000;
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < cfg.vacancies) {
      const n = Math.min(chunk, cfg.vacancies - next);
      next += n;
      await insertVacancies((sql, params) => admin.query(sql, params), corpus.vacancies(n, employers));
      done += n;
      process.stdout.write(`\rseeding: ${fmt(done)} / ${fmt(cfg.vacancies)} vacancies`);
    }
  };
  await Promise.all([worker(), worker()]);
  process.stdout.write('\n');
  await admin.query('VACUUM ANALYZE vacancies.employers');
  await admin.query('VACUUM ANALYZE vacancies.vacancies');
  console.log(`seeded ${fmt(cfg.employers)} employers and ${fmt(cfg.vacancies)} vacancies (seed ${cfg.seed}) + VACUUM ANALYZE in ${fmt((performance.now() - started) / 1000, 1)} s`);
}

/** `connections` callers run the mix in turn for `seconds` against VacancySearch directly. */
async function sqlLoad(search, mix, order, seconds) {
  const latencies = [];
  const byKind = new Map();
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: cfg.connections }, async () => {
      while (performance.now() < deadline) {
        const entry = mix[order[next++ % order.length]];
        const t0 = performance.now();
        try {
          await search.search(entry.request, entry.lang);
          const ms = performance.now() - t0;
          latencies.push(ms);
          if (!byKind.has(entry.kind)) byKind.set(entry.kind, []);
          byKind.get(entry.kind).push(ms);
        } catch (error) {
          if (errors++ === 0) console.error(`direct search failed: ${error?.message ?? error}`);
        }
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  return { count: latencies.length, rate: latencies.length / wall, ...latencySummary(latencies), errors, byKind };
}

/** autocannon over the mix: every request takes the next path of `order`, across all connections. */
function gatewayLoad(base, paths, order, seconds) {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: cfg.connections,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              request.path = paths[order[next++ % order.length]];
              return request;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          count: result.requests.total,
          rate: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    const stop = cleanup.add('stop autocannon', () => instance.stop());
    instance.once('done', () => {
      stop.done = true;
    });
  });
}

/** Waits (up to BENCH_QUIET_WAIT_S) until the machine has been ≥ 85 % idle for 2 s; says so when it never was. */
async function quiet() {
  const deadline = performance.now() + cfg.quietWaitS * 1000;
  let busy;
  do {
    const before = cpuSnapshot([]);
    await sleep(2_000);
    busy = cpuUse(before, cpuSnapshot([])).machineBusy;
    if (!(busy > 0.15)) return; // NaN (no /proc) counts as quiet
  } while (performance.now() < deadline);
  console.log(`NOTE: the machine stayed ${fmt(busy * 100)}% busy before this phase (other users): figures may be low`);
}

/** Runs `work`, measuring the CPU of the child processes, PostgreSQL, NATS, this process and the machine. */
async function measured(work, pids) {
  await quiet();
  const names = ['postgres', 'nats-server'];
  const before = { snap: cpuSnapshot(names), gateway: processCpuSeconds(pids.gateway), vacancies: processCpuSeconds(pids.vacancies), self: process.cpuUsage() };
  const result = await work();
  if (cleanup.stopping) throw new Error('stopped'); // SIGINT/SIGTERM: no figures from a cut-short phase
  const after = { snap: cpuSnapshot(names), gateway: processCpuSeconds(pids.gateway), vacancies: processCpuSeconds(pids.vacancies), self: process.cpuUsage(before.self) };
  const use = cpuUse(before.snap, after.snap);
  const cpu = {
    gateway: (after.gateway - before.gateway) / use.wall,
    vacancies: (after.vacancies - before.vacancies) / use.wall,
    postgres: use.byName.postgres,
    nats: use.byName['nats-server'],
    bench: (after.self.user + after.self.system) / 1e6 / use.wall,
    machine: use.machineBusy,
  };
  // What the machine did besides the processes above: other people's processes, the kernel.
  cpu.others = use.busyCores - cpu.gateway - cpu.vacancies - cpu.postgres - cpu.nats - cpu.bench;
  const line = result.non2xx === undefined ? '' : `, non-2xx ${fmt(result.non2xx)}`;
  console.log(
    `${fmt(result.rate)} req/s, p50 ${fmt(result.p50, 1)} ms, p99 ${fmt(result.p99, 1)} ms, ${fmt(result.count)} requests${line}, errors ${fmt(result.errors)}; ` +
      `CPU (% of one core): gateway ${fmt(cpu.gateway * 100)}, vacancies ${fmt(cpu.vacancies * 100)}, postgres ${fmt(cpu.postgres * 100)}, ` +
      `nats ${fmt(cpu.nats * 100)}, bench ${fmt(cpu.bench * 100)}, everything else ${fmt(cpu.others * 100)}; machine ${fmt(cpu.machine * 100)}% busy`,
  );
  return { result, cpu };
}

function printKinds(byKind) {
  printTable([
    ['by kind (direct SQL under load)', 'requests', 'p50 ms', 'p99 ms', 'max ms'],
    ...[...byKind].sort().map(([kind, values]) => {
      const s = latencySummary(values);
      return [kind, fmt(values.length), fmt(s.p50, 1), fmt(s.p99, 1), fmt(s.max, 1)];
    }),
  ]);
}

/** Each probe search `probeSamples` times, one at a time, after one unmeasured call. */
async function probe(call) {
  await quiet();
  const out = [];
  for (const [, request] of PROBES) {
    let result = await call(request);
    const times = [];
    for (let i = 0; i < cfg.probeSamples; i++) {
      const t0 = performance.now();
      result = await call(request);
      times.push(performance.now() - t0);
    }
    out.push({ total: `${fmt(result.total)}${result.totalIsLowerBound ? '+' : ''}`, ...latencySummary(times) });
  }
  return out;
}

try {
  await main();
  await cleanup.finish(0);
} catch (error) {
  // After SIGINT/SIGTERM the clean-up stops what the run was using: that error is expected.
  if (!cleanup.stopping) {
    console.error('search benchmark failed:', error);
    await cleanup.finish(1);
  }
}
