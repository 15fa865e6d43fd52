// Enrolment benchmark: 1,000 concurrent POST /api/v1/activities/{id}/enrollments for one activity
// with 30 seats and a per-country quota, through the real gateway, identity and programmes services
// (built, each its own child process, over NATS); beside it, in the same run, the same number of
// concurrent requests against a single conditional `UPDATE … SET taken = taken + 1 WHERE taken <
// seats` on a pg pool of the service's size (no gateway, no NATS, no quota, no waitlist, no events:
// the floor any seat counter pays). Prints confirmed, waitlisted, errors, elapsed time, enrolments
// per second and latency for both, the ratio, and checks the invariant after each (never more
// confirmed than seats, no country above its quota, the service's outcome equal to replaying the
// arrivals one by one through SeatBook, the waitlist numbered 1…n). Figures only: exit 0 unless the
// run broke or an invariant failed. See bench/README.md.
//
//   npm run bench:enrolment          (builds first; needs PostgreSQL and NATS JetStream)
//
// Uses DATABASE_URL (superuser; a throw-away database is created and dropped) and NATS_URL (streams
// under a random prefix, deleted afterwards); defaults 127.0.0.1.
// Knobs: BENCH_REQUESTS=1000  BENCH_SEATS=30  BENCH_QUOTA=2  BENCH_COUNTRIES=25  BENCH_POOL=10
//        BENCH_RPC_TIMEOUT_MS=60000 (the gateway's deadline: 1,000 requests queue on one row lock)
//        BENCH_TIMEOUT_S=600
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { COUNTRIES } from '@olp/reference-data';
import { createTestDatabase, deleteTestStreams, freePort, randomSuffix, testNatsUrl } from '@olp/testing';
import { SeatBook } from '../apps/programmes/dist/enrollments/seat-book.js';
import { Cleanup, envInt, fmt, latencySummary, machineSummary, printTable } from './lib/bench-utils.mjs';
import { startService } from './lib/service-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = (app) => path.join(ROOT, `apps/${app}/dist/main.js`);
const ADMIN = { email: 'bench-admin@olp.test', password: 'Seats-Under-Lock-2026' };

const cfg = {
  requests: Math.max(1, envInt('BENCH_REQUESTS', 1000)),
  seats: Math.max(1, envInt('BENCH_SEATS', 30)),
  quota: Math.max(1, envInt('BENCH_QUOTA', 2)),
  countries: Math.min(57, Math.max(1, envInt('BENCH_COUNTRIES', 25))),
  pool: Math.max(1, envInt('BENCH_POOL', 10)),
  rpcTimeoutMs: envInt('BENCH_RPC_TIMEOUT_MS', 60_000),
  timeoutS: envInt('BENCH_TIMEOUT_S', 600),
};

const cleanup = new Cleanup();
cleanup.deadline(cfg.timeoutS * 1000, 'the enrolment benchmark');

