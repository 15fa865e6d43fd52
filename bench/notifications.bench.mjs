// Notifications benchmark: application status changes published to JetStream → the notifications
// service (built, in its own process, production defaults) → in-app rows and one e-mail each over
// SMTP, against nodemailer sending the same rendered e-mails straight to the same SMTP server with
// the same pool, in the same run. Then a fan-out: one vacancy closing for BENCH_FANOUT applicants,
// timed until every notification is stored. Then match announcements (`matching.matches.found.v1`,
// one per vacancy naming BENCH_MATCH_FANOUT seekers, as in the e2e bench), timed until every one is stored and
// held for the daily digest, with the service's CPU time per event. Prints figures and ratios;
// never fails on them.
//
//   npm run bench:notifications        (builds first; needs PostgreSQL and NATS JetStream)
//
// Uses DATABASE_URL (superuser; a throw-away database and role are created and dropped) and
// NATS_URL (streams under a random prefix, deleted afterwards); defaults 127.0.0.1.
// Knobs: BENCH_EVENTS=2000  BENCH_FANOUT=5000  BENCH_MATCHES=10000  BENCH_MATCH_FANOUT=23
//        BENCH_TIMEOUT_S=300  BENCH_LOG_LEVEL=warn
//        BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (the service's node options, space-separated)
// The service's own variables pass through (e.g. DELIVERY_POLL_MS=200 DELIVERY_BATCH_SIZE=50).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { buildCloudEvent, SubjectNamespace } from '@olp/messaging';
import { redactUrl } from '@olp/persistence';
import { connectTestNats, createTestDatabase, deleteTestStreams, freePort, randomSuffix, testNatsUrl, testPostgresAdminUrl } from '@olp/testing';
import { renderEmail } from '../apps/notifications/dist/templates/render.js';
import { Cleanup, envInt, fmt, latencySummary, machineSummary, printTable, processCpuSeconds, sleep, withTimeout } from './lib/bench-utils.mjs';
import { startService } from './lib/service-process.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(ROOT, 'apps/notifications/dist/main.js');
const LOCALES = ['ar', 'en', 'fr'];
const TITLE = { ar: 'مهندس سلامة مهنية', en: 'Occupational safety engineer', fr: 'Ingénieur en sécurité au travail' };

const cfg = {
  events: Math.max(1, envInt('BENCH_EVENTS', 2000)),
  fanout: envInt('BENCH_FANOUT', 5000),
  matches: envInt('BENCH_MATCHES', 10000),
  matchFanout: Math.max(1, envInt('BENCH_MATCH_FANOUT', 23)),
  timeoutMs: envInt('BENCH_TIMEOUT_S', 300) * 1000,
  logLevel: process.env['BENCH_LOG_LEVEL'] || 'warn',
};

const cleanup = new Cleanup();
cleanup.deadline(cfg.timeoutMs + 60_000, 'the notifications benchmark');

/** The SMTP server both phases send to: counts messages per recipient, keeps the receipt times. */
async function smtpCatcher() {
  const received = new Map();
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        const at = performance.now();
        for (const r of session.envelope.rcptTo) received.set(r.address, at);
        count++;
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = server.server.address().port;
  return { url: `smtp://127.0.0.1:${port}`, received, count: () => count, close: () => new Promise((resolve) => server.close(resolve)) };
}

function recipient(i) {
  const id = randomUUID();
  const locale = LOCALES[i % 3];
  return { userId: id, email: `bench-${i}-${id.slice(0, 6)}@example.org`, displayName: `Bench ${i}`, locale, country: 'QA', timeZone: 'Asia/Qatar', roles: ['seeker'], countryScope: [], registeredAt: new Date().toISOString() };
}

async function publishAll(js, ns, subject, payloads, about) {
  for (let i = 0; i < payloads.length; i += 500) {
    await Promise.all(
      payloads.slice(i, i + 500).map((data) => {
        const event = buildCloudEvent(subject.split('.')[0], subject, data, about?.(data));
        const h = natsHeaders();
        h.set('Nats-Msg-Id', event.id);
        return js.publish(ns.subject(subject), JSON.stringify(event), { headers: h });
      }),
    );
  }
}

