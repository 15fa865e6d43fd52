// Vacancy search benchmark: the built vacancies service in this process, a throw-away database
// seeded with BENCH_VACANCIES published vacancies (trilingual titles and descriptions, real ISCO
// unit groups, skills and member states), searched over NATS request/reply exactly as the gateway
// does. Prints, per query shape, the matches, the latency without the search cache (every request
// does its SQL) and with it, then the throughput of a mixed load with and without the cache.
// Figures only: exit 0 unless the run itself broke.
//
//   npx tsc -b apps/vacancies/tsconfig.json && node apps/vacancies/bench/search.bench.mjs
//
// Knobs: BENCH_VACANCIES=100000  BENCH_SAMPLES=40  BENCH_DURATION_S=10  BENCH_CONCURRENCY=32
//        BENCH_KEEP_DB=1 keeps the seeded database (its name is printed) for EXPLAIN; drop it yourself.
// Needs PostgreSQL (DATABASE_URL, a superuser URL) and NATS with JetStream (NATS_URL).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const [{ createTestDatabase, deleteTestStreams, testMessagingPrefix, testNatsUrl, connectTestNats }, platform, messaging, reference, utils] =
  await Promise.all([
    import('@olp/testing'),
    import('@olp/platform'),
    import('@olp/messaging'),
    import('@olp/reference-data'),
    import('../../../bench/lib/bench-utils.mjs'),
  ]);
const [{ VacanciesConfig }, { VacanciesModule }, { SearchCache }] = await Promise.all([
  import('../dist/vacancies.config.js'),
  import('../dist/vacancies.module.js'),
  import('../dist/search/search-cache.js'),
]);
const { Cleanup, envInt, fmt, latencySummary, machineSummary, printTable } = utils;

const cfg = {
  vacancies: envInt('BENCH_VACANCIES', 100_000),
  samples: Math.max(5, envInt('BENCH_SAMPLES', 40)),
  durationS: Math.max(1, envInt('BENCH_DURATION_S', 10)),
  concurrency: Math.max(1, envInt('BENCH_CONCURRENCY', 32)),
};

const ROLES = [
  ['engineer', 'ingénieur', 'مهندس'],
  ['civil engineer', 'ingénieur civil', 'مهندس مدني'],
  ['nurse', 'infirmière', 'ممرضة'],
  ['teacher', 'enseignant', 'مُعلِّم'],
  ['driver', 'chauffeur', 'سائق'],
  ['accountant', 'comptable', 'محاسب'],
  ['welder', 'soudeur', 'لحّام'],
  ['electrician', 'électricien', 'كهربائي'],
  ['software developer', 'développeur logiciel', 'مطوّر برمجيات'],
  ['project manager', 'chef de projet', 'مدير مشروع'],
  ['technician', 'technicien', 'فنّي'],
  ['chef', 'cuisinier', 'طاهٍ'],
  ['pharmacist', 'pharmacien', 'صيدلي'],
  ['data analyst', 'analyste de données', 'محلل بيانات'],
  ['designer', 'concepteur', 'مصمم'],
  ['mechanic', 'mécanicien', 'ميكانيكي'],
  ['plumber', 'plombier', 'سبّاك'],
  ['cashier', 'caissier', 'أمين صندوق'],
  ['translator', 'traducteur', 'مترجم'],
  ['surveyor', 'géomètre', 'مسّاح'],
  ['architect', 'architecte', 'مهندس معماري'],
  ['safety officer', 'responsable sécurité', 'مسؤول السلامة'],
  ['midwife', 'sage-femme', 'قابلة'],
  ['statistician', 'statisticien', 'إحصائي'],
  ['agronomist', 'agronome', 'مهندس زراعي'],
];
const QUALIFIERS = [
  ['senior', 'principal', 'أول'],
  ['junior', 'débutant', 'مبتدئ'],
  ['lead', 'responsable', 'رئيسي'],
  ['assistant', 'adjoint', 'مساعد'],
  ['site', 'de chantier', 'موقع'],
  ['hospital', "d'hôpital", 'مستشفى'],
  ['regional', 'régional', 'إقليمي'],
  ['night shift', 'de nuit', 'مناوبة ليلية'],
];