async function json(method, url, body, token, headers = {}) {
  const res = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

function must(response, status, what) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${response.text.slice(0, 300)}`);
  return response.body;
}

/** Never more confirmed than seats, no country above the quota; returns the problems found. */
function invariantProblems(label, confirmedByCountry, seats, quota) {
  const problems = [];
  const total = [...confirmedByCountry.values()].reduce((a, b) => a + b, 0);
  if (total > seats) problems.push(`${label}: ${total} confirmed > ${seats} seats`);
  if (quota !== null) for (const [country, n] of confirmedByCountry) if (n > quota) problems.push(`${label}: ${country} has ${n} > quota ${quota}`);
  return problems;
}

async function main() {
  console.log(`# enrolment benchmark — ${machineSummary()}`);
  console.log(`${cfg.requests} concurrent requests, ${cfg.seats} seats, quota ${cfg.quota} per country, experts from ${cfg.countries} countries; pool ${cfg.pool}; gateway RPC deadline ${cfg.rpcTimeoutMs} ms`);
  const db = await createTestDatabase('enrolbench');
  cleanup.add('drop database', () => db.drop());
  const admin = new pg.Pool({ connectionString: db.adminUrl, max: cfg.pool + 2 });
  admin.on('error', () => undefined);
  cleanup.add('close admin pool', () => admin.end());
  const prefix = `bench-${randomSuffix()}.`;
  cleanup.add('delete streams', () => deleteTestStreams(prefix));
  const common = { NATS_URL: testNatsUrl(), MESSAGING_PREFIX: prefix, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };

  const identityPort = await freePort();
  await startService({
    label: 'identity',
    main: MAIN('identity'),
    cwd: ROOT,
    cleanup,
    readyUrl: `http://127.0.0.1:${identityPort}/health/ready`,
    env: { ...common, PORT: String(identityPort), DATABASE_URL: db.serviceUrl('olp_identity'), DATABASE_ADMIN_URL: db.adminUrl, BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password },
  });
  const programmesPort = await freePort();
  const programmes = await startService({
    label: 'programmes',
    main: MAIN('programmes'),
    cwd: ROOT,
    cleanup,
    readyUrl: `http://127.0.0.1:${programmesPort}/health/ready`,
    env: { ...common, PORT: String(programmesPort), DATABASE_URL: db.serviceUrl('olp_programmes'), DATABASE_ADMIN_URL: db.adminUrl, DATABASE_POOL_SIZE: String(cfg.pool) },
  });
  const gatewayPort = await freePort();
  const base = `http://127.0.0.1:${gatewayPort}/api/v1`;
  await startService({
    label: 'gateway',
    main: MAIN('gateway'),
    cwd: ROOT,
    cleanup,
    readyUrl: `http://127.0.0.1:${gatewayPort}/health/live`,
    env: { ...common, PORT: String(gatewayPort), RATE_LIMIT_MAX: '1000000', AUTH_RATE_LIMIT_MAX: '1000000', RPC_TIMEOUT_MS: String(cfg.rpcTimeoutMs) },
  });
  console.log(`identity, programmes (pid ${programmes.pid}) and gateway on ${base}`);

  // ---- a coordinator of OSH-CaB, an open activity, experts --------------------------------------
  const adminToken = must(await json('POST', `${base}/auth/login`, ADMIN), 200, 'admin login').accessToken;
  const coordinatorUser = must(
    await json('POST', `${base}/users`, { email: 'bench-coordinator@sesric.org', password: ADMIN.password, displayName: 'Bench', locale: 'en', country: 'TR', roles: ['coordinator'], countryScope: ['TR'] }, adminToken),
    201,
    'create coordinator',
  );
  must(await json('PUT', `${base}/programmes/OSH-CaB/coordinators/${coordinatorUser.id}`, undefined, adminToken), 200, 'assign coordinator');
  const token = must(await json('POST', `${base}/auth/login`, { email: 'bench-coordinator@sesric.org', password: ADMIN.password }), 200, 'coordinator login').accessToken;
  const day = (d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const activity = must(
    await json(
      'POST',
      `${base}/programmes/OSH-CaB/activities`,
      {
        type: 'workshop',
        title: { en: 'Benchmark workshop', ar: 'ورشة القياس', fr: 'Atelier de mesure' },
        description: { en: 'Many experts, few seats.' },
        hostCountry: 'TR',
        providerCountries: ['TR'],
        beneficiaryCountries: ['SN'],
        modality: 'online',
        languages: ['en'],
        startDate: day(60),
        endDate: day(61),
        applicationDeadline: day(30),
        seats: cfg.seats,
        countryQuota: cfg.quota,
      },
      token,
    ),
    201,
    'create activity',
  );
  must(await json('POST', `${base}/activities/${activity.id}/status`, { status: 'open' }, token), 200, 'open activity');
  const countries = COUNTRIES.slice(0, cfg.countries).map((c) => c.alpha2);
  // The registry is seeded in SQL: the bench measures enrolment, not registration.
  const experts = (
    await admin.query(
      `INSERT INTO programmes.experts (id, full_name, name_folded, email, country, gender, languages, skills, isco_codes, created_by)
       SELECT gen_random_uuid(), 'Expert ' || i, 'expert ' || i, 'expert' || i || '@bench.example', ($1::text[])[1 + i % array_length($1::text[], 1)],
              CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, '{en}', '{}', '{}', $2
       FROM generate_series(1, $3) i RETURNING id, country`,
      [countries, coordinatorUser.id, cfg.requests],
    )
  ).rows;

  // ---- the service, through the gateway ---------------------------------------------------------
  const latencies = [];
  const t0 = performance.now();
  const responses = await Promise.all(
    experts.map(async (expert, i) => {
      const start = performance.now();
      try {
        return await json('POST', `${base}/activities/${activity.id}/enrollments`, { expertId: expert.id, role: 'participant' }, token, { 'idempotency-key': `bench-${i}-${activity.id}` });
      } catch (error) {
        return { status: 0, text: String(error) };
      } finally {
        latencies.push(performance.now() - start);
      }
    }),
  );
  const serviceMs = performance.now() - t0;
  const ok = responses.filter((r) => r.status === 201);
  const service = {
    confirmed: ok.filter((r) => r.body.status === 'confirmed').length,
    waitlisted: ok.filter((r) => r.body.status === 'waitlisted').length,
    errors: responses.length - ok.length,
    ms: serviceMs,
    latency: latencySummary(latencies),
  };
  const errorKinds = new Map();
  for (const r of responses.filter((x) => x.status !== 201)) errorKinds.set(r.status, (errorKinds.get(r.status) ?? 0) + 1);

  // Invariant, from the database: seats, quotas, the outcome equal to a one-by-one replay in arrival order, the waitlist numbered.
  const stored = (
    await admin.query(`SELECT id, expert_country AS country, status FROM programmes.enrollments WHERE activity_id = $1 ORDER BY arrival`, [activity.id])
  ).rows.map((r) => ({ ...r, country: r.country.trim() }));
  const byCountry = new Map();
  for (const e of stored.filter((x) => x.status === 'confirmed')) byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + 1);
  const problems = invariantProblems('service', byCountry, cfg.seats, cfg.quota);
  const replay = new SeatBook({ seats: cfg.seats, quota: cfg.quota });
  const mismatches = stored.filter((e) => replay.admit({ id: e.id, country: e.country }) !== e.status).length;
  if (mismatches > 0) problems.push(`service: ${mismatches} enrolments differ from a one-by-one replay in arrival order`);
  const counters = (await admin.query(`SELECT confirmed, waitlisted FROM programmes.activities WHERE id = $1`, [activity.id])).rows[0];
  if (counters.confirmed !== service.confirmed || counters.waitlisted !== service.waitlisted) problems.push(`service: counters ${JSON.stringify(counters)} ≠ responses`);
  const events = Number((await admin.query(`SELECT count(*) AS n FROM programmes.outbox WHERE subject LIKE 'programmes.enrollment.%'`)).rows[0].n);
  if (events !== ok.length) problems.push(`service: ${events} enrolment events for ${ok.length} enrolments`);

  // ---- baseline: one conditional UPDATE per request ---------------------------------------------
  await admin.query(`CREATE TABLE public.bench_seats (activity uuid PRIMARY KEY, seats integer NOT NULL, taken integer NOT NULL DEFAULT 0)`);
  await admin.query(`INSERT INTO public.bench_seats (activity, seats) VALUES ($1, $2)`, [activity.id, cfg.seats]);
  const pool = new pg.Pool({ connectionString: db.adminUrl, max: cfg.pool });
  pool.on('error', () => undefined);
  await Promise.all(Array.from({ length: cfg.pool }, () => pool.query('SELECT 1')));
  const baseLatencies = [];
  const t1 = performance.now();
  const outcomes = await Promise.all(
    experts.map(async () => {
      const start = performance.now();
      try {
        const r = await pool.query(`UPDATE public.bench_seats SET taken = taken + 1 WHERE activity = $1 AND taken < seats RETURNING taken`, [activity.id]);
        return r.rowCount === 1 ? 'confirmed' : 'waitlisted';
      } catch {
        return 'error';
      } finally {
        baseLatencies.push(performance.now() - start);
      }
    }),
  );
  const baselineMs = performance.now() - t1;
  await pool.end();
  const baseline = {
    confirmed: outcomes.filter((o) => o === 'confirmed').length,
    waitlisted: outcomes.filter((o) => o === 'waitlisted').length,
    errors: outcomes.filter((o) => o === 'error').length,
    ms: baselineMs,
    latency: latencySummary(baseLatencies),
  };
  const taken = (await admin.query(`SELECT taken FROM public.bench_seats`)).rows[0].taken;
  if (taken > cfg.seats || baseline.confirmed !== taken) problems.push(`baseline: taken ${taken}, confirmed ${baseline.confirmed}, seats ${cfg.seats}`);

  const row = (label, r) => [label, fmt(cfg.requests), fmt(r.confirmed), fmt(r.waitlisted), fmt(r.errors), fmt(r.ms), fmt((r.confirmed + r.waitlisted) / (r.ms / 1000)), fmt(r.latency.p50, 1), fmt(r.latency.p99, 1)];
  console.log('');
  printTable([
    ['path', 'requests', 'confirmed', 'waitlisted', 'errors', 'elapsed ms', 'enrolments/s', 'p50 ms', 'p99 ms'],
    row('gateway → programmes (lock, quotas, waitlist, events)', service),
    row('baseline: conditional UPDATE on a pg pool', baseline),
  ]);
  console.log(`\nservice / baseline elapsed: ${fmt(serviceMs / baselineMs, 1)}×`);
  if (errorKinds.size > 0) console.log(`errors by HTTP status: ${[...errorKinds].map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  console.log(`invariant (seats, quota ${cfg.quota}, arrival-order replay, counters, one event per enrolment; baseline: taken ≤ seats): ${problems.length === 0 ? 'HOLDS' : 'BROKEN'}`);
  for (const p of problems) console.log(`  - ${p}`);
  await cleanup.finish(problems.length === 0 ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup.finish(1);
});
