// The matching benchmark's consumer burst: the built matching service (apps/matching/dist/main.js)
// as a child process on a throw-away database and NATS prefix, fed CloudEvents on JetStream as the
// owners' relays publish them (Nats-Msg-Id = event id), consumed by its real EventConsumer (inbox,
// one transaction per delivery batch, outbox for matching.matches.found.v1). Three phases, each timed
// from its first publish until the durable consumer has nothing pending or unacknowledged:
// vacancies into an empty market, seekers' first profiles, then the burst of profile updates.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { streamOf } from '@olp/contracts';
import { buildCloudEvent, SubjectNamespace } from '@olp/messaging';
import { connectTestNats, createTestDatabase, deleteTestStreams, freePort, randomSuffix, testNatsUrl } from '@olp/testing';
import { fmt, printTable, processCpuSeconds, sleep } from './bench-utils.mjs';
import { editSeeker, generatePopulation } from './matching-population.mjs';
import { startService } from './service-process.mjs';

const CONSUMER = 'matching-projection';

/** A stable UUID (v4 layout) for a synthetic id, so runs are comparable. */
function uuidOf(id) {
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function vacancyEvent(v, publishedAt) {
  return {
    vacancyId: uuidOf(v.vacancyId),
    employerId: uuidOf(v.employerId),
    title: { en: `Vacancy ${v.iscoCode}`, ar: `وظيفة ${v.iscoCode}`, fr: `Offre ${v.iscoCode}` },
    iscoCode: v.iscoCode,
    skills: [...v.essentialSkills.map((skillId) => ({ skillId, essential: true })), ...v.optionalSkills.map((skillId) => ({ skillId, essential: false }))],
    languages: v.languages.map((l) => ({ code: l.code, minLevel: l.minLevel })),
    ...(v.minEducationLevel === null ? {} : { minEducationLevel: v.minEducationLevel }),
    ...(v.minExperienceYears === null ? {} : { minExperienceYears: v.minExperienceYears }),
    country: v.country,
    city: 'Capital',
    workMode: v.workMode,
    contractType: 'permanent',
    eligibility: v.eligibilityScope === 'listed' ? { scope: 'listed', countries: v.eligibilityCountries } : { scope: 'all-member-states' },
    relocationSupport: false,
    visaSupport: false,
    closingDate: v.closingDate,
    version: 1,
    publishedAt,
  };
}

function profileEvent(s, version, updatedAt) {
  return {
    userId: uuidOf(s.seekerId),
    nationality: s.nationality,
    residenceCountry: s.residenceCountry,
    languages: s.languages.map((l) => ({ code: l.code, level: l.level })),
    ...(s.educationLevel === null ? {} : { education: { level: s.educationLevel } }),
    experience: s.experience.map((e) => ({ iscoCode: e.iscoCode, years: e.years })),
    skills: s.skills,
    desiredOccupations: s.desiredOccupations,
    mobility: { relocate: s.relocate, ...(s.relocate === 'listed' ? { countries: s.relocateCountries } : {}), remote: s.remote },
    visibility: s.visibility,
    consentToMatching: s.consentToMatching,
    version,
    updatedAt,
  };
}

/** Publishes envelopes with at most `window` PubAcks outstanding. */
async function publishAll(js, ns, subject, payloads, window = 256) {
  let next = 0;
  const worker = async () => {
    while (next < payloads.length) {
      const data = payloads[next++];
      const event = buildCloudEvent(subject.split('.')[0], subject, data);
      const h = natsHeaders();
      h.set('Nats-Msg-Id', event.id);
      await js.publish(ns.subject(subject), JSON.stringify(event), { headers: h });
    }
  };
  await Promise.all(Array.from({ length: window }, worker));
}

/** Waits until the consumer has nothing pending or unacknowledged; at the deadline, returns how many are still left. */
async function drained(jsm, ns, stream, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await jsm.consumers.info(ns.stream(stream), CONSUMER).catch(() => undefined);
    if (info && info.num_pending === 0 && info.num_ack_pending === 0) return 0;
    if (Date.now() > deadline) return info ? info.num_pending + info.num_ack_pending : Number.NaN;
    await sleep(20);
  }
}

/**
 * Runs the burst; returns the phases' figures. Options: root (repo), cleanup, seekers,
 * vacancies, updates, seed, timeoutMs.
 */