async function seed(db, employers) {
  const isco = reference.ISCO_GROUPS.filter((g) => g.level === 4).map((g) => g.code);
  const skills = reference.SKILLS.map((s) => s.id);
  const countries = reference.COUNTRIES.map((c) => c.alpha2);
  const chunk = 10_000;
  for (let start = 1; start <= cfg.vacancies; start += chunk) {
    const end = Math.min(cfg.vacancies, start + chunk - 1);
    await db.query(
      `INSERT INTO vacancies.vacancies (id, employer_id, status, title, description, isco_code, skills, skill_ids, languages, country, city,
         work_mode, contract_type, positions, eligibility_scope, eligibility_countries, relocation_support, visa_support, closing_date, published_at)
       SELECT gen_random_uuid(), e[1 + g % cardinality(e)], 'published',
         jsonb_build_object('en', q[1 + (g / 7) % array_length(q, 1) ][1] || ' ' || r[1 + g % array_length(r, 1)][1],
                            'fr', r[1 + g % array_length(r, 1)][2] || ' ' || q[1 + (g / 7) % array_length(q, 1)][2],
                            'ar', r[1 + g % array_length(r, 1)][3] || ' ' || q[1 + (g / 7) % array_length(q, 1)][3]),
         jsonb_build_object(
           'en', repeat('We are hiring a ' || r[1 + g % array_length(r, 1)][1] || ' to join our team in ' || c[1 + g % cardinality(c)] ||
                 '. You will plan, report and coordinate with ' || r[1 + (g / 3) % array_length(r, 1)][1] || 's and clients. ', 2 + g % 5),
           'fr', repeat('Nous recrutons un ' || r[1 + g % array_length(r, 1)][2] || ' pour notre équipe. Missions : planification, suivi et coordination avec les ' ||
                 r[1 + (g / 3) % array_length(r, 1)][2] || 's. ', 1 + g % 4),
           'ar', repeat('نبحث عن ' || r[1 + g % array_length(r, 1)][3] || ' للعمل في فريقنا. المهام: التخطيط والمتابعة والتنسيق مع الإدارة. ', 1 + g % 4)),
         i[1 + (g * 37) % cardinality(i)],
         jsonb_build_array(jsonb_build_object('skillId', s[1 + g % cardinality(s)], 'essential', true), jsonb_build_object('skillId', s[1 + (g / 5) % cardinality(s)], 'essential', false)),
         ARRAY[s[1 + g % cardinality(s)], s[1 + (g / 5) % cardinality(s)]],
         '[]', c[1 + (g * 13 + g / 11) % cardinality(c)], 'City '|| (g % 40),
         (ARRAY['on-site','hybrid','remote'])[1 + g % 3],
         (ARRAY['permanent','fixed-term','part-time','internship','apprenticeship','seasonal'])[1 + g % 6],
         1 + g % 5,
         CASE WHEN g % 5 = 0 THEN 'listed' ELSE 'all-member-states' END,
         CASE WHEN g % 5 = 0 THEN ARRAY[c[1 + g % cardinality(c)], c[1 + (g + 1) % cardinality(c)]] ELSE '{}' END,
         g % 2 = 0, g % 3 = 0,
         current_date + 1 + (g % 300),
         now() - ((g % 86400) || ' minutes')::interval
       FROM generate_series($1::int, $2::int) g,
         (SELECT $3::uuid[] AS e, $4::text[] AS i, $5::text[] AS s, $6::text[] AS c, $7::text[][] AS r, $8::text[][] AS q) p`,
      [start, end, employers, isco, skills, countries, ROLES, QUALIFIERS],
    );
    process.stdout.write(`\rseeded ${fmt(end)} / ${fmt(cfg.vacancies)} vacancies`);
  }
  process.stdout.write('\n');
  await db.query('VACUUM ANALYZE vacancies.vacancies');
  await db.query('VACUUM ANALYZE vacancies.employers');
}

const SCENARIOS = [
  ['browse, newest first', {}],
  ['browse, page 2', { page: 2 }],
  ['country', { country: ['SA'] }],
  ['country + contract type', { country: ['AE', 'QA'], contractType: ['permanent'] }],
  ['occupation prefix 21', { occupation: '21' }],
  ['skill', { skill: ['ict.python'] }],
  ['open to JO, remote', { openTo: 'JO', workMode: ['remote'] }],
  ['q "engineer" (common)', { q: 'engineer' }],
  ['q "engineer", recency', { q: 'engineer', sort: 'recency' }],
  ['q "مهندس" (Arabic)', { q: 'مهندس' }],
  ['q "ingenieur civil" (French)', { q: 'ingenieur civil' }],
  ['q "pharmacist hospital" (rare)', { q: 'pharmacist hospital' }],
  ['q "nurse" + country', { q: 'nurse', country: ['EG'] }],
];