async function main() {
  console.log(`# notifications benchmark — ${machineSummary()}`);
  console.log(`PostgreSQL ${redactUrl(testPostgresAdminUrl())}, NATS ${testNatsUrl()}; ${fmt(cfg.events)} events, fan-out ${fmt(cfg.fanout)}`);
  const db = await createTestDatabase('notifbench');
  cleanup.add('drop database', () => db.drop());
  const admin = new pg.Pool({ connectionString: db.adminUrl, max: 2 });
  admin.on('error', () => undefined);
  cleanup.add('close admin pool', () => admin.end());
  const prefix = `bench-${randomSuffix()}.`;
  const ns = new SubjectNamespace(prefix);
  cleanup.add('delete streams', () => deleteTestStreams(prefix));
  const smtp = await smtpCatcher();
  cleanup.add('stop SMTP server', () => smtp.close());

  const port = await freePort();
  const service = await startService({
    label: 'notifications',
    main: MAIN,
    cwd: ROOT,
    cleanup,
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
    nodeArgs: (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    env: {
      DATABASE_URL: db.serviceUrl('olp_notifications'),
      DATABASE_ADMIN_URL: db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: cfg.logLevel,
      SMTP_URL: smtp.url,
    },
  });
  const settings = Object.fromEntries(['DELIVERY_POLL_MS', 'DELIVERY_BATCH_SIZE'].map((k) => [k, process.env[k] ?? '(default)']));
  console.log(`notifications: pid ${service.pid}, ${JSON.stringify(settings)}`);

  const nc = await connectTestNats('notifbench');
  cleanup.add('close NATS', () => nc.close());
  const js = jetstream(nc);

  // ---- the directory: one recipient per event, languages mixed --------------------------------
  const people = Array.from({ length: cfg.events }, (_, i) => recipient(i));
  await publishAll(js, ns, 'identity.user.registered.v1', people, (p) => p.userId);
  await withTimeout(
    (async () => {
      while (Number((await admin.query('SELECT count(*) AS n FROM notifications.recipients')).rows[0].n) < people.length) await sleep(100);
    })(),
    cfg.timeoutMs,
    'the directory did not fill in time',
  );

  // ---- baseline: the same e-mails straight to the SMTP server with nodemailer --------------------
  const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 3 });
  const baselineStart = performance.now();
  for (let i = 0; i < people.length; i += 20) {
    await Promise.all(
      people.slice(i, i + 20).map((p) => {
        const email = renderEmail(p, { type: 'application.status-changed', params: { vacancyTitle: TITLE, status: 'shortlisted', changedAt: new Date().toISOString() }, url: 'http://localhost:5173/x' }, 'http://localhost:5173/p');
        return transport.sendMail({ from: 'bench@example.org', to: `baseline-${p.email}`, ...email });
      }),
    );
  }
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  transport.close();

  // ---- end to end: events → notifications service → SMTP ---------------------------------------
  const published = new Map();
  const e2eStart = performance.now();
  const events = people.map((p) => ({
    applicationId: randomUUID(),
    vacancyId: randomUUID(),
    employerId: randomUUID(),
    seekerId: p.userId,
    vacancyTitle: TITLE,
    from: 'submitted',
    to: 'shortlisted',
    changedBy: randomUUID(),
    changedAt: new Date().toISOString(),
  }));
  for (let i = 0; i < events.length; i += 500) {
    const at = performance.now();
    for (const e of events.slice(i, i + 500)) published.set(e.seekerId, at);
    await publishAll(js, ns, 'vacancies.application.status-changed.v1', events.slice(i, i + 500));
  }
  const byUser = new Map(people.map((p) => [p.email, p.userId]));
  await withTimeout(
    (async () => {
      while ([...byUser.keys()].some((email) => !smtp.received.has(email))) await sleep(50);
    })(),
    cfg.timeoutMs,
    () => `only ${[...byUser.keys()].filter((e) => smtp.received.has(e)).length} of ${byUser.size} e-mails arrived in time`,
  );
  const e2eEnd = Math.max(...[...byUser.keys()].map((email) => smtp.received.get(email)));
  const e2eSeconds = (e2eEnd - e2eStart) / 1000;
  const latencies = [...byUser].map(([email, userId]) => smtp.received.get(email) - published.get(userId));
  const lat = latencySummary(latencies);
  const inApp = Number((await admin.query(`SELECT count(*) AS n FROM notifications.notifications WHERE in_app`)).rows[0].n);

  // ---- fan-out: one vacancy closing for many applicants -----------------------------------------
  let fanoutSeconds = NaN;
  if (cfg.fanout > 0) {
    const applicantIds = Array.from({ length: cfg.fanout }, (_, i) => (i < people.length ? people[i].userId : randomUUID()));
    const closed = { vacancyId: randomUUID(), employerId: randomUUID(), title: TITLE, reason: 'filled', closedAt: new Date().toISOString(), applicantIds };
    const start = performance.now();
    const event = buildCloudEvent('vacancies', 'vacancies.vacancy.closed.v1', closed);
    const h = natsHeaders();
    h.set('Nats-Msg-Id', event.id);
    await js.publish(ns.subject('vacancies.vacancy.closed.v1'), JSON.stringify(event), { headers: h });
    await withTimeout(
      (async () => {
        while (Number((await admin.query(`SELECT count(*) AS n FROM notifications.notifications WHERE event_id = $1`, [event.id])).rows[0].n) < cfg.fanout) await sleep(20);
      })(),
      cfg.timeoutMs,
      'the fan-out did not finish in time',
    );
    fanoutSeconds = (performance.now() - start) / 1000;
  }

  // ---- match announcements: BENCH_MATCH_FANOUT seekers per vacancy, held for the daily digest ----
  let matchSeconds = NaN;
  let matchCpuMs = NaN;
  if (cfg.matches > 0) {
    const matches = Array.from({ length: cfg.matches }, (_, i) => {
      const vacancyIndex = Math.floor(i / cfg.matchFanout);
      return { vacancyIndex, seekerId: people[(vacancyIndex * 7 + (i % cfg.matchFanout) * 13) % people.length].userId };
    });
    const vacancyIds = Array.from({ length: Math.ceil(cfg.matches / cfg.matchFanout) }, () => randomUUID());
    const foundAt = new Date().toISOString();
    // One announcement per vacancy naming its seekers, as matching sends them.
    const payloads = vacancyIds.map((vacancyId, v) => ({
      vacancyId,
      employerId: vacancyId,
      vacancyTitle: TITLE,
      seekers: matches.filter((m) => m.vacancyIndex === v).map((m) => ({ seekerId: m.seekerId, score: 0.8 })),
      foundAt,
    }));
    const heldMatches = async () =>
      Number(
        (
          await admin.query(
            `SELECT count(*) AS n FROM notifications.deliveries d JOIN notifications.notifications n ON n.id = d.notification_id
             WHERE n.type = 'match.found' AND d.status = 'held'`,
          )
        ).rows[0].n,
      );
    const cpuBefore = processCpuSeconds(service.pid);
    const start = performance.now();
    await publishAll(js, ns, 'matching.matches.found.v1', payloads, (p) => p.vacancyId);
    await withTimeout(
      (async () => {
        while ((await heldMatches()) < cfg.matches) await sleep(50);
      })(),
      cfg.timeoutMs,
      `not all of ${cfg.matches} match e-mails were held in time`,
    );
    matchSeconds = (performance.now() - start) / 1000;
    matchCpuMs = ((processCpuSeconds(service.pid) - cpuBefore) * 1000) / cfg.matches;
  }

  console.log('');
  printTable([
    ['phase', 'count', 'seconds', 'per second', 'p50 ms', 'p99 ms'],
    ['baseline: nodemailer → SMTP (pool 3, 20 at a time)', fmt(people.length), fmt(baselineSeconds, 2), fmt(people.length / baselineSeconds), '-', '-'],
    ['event → notifications → in-app + SMTP', fmt(people.length), fmt(e2eSeconds, 2), fmt(people.length / e2eSeconds), fmt(lat.p50), fmt(lat.p99)],
    ['fan-out: one vacancy.closed → notifications stored', fmt(cfg.fanout), fmt(fanoutSeconds, 2), fmt(cfg.fanout / fanoutSeconds), '-', '-'],
    [`matches: match.found (${cfg.matchFanout} a vacancy) → stored + held for digest`, fmt(cfg.matches), fmt(matchSeconds, 2), fmt(cfg.matches / matchSeconds), '-', '-'],
  ]);
  if (cfg.matches > 0) console.log(`\nnotifications service CPU per match event: ${fmt(matchCpuMs, 3)} ms (user + system, publish to last held)`);
  console.log('');
  console.log(`end to end / baseline throughput: ${fmt(baselineSeconds / e2eSeconds, 2)} (1.00 = as fast as sending alone)`);
  console.log(`in-app notifications stored: ${fmt(inApp)}; e-mails received in all: ${fmt(smtp.count())}`);
  console.log('Latency = publish to SMTP receipt; it includes up to one DELIVERY_POLL_MS wait. Figures on a shared machine: compare ratios, run twice.');
  await cleanup.finish(0);
}

main().catch(async (error) => {
  if (!cleanup.stopping) console.error(error);
  await cleanup.finish(1);
});