export async function runMatchingBurst({ root, cleanup, seekers, vacancies, updates, seed, timeoutMs }) {
  const db = await createTestDatabase('matchburst');
  cleanup.add('drop burst database', () => db.drop());
  const prefix = `bench-${randomSuffix()}.`;
  cleanup.add('delete burst streams', () => deleteTestStreams(prefix));
  const port = await freePort();
  const service = await startService({
    label: 'matching',
    main: path.join(root, 'apps/matching/dist/main.js'),
    cwd: root,
    // e.g. BENCH_BURST_NODE_ARGS='--cpu-prof --cpu-prof-dir=.data/prof' (profile written when it stops)
    nodeArgs: (process.env['BENCH_BURST_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    cleanup,
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
    env: {
      DATABASE_URL: db.serviceUrl('olp_matching'),
      DATABASE_ADMIN_URL: db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  });
  const nc = await connectTestNats('matchburst');
  cleanup.add('close burst NATS', () => nc.close());
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const ns = new SubjectNamespace(prefix);

  const population = generatePopulation({ seekers, vacancies, seed });
  const now = Date.now();
  const at = (offsetMs) => new Date(now + offsetMs).toISOString();
  const phases = [];
  const phase = async (label, subject, payloads) => {
    const cpu0 = processCpuSeconds(service.pid);
    const t0 = performance.now();
    await publishAll(js, ns, subject, payloads);
    const published = performance.now() - t0;
    const left = await drained(jsm, ns, streamOf(subject), Math.max(0, deadline - Date.now()));
    const total = performance.now() - t0;
    const cpu = processCpuSeconds(service.pid) - cpu0;
    const handled = payloads.length - left;
    phases.push({ label, n: payloads.length, handled, publishedMs: published, totalMs: total, perSecond: handled / (total / 1000), serviceCpuS: cpu });
    return left === 0;
  };

  // One deadline for all phases: a phase still draining then is reported with what was handled by then.
  const deadline = Date.now() + timeoutMs;
  const complete =
    (await phase('vacancies published (empty market)', 'vacancies.vacancy.published.v1', population.vacancies.map((v) => vacancyEvent(v, at(0))))) &&
    (await phase('seekers: first profiles', 'seekers.profile.updated.v1', population.seekers.map((s) => profileEvent(s, 1, at(1000)))));
  // The burst: profile updates of existing seekers (a few skills, a job or mobility changed), each a newer version.
  const versions = new Map();
  const burst = [];
  for (let i = 0; i < updates; i++) {
    const target = population.seekers[Math.floor(population.sampler.rand() * population.seekers.length)];
    const version = (versions.get(target.seekerId) ?? 1) + 1;
    versions.set(target.seekerId, version);
    burst.push(profileEvent(editSeeker(population, target), version, at(2000 + i)));
  }
  if (complete) await phase(`burst: ${fmt(updates)} profile updates`, 'seekers.profile.updated.v1', burst);

  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM matching.seekers)::int AS seekers, (SELECT count(*) FROM matching.vacancies)::int AS vacancies,
            (SELECT count(*) FROM matching.matches)::int AS matches, (SELECT count(*) FROM matching.notified_pairs)::int AS announced,
            (SELECT count(*) FROM matching.dead_letters)::int AS dead, (SELECT count(*) FROM matching.inbox)::int AS inbox`,
  );
  await service.stop();
  return { phases, counts, pid: service.pid };
}

export function printBurst({ phases, counts }) {
  printTable([
    ['phase', 'events', 'publish s', 'until drained (or deadline) s', 'events handled/s', 'service CPU s'],
    ...phases.map((p) => [
      p.handled === p.n ? p.label : `${p.label} (deadline: ${fmt(p.handled)} handled)`,
      fmt(p.n),
      fmt(p.publishedMs / 1000, 1),
      fmt(p.totalMs / 1000, 1),
      fmt(p.perSecond, 1),
      fmt(p.serviceCpuS, 1),
    ]),
  ]);
  console.log(
    `read model: ${fmt(counts.seekers)} seekers, ${fmt(counts.vacancies)} vacancies; ${fmt(counts.matches)} stored pairs, ` +
      `${fmt(counts.announced)} announced pairs (matching.matches.found.v1); inbox ${fmt(counts.inbox)}; dead letters ${fmt(counts.dead)}`,
  );
}