async function main() {
  const cleanup = new Cleanup();
  cleanup.deadline(30 * 60_000, 'the search benchmark');
  console.log(`vacancy search benchmark — ${machineSummary()}`);
  console.log(`${fmt(cfg.vacancies)} published vacancies, ${cfg.samples} samples per shape, mixed load ${cfg.durationS} s × ${cfg.concurrency} concurrent`);

  const db = await createTestDatabase('searchbench');
  if (process.env['BENCH_KEEP_DB'] === '1') console.log(`keeping database ${db.name} (BENCH_KEEP_DB=1)`);
  else cleanup.add('drop database', () => db.drop());
  const prefix = testMessagingPrefix('searchbench');
  cleanup.add('delete streams', () => deleteTestStreams(prefix));

  const config = platform.loadConfig(VacanciesConfig, {
    DATABASE_URL: db.serviceUrl('olp_vacancies'),
    DATABASE_ADMIN_URL: db.adminUrl,
    NATS_URL: testNatsUrl(),
    MESSAGING_PREFIX: prefix,
    DATABASE_POOL_SIZE: '10',
    EXPIRY_INTERVAL_MS: '3600000',
    LOG_LEVEL: 'silent',
  });
  const app = await platform.createServiceApp(VacanciesModule.register({ config, processMetrics: false }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanup.add('stop service', () => app.close());
  const nc = await connectTestNats('searchbench');
  cleanup.add('close NATS', () => nc.close());
  const client = new messaging.RpcClient(nc, new messaging.SubjectNamespace(prefix), new platform.PlatformMetrics('bench', false), 10_000);
  const cache = app.get(SearchCache);

  const employers = Array.from({ length: 2000 }, () => randomUUID());
  await db.query(
    `INSERT INTO vacancies.employers (id, name, country, isic_section, size)
     SELECT id, jsonb_build_object('en', 'Employer ' || n, 'ar', 'شركة ' || n), 'QA', 'F', 'medium' FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)`,
    [employers],
  );
  const seedStart = performance.now();
  await seed(db, employers);
  console.log(`seeding and VACUUM ANALYZE took ${fmt((performance.now() - seedStart) / 1000, 1)} s`);

  // Page 2 needs page 1's cursor.
  const requests = [];
  for (const [name, shape] of SCENARIOS) {
    const { page, ...request } = shape;
    if (page === 2) {
      const first = await client.request('rpc.vacancies.search.v1', request, { locale: 'en' });
      requests.push([name, { ...request, cursor: first.nextCursor }]);
    } else requests.push([name, request]);
  }
  const timed = async (request) => {
    const started = performance.now();
    const result = await client.request('rpc.vacancies.search.v1', request, { locale: 'en' });
    return { ms: performance.now() - started, total: result.total };
  };

  const rows = [['query', 'matches', 'no cache p50', 'p99', 'max', 'cached p50', 'p99']];
  for (const [name, request] of requests) {
    await timed(request); // warm-up
    const uncached = [];
    let total = 0;
    for (let i = 0; i < cfg.samples; i++) {
      cache.invalidate();
      const r = await timed(request);
      uncached.push(r.ms);
      total = r.total;
    }
    const cached = [];
    for (let i = 0; i < cfg.samples; i++) cached.push((await timed(request)).ms);
    const u = latencySummary(uncached);
    const c = latencySummary(cached);
    rows.push([name, fmt(total), fmt(u.p50, 1), fmt(u.p99, 1), fmt(u.max, 1), fmt(c.p50, 2), fmt(c.p99, 2)]);
  }
  console.log('\nLatency per search through request/reply (ms), one at a time:');
  printTable(rows);

  const load = async (label) => {
    const latencies = [];
    const deadline = performance.now() + cfg.durationS * 1000;
    let errors = 0;
    await Promise.all(
      Array.from({ length: cfg.concurrency }, async (_, worker) => {
        for (let i = worker; performance.now() < deadline; i++) {
          const [, request] = requests[i % requests.length];
          const started = performance.now();
          try {
            await client.request('rpc.vacancies.search.v1', request, { locale: 'en' });
            latencies.push(performance.now() - started);
          } catch {
            errors++;
          }
        }
      }),
    );
    const s = latencySummary(latencies);
    return [label, fmt(latencies.length / cfg.durationS), fmt(s.p50, 1), fmt(s.p99, 1), fmt(s.max, 1), fmt(errors)];
  };
  const loadRows = [['mixed load (all shapes above)', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors']];
  loadRows.push(await load(`cache (TTL ${config.SEARCH_CACHE_TTL_MS} ms)`));
  // Without the cache: every request runs its SQL.
  cache.remember = (_key, value) => value;
  cache.peek = () => undefined;
  loadRows.push(await load('no cache'));
  console.log(`\nThroughput, ${cfg.concurrency} concurrent callers, ${cfg.durationS} s each:`);
  printTable(loadRows);

  await cleanup.finish(0);
}

await main();
