// Messaging benchmark: events through transactional outbox → OutboxRelay → JetStream → durable
// EventConsumer with inbox (one effect row per event), end to end, against raw JetStream
// publish/consume without a database, in the same run. Prints events/s, p50/p99 latency, the
// ratio, and PASS/MISS against the target (≥ 5,000 events/s end to end on 2 cores). Never fails
// on the figures: exit 0 unless the run itself broke.
//
//   npm run bench:messaging            (builds first; needs PostgreSQL and NATS JetStream)
//
// Uses DATABASE_URL (superuser; a throw-away database and role are created and dropped) and
// NATS_URL (streams under a random prefix, deleted afterwards); defaults 127.0.0.1.
// Knobs (defaults = the services' production defaults):
//   BENCH_EVENTS=20000  BENCH_WARMUP=1000  BENCH_PRODUCERS=4  BENCH_TX_SIZE=100
//   BENCH_POOL_SIZE=10  BENCH_RELAY_BATCH=500  BENCH_RELAY_POLL_MS=1000  BENCH_CONSUMER_MAX_BATCH=100
//   BENCH_SYNCHRONOUS_COMMIT=(server default)|off|local   BENCH_TIMEOUT_S=180   BENCH_LOG_LEVEL=warn
//   BENCH_STAGED=1   also time each stage alone (producers, relay, consumer) after the main run
//   BENCH_HANDLER=batch|single   the consumer's handler: one multi-row INSERT per batch, or one per event
//   BENCH_CONSUMER_PROCESS=1|0   1 (default): the EventConsumer runs in a Node process of its own
//                    (lib/consumer-process.mjs), as the consuming service does in production, while this
//                    process keeps the producers and the relay (the producing service); 0: all in this process
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { AckPolicy, DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, nanos } from '@nats-io/transport-node';
import { createLogger, PlatformMetrics } from '@olp/platform';
import { createServiceDataSource, initializeServiceDataSource, provisionServiceDatabase, redactUrl, withDatabase } from '@olp/persistence';
import {
  connectTestNats,
  createTestDatabase,
  deleteTestStreams,
  randomSuffix,
  testMessagingPrefix,
  testNatsUrl,
  testPostgresAdminUrl,
} from '@olp/testing';
import {
  buildCloudEvent,
  DEFAULT_CONSUMER_SETTINGS,
  ensureStreams,
  HEADER_EVENT_ID,
  HEADER_EVENT_TYPE,
  OutboxRelay,
  OutboxWriter,
  SubjectNamespace,
} from '@olp/messaging';
import { Cleanup, cpuShare, cpuSnapshot, cpuUse, envInt, fmt, latencySummary, machineSummary, printTable, sleep, withTimeout } from './lib/bench-utils.mjs';
import { consumerProcess, inProcessConsumer } from './lib/consumer-host.mjs';
import { meterDelta, meterReading, MIGRATIONS, Phase, SCHEMA, SERVICE, SUBJECT, userRegistered } from './lib/messaging-common.mjs';

const TARGET_EVENTS_PER_S = 5000;

const cfg = {
  events: envInt('BENCH_EVENTS', 20_000),
  warmup: envInt('BENCH_WARMUP', 1_000),
  producers: Math.max(1, envInt('BENCH_PRODUCERS', 4)),
  txSize: Math.max(1, envInt('BENCH_TX_SIZE', 100)),
  poolSize: Math.max(2, envInt('BENCH_POOL_SIZE', 10)),
  relayBatch: envInt('BENCH_RELAY_BATCH', 500),
  relayPollMs: envInt('BENCH_RELAY_POLL_MS', 1000),
  consumerMaxBatch: envInt('BENCH_CONSUMER_MAX_BATCH', DEFAULT_CONSUMER_SETTINGS.maxBatch),
  synchronousCommit: process.env['BENCH_SYNCHRONOUS_COMMIT'] || '',
  timeoutMs: envInt('BENCH_TIMEOUT_S', 180) * 1000,
  handler: process.env['BENCH_HANDLER'] === 'single' ? 'single' : 'batch',
  consumerProcess: process.env['BENCH_CONSUMER_PROCESS'] !== '0',
  logLevel: process.env['BENCH_LOG_LEVEL'] || 'warn',
};
if (cfg.synchronousCommit && !/^(on|off|local|remote_write|remote_apply)$/.test(cfg.synchronousCommit)) {
  throw new Error('BENCH_SYNCHRONOUS_COMMIT must be on, off, local, remote_write or remote_apply');
}
if (!/^[01]?$/.test(process.env['BENCH_CONSUMER_PROCESS'] ?? '')) throw new Error('BENCH_CONSUMER_PROCESS must be 1 or 0');
const LAYOUT = cfg.consumerProcess
  ? 'two processes: producers + relay in the bench process, EventConsumer in its own process (BENCH_CONSUMER_PROCESS=1)'
  : 'one process: producers, relay and EventConsumer share the bench process (BENCH_CONSUMER_PROCESS=0)';

const cleanup = new Cleanup();
cleanup.deadline(cfg.timeoutMs + 60_000, 'the messaging benchmark');

async function main() {
  console.log(`# messaging benchmark — ${machineSummary()}`);
  console.log(`PostgreSQL ${redactUrl(testPostgresAdminUrl())}, NATS ${testNatsUrl()}`);

  // ---- infrastructure: own database + role, own stream prefix ----------------------------------
  const db = await createTestDatabase('msgbench');
  const role = `olp_msgbench_${randomSuffix()}`;
  cleanup.add('drop role', () => dropRole(role));
  cleanup.add('drop database', () => db.drop());
  const serverSettings = (
    await db.query(
      `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS wal_sync_method,
              current_setting('shared_buffers') AS shared_buffers`,
    )
  )[0];
  if (cfg.synchronousCommit) await db.query(`ALTER DATABASE "${db.name}" SET synchronous_commit = '${cfg.synchronousCommit}'`);
  const serviceUrl = db.serviceUrl(role);
  await provisionServiceDatabase({ adminUrl: db.adminUrl, serviceUrl, schema: SCHEMA });
  const dataSource = createServiceDataSource({
    url: serviceUrl,
    schema: SCHEMA,
    entities: [],
    migrations: MIGRATIONS,
    poolSize: cfg.poolSize,
  });
  cleanup.add('close data source', () => (dataSource.isInitialized ? dataSource.destroy() : undefined));
  await initializeServiceDataSource(dataSource);

  const prefix = testMessagingPrefix('msgbench');
  const ns = new SubjectNamespace(prefix);
  cleanup.add('delete streams', () => deleteTestStreams(prefix));
  const nc = await connectTestNats('msgbench');
  cleanup.add('close NATS', () => nc.drain().catch(() => nc.close()));
  const jsm = await ensureStreams(nc, ns);
  const js = jetstream(nc);

  console.log(
    `PostgreSQL ${serverSettings.version}: synchronous_commit=${cfg.synchronousCommit || serverSettings.synchronous_commit}, ` +
      `fsync=${serverSettings.fsync}, wal_sync_method=${serverSettings.wal_sync_method}, shared_buffers=${serverSettings.shared_buffers}; ` +
      `NATS ${nc.info?.version ?? '?'} (file storage, 1 replica)`,
  );
  console.log(
    `events=${cfg.events} (+${cfg.warmup} warm-up), producers=${cfg.producers} × transactions of ${cfg.txSize}, pool=${cfg.poolSize}, ` +
      `relay batch=${cfg.relayBatch} poll=${cfg.relayPollMs} ms, consumer maxBatch=${cfg.consumerMaxBatch} handler=${cfg.handler}`,
  );
  console.log(`layout: ${LAYOUT}\n`);

  // ---- 1. raw JetStream baseline -------------------------------------------------------------
  const raw = await rawBaseline(nc, jsm, js, ns);

  // ---- 2. outbox → relay → JetStream → consumer + inbox --------------------------------------
  const e2e = await endToEnd({ db, dataSource, js, jsm, ns, serviceUrl, prefix });

  // ---- report ---------------------------------------------------------------------------------
  console.log(`\n## results (${cfg.consumerProcess ? 'consumer in its own process' : 'consumer in the bench process'}, handler=${cfg.handler})`);
  printTable([
    ['path', 'events', 'events/s', 'p50 ms', 'p99 ms', 'max ms', 'wall ms'],
    ['raw JetStream publish → pull consume + ack', fmt(raw.count), fmt(raw.rate), fmt(raw.lat.p50), fmt(raw.lat.p99), fmt(raw.lat.max), fmt(raw.wallMs)],
    ['outbox → relay → JetStream → consumer + inbox', fmt(e2e.count), fmt(e2e.rate), fmt(e2e.lat.p50), fmt(e2e.lat.p99), fmt(e2e.lat.max), fmt(e2e.wallMs)],
    ['ratio end-to-end / raw', '', `${fmt(e2e.rate / raw.rate, 3)}×`, `${fmt(e2e.lat.p50 / raw.lat.p50, 1)}×`, `${fmt(e2e.lat.p99 / raw.lat.p99, 1)}×`, '', ''],
  ]);
  console.log('\nlatency: raw = consume time − publish time; end to end = handler time − CloudEvent `time` (set when the producer wrote the event)');
  console.log(`end to end, commit → handler (excludes the producer's own transaction): p50 ${fmt(e2e.commitLat.p50)} ms, p99 ${fmt(e2e.commitLat.p99)} ms`);
  console.log('\n## where the end-to-end time goes (database clocks; relay/consumer times are when each batch transaction started)');
  printTable([
    ['stage', 'first → last', 'ms', 'events/s', 'batches', 'avg batch'],
    ['producers: outbox rows committed', '', fmt(e2e.produceMs), fmt((e2e.count / e2e.produceMs) * 1000), fmt(e2e.producerTx), fmt(e2e.count / e2e.producerTx, 1)],
    ['relay: rows claimed + published', e2e.stages.relay.span, fmt(e2e.stages.relay.ms), fmt(e2e.stages.relay.rate), fmt(e2e.stages.relay.batches), fmt(e2e.stages.relay.avg, 1)],
    ['consumer: inbox + effect transactions', e2e.stages.consumer.span, fmt(e2e.stages.consumer.ms), fmt(e2e.stages.consumer.rate), fmt(e2e.stages.consumer.batches), fmt(e2e.stages.consumer.avg, 1)],
  ]);
  console.log(`max outbox backlog (written, not yet claimed by the relay): ${fmt(e2e.maxBacklog)} events`);
  console.log(`layout: ${LAYOUT}`);
  // CPU: the whole process (all threads: GC, JIT, libuv pool) in % of one core; "waiting for a CPU":
  // share of the time its event-loop thread was ready to run but had no core (the machine was full).
  const usage = (u) => `event loop busy ${fmt(u.elu * 100)}%, CPU ${fmt(u.cpu * 100)}% of one core, waiting for a CPU ${fmt(u.wait * 100)}% of the time`;
  if (e2e.usage.consumer) {
    console.log(`bench process (pid ${process.pid}: producers + relay): ${usage(e2e.usage)} (raw phase: ${usage(raw.usage)})`);
    console.log(`consumer process (pid ${e2e.consumerPid}: EventConsumer): ${usage(e2e.usage.consumer)}`);
    console.log(`both Node processes: CPU ${fmt((e2e.usage.cpu + e2e.usage.consumer.cpu) * 100)}% of one core`);
  } else {
    console.log(`this Node process (producers + relay + consumer share one event loop): ${usage(e2e.usage)} (raw phase: ${usage(raw.usage)})`);
  }
  console.log(`other processes during the end-to-end run: ${e2e.usage.others}`);
  {
    // CPU time per measured event (the run's CPU over the events; includes the backlog probe and
    // the effect-count polling, a few queries per 100 ms).
    const u = e2e.usage;
    const perEvent = (coreShare) => fmt((coreShare * u.use.wall * 1e6) / e2e.count);
    const node = u.consumer ? `bench process ${perEvent(u.cpu)} + consumer process ${perEvent(u.consumer.cpu)}` : `bench process ${perEvent(u.cpu)}`;
    console.log(
      `CPU per end-to-end event: ${node}, postgres ${perEvent(u.use.byName.postgres)}, nats-server ${perEvent(u.use.byName['nats-server'])}; ` +
        `whole machine ${perEvent(u.use.busyCores)} µs`,
    );
  }
  console.log(`other processes during the raw run: ${raw.usage.others}`);
  if (e2e.stagedRates) {
    console.log('\n## each stage alone (BENCH_STAGED=1: producers with relay stopped, then relay alone, then consumer alone)');
    // Loop busy: of the process that ran the stage (the consumer process for the consumer stage,
    // unless BENCH_CONSUMER_PROCESS=0); Node CPU: both Node processes together.
    printTable([
      ['stage alone', 'events', 'ms', 'events/s', 'µs/event', 'ran in', 'loop busy', 'Node CPU'],
      ...e2e.stagedRates.map((s) => {
        const usage = s.where === 'consumer' ? s.usage.consumer : s.usage;
        const nodeCpu = s.usage.cpu + (s.usage.consumer?.cpu ?? 0);
        return [
          s.label,
          fmt(s.count),
          fmt(s.ms),
          fmt((s.count / s.ms) * 1000),
          fmt((s.ms * 1000) / s.count),
          s.where === 'consumer' ? 'consumer process' : 'bench process',
          `${fmt(usage.elu * 100)}%`,
          `${fmt(nodeCpu * 100)}%`,
        ];
      }),
    ]);
    for (const s of e2e.stagedRates) console.log(`  ${s.label}: ${s.usage.others}`);
    const serial = e2e.stagedRates.reduce((sum, s) => sum + s.ms / s.count, 0);
    console.log(
      `sum of the stages' cost per event: ${fmt(serial * 1000)} µs → ${fmt(1000 / serial)} events/s if they simply share the machine ` +
        `(measured together: ${fmt(e2e.rate)} events/s); slowest stage alone caps a pipelined run at ${fmt(Math.min(...e2e.stagedRates.map((s) => (s.count / s.ms) * 1000)))} events/s`,
    );
  }
  const pass = e2e.rate >= TARGET_EVENTS_PER_S;
  console.log(
    `\ntarget: ≥ ${fmt(TARGET_EVENTS_PER_S)} events/s end to end on 2 cores → ${pass ? 'PASS' : 'MISS'} (${fmt(e2e.rate)} events/s on this machine)`,
  );
}

/** Publishes in pipelined windows of 1,000 and consumes with a durable pull consumer, acking each. */
async function rawBaseline(nc, jsm, js, ns) {
  const stream = ns.stream('BENCH_RAW');
  const subject = ns.subject('benchraw.event.v1');
  await jsm.streams.add({
    name: stream,
    subjects: [subject],
    storage: 'file',
    retention: 'limits',
    discard: 'old',
    num_replicas: 1,
    duplicate_window: nanos(120_000),
  });
  const durable = 'bench-raw';
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: subject,
    ack_wait: nanos(30_000),
    max_ack_pending: 1000, // as EventConsumer configures its durables
  });
  let phase;
  const consumer = await js.consumers.get(stream, durable);
  const messages = await consumer.consume({
    max_messages: DEFAULT_CONSUMER_SETTINGS.maxBatch * ((DEFAULT_CONSUMER_SETTINGS.concurrency ?? 1) + 1), // as EventConsumer pulls
    callback: (msg) => {
      const event = JSON.parse(msg.string());
      msg.ack();
      phase.record(event.id, event.time);
    },
  });
  const closeConsumer = cleanup.add('close raw consumer', () => messages.close());

  const publish = async (count) => {
    for (let start = 0; start < count; start += 1000) {
      const window = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        // The same envelope and headers the relay sends, so the ratio isolates the database's share.
        const event = buildCloudEvent(SERVICE, SUBJECT, userRegistered(i));
        const h = natsHeaders();
        h.set(HEADER_EVENT_ID, event.id);
        h.set(HEADER_EVENT_TYPE, event.type);
        window.push(js.publish(subject, JSON.stringify(event), { msgID: event.id, headers: h }));
      }
      await Promise.all(window);
    }
  };

  if (cfg.warmup > 0) {
    phase = new Phase('raw warm-up', cfg.warmup);
    await publish(cfg.warmup);
    await withTimeout(phase.done, cfg.timeoutMs, 'raw warm-up did not complete');
  }
  phase = new Phase('raw', cfg.events);
  const load = await loadMeter();
  const t0 = Date.now();
  await publish(cfg.events);
  const published = Date.now();
  await withTimeout(phase.done, cfg.timeoutMs, () => `raw JetStream: ${phase.latencies.size}/${cfg.events} consumed in time`);
  const wallMs = Math.max(1, phase.lastHandled - t0);
  const usage = await load.stop();
  await cleanup.runNow(closeConsumer);
  const result = {
    usage,
    count: phase.latencies.size,
    wallMs,
    rate: (phase.latencies.size / wallMs) * 1000,
    lat: latencySummary(phase.latencies.values()),
  };
  console.log(
    `raw JetStream: published ${fmt(cfg.events)} in ${fmt(published - t0)} ms (${fmt((cfg.events / Math.max(1, published - t0)) * 1000)}/s acked by the server), ` +
      `all consumed after ${fmt(wallMs)} ms → ${fmt(result.rate)} events/s, p50 ${fmt(result.lat.p50)} ms, p99 ${fmt(result.lat.p99)} ms`,
  );
  return result;
}

async function endToEnd({ db, dataSource, js, jsm, ns, serviceUrl, prefix }) {
  const metrics = new PlatformMetrics(SERVICE, false);
  const logger = createLogger(SERVICE, cfg.logLevel);
  const outbox = new OutboxWriter(SERVICE, SCHEMA);

  // The consumer as the services wire it (MessagingModule), with the handlers of BENCH_HANDLER
  // (lib/messaging-common.mjs): in a process of its own (its own data source on the same database,
  // schema and role, its own NATS connection), or in this one with this process's deps.
  const consumerHost = cfg.consumerProcess
    ? await consumerProcess({
        cleanup,
        config: {
          serviceUrl,
          natsUrl: testNatsUrl(),
          prefix,
          poolSize: cfg.poolSize,
          handler: cfg.handler,
          consumerMaxBatch: cfg.consumerMaxBatch,
          logLevel: cfg.logLevel,
        },
      })
    : inProcessConsumer({
        cleanup,
        deps: { service: SERVICE, schema: SCHEMA, dataSource, js, jsm, ns, outbox, metrics, logger },
        handler: cfg.handler,
        consumerMaxBatch: cfg.consumerMaxBatch,
      });
  if (cfg.consumerProcess) console.log(`consumer process: pid ${consumerHost.pid}, connected (own data source pool of ${cfg.poolSize}, own NATS connection)`);

  // The relay as the services wire it; stopped before the data source closes, since clean-up runs
  // last-in first-out.
  const startRelay = async () => {
    const relay = new OutboxRelay(dataSource, js, ns, metrics, logger, { schema: SCHEMA, batchSize: cfg.relayBatch, pollIntervalMs: cfg.relayPollMs });
    const stopWaking = outbox.onCommit(dataSource, () => relay.wake());
    const entry = cleanup.add('stop relay', async () => {
      await relay.stop();
      stopWaking();
    });
    await relay.start();
    return () => cleanup.runNow(entry);
  };
  const startConsumer = () => consumerHost.start(); // resolves once the consumer is pulling

  let phase;
  let effectsBefore = 0;
  const countEffects = async () => (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.effects`))[0].n;
  const countUnpublished = async () => (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`))[0].n;

  /** `cfg.producers` concurrent producers writing `count` events in transactions of `cfg.txSize`. */
  const produce = async (count, numberFrom) => {
    const commitAt = new Map();
    const ids = [];
    const txCount = Math.ceil(count / cfg.txSize);
    let nextTx = 0;
    let producerTx = 0;
    let firstWrite = Infinity;
    const producer = async () => {
      while (nextTx < txCount) {
        const tx = nextTx++;
        const size = Math.min(cfg.txSize, count - tx * cfg.txSize);
        const written = [];
        await dataSource.transaction(async (em) => {
          const items = Array.from({ length: size }, (_, j) => ({ payload: userRegistered(numberFrom + tx * cfg.txSize + j) }));
          // One statement per transaction (OutboxWriter.addMany), as a bulk change in a service would do.
          for (const event of await outbox.addMany(em, SUBJECT, items)) {
            firstWrite = Math.min(firstWrite, Date.parse(event.time));
            written.push(event.id);
          }
        });
        const now = Date.now();
        for (const id of written) {
          commitAt.set(id, now);
          ids.push(id);
        }
        producerTx += 1;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: cfg.producers }, producer));
    return { ids, commitAt, firstWrite, producerTx, produceMs: Date.now() - started };
  };

  /** Resolves once the handler ran for every event of the phase and all effect rows are committed. */
  const allEffects = async (label, count) => {
    await withTimeout(phase.done, cfg.timeoutMs, () => `${label}: only ${phase.count}/${count} events handled in time`);
    // The handler ran for every event; the effect is real once the consumer's transaction commits.
    const want = effectsBefore + count;
    while ((await countEffects()) < want) await sleep(2);
    effectsBefore = want;
    return Date.now();
  };

  /** Runs `count` events through producers → relay → consumer, all running at once. */
  const run = async (label, count, numberFrom) => {
    phase = await consumerHost.beginPhase(label, count); // acknowledged before the first event is written
    let backlogProbe = true;
    let maxBacklog = 0;
    const probe = (async () => {
      // How far the relay falls behind the producers (sampled; a cheap partial-index count).
      while (backlogProbe) {
        maxBacklog = Math.max(maxBacklog, await countUnpublished());
        await sleep(100);
      }
    })();
    const load = await loadMeter(consumerHost);
    let produced;
    let lastCommitted;
    try {
      produced = await produce(count, numberFrom);
      lastCommitted = await allEffects(label, count);
    } finally {
      backlogProbe = false;
      await probe;
    }
    const usage = await load.stop();
    const commitLat = [];
    for (const [id, at] of phase.handledAt) commitLat.push(at - produced.commitAt.get(id));
    return { ...produced, lastCommitted, commitLat, maxBacklog, usage };
  };

  let stopRelay = await startRelay();
  let stopConsumer = await startConsumer();
  if (cfg.warmup > 0) await run('end-to-end warm-up', cfg.warmup, 1_000_000);
  const r = await run('end to end', cfg.events, 0);
  const wallMs = Math.max(1, r.lastCommitted - r.firstWrite);
  const stages = await stageBreakdown(db, r.ids);
  const result = {
    count: phase.count,
    wallMs,
    rate: (phase.count / wallMs) * 1000,
    lat: latencySummary(phase.latencies.values()),
    commitLat: latencySummary(r.commitLat),
    produceMs: r.produceMs,
    producerTx: r.producerTx,
    maxBacklog: r.maxBacklog,
    usage: r.usage,
    consumerPid: consumerHost.pid,
    stages,
  };
  console.log(
    `end to end: ${fmt(result.count)} events written and all effects committed in ${fmt(wallMs)} ms → ${fmt(result.rate)} events/s, ` +
      `p50 ${fmt(result.lat.p50)} ms, p99 ${fmt(result.lat.p99)} ms (handlers wrote ${fmt(phase.effects)} effect rows, retried batches included)`,
  );

  if (process.env['BENCH_STAGED'] === '1') {
    // Diagnostics: each stage with the database (and its event loop) to itself. The consumer stage
    // runs where the consumer lives (its own process unless BENCH_CONSUMER_PROCESS=0).
    await stopRelay();
    await stopConsumer();
    phase = await consumerHost.beginPhase('staged', cfg.events);
    const staged = [];
    let load = await loadMeter(consumerHost);
    const produced = await produce(cfg.events, 2_000_000);
    staged.push({ label: 'producers → outbox (relay, consumer stopped)', where: 'bench', count: cfg.events, ms: produced.produceMs, usage: await load.stop() });
    load = await loadMeter(consumerHost);
    let t = Date.now();
    stopRelay = await startRelay();
    while ((await countUnpublished()) > 0) await sleep(2);
    staged.push({ label: 'relay → JetStream (consumer stopped)', where: 'bench', count: cfg.events, ms: Date.now() - t, usage: await load.stop() });
    await stopRelay();
    load = await loadMeter(consumerHost);
    t = Date.now();
    stopConsumer = await startConsumer();
    await allEffects('staged consumer', cfg.events);
    staged.push({
      label: 'JetStream → consumer + inbox + effect',
      where: cfg.consumerProcess ? 'consumer' : 'bench',
      count: cfg.events,
      ms: Date.now() - t,
      usage: await load.stop(),
    });
    await stopConsumer();
    result.stagedRates = staged;
  }
  return result;
}

/** Spans and batch counts of the relay and the consumer, from the timestamps the tables keep. */
async function stageBreakdown(db, ids) {
  const [relay] = await db.query(
    `SELECT min(published_at) AS first, max(published_at) AS last, count(DISTINCT published_at)::int AS batches, count(*)::int AS n
     FROM ${SCHEMA}.outbox WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const [consumer] = await db.query(
    `SELECT min(processed_at) AS first, max(processed_at) AS last, count(DISTINCT processed_at)::int AS batches, count(*)::int AS n
     FROM ${SCHEMA}.inbox WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const describe = (row) => {
    const ms = row.first && row.last ? row.last.getTime() - row.first.getTime() : NaN;
    return {
      span: row.first ? `${row.first.toISOString().slice(11, 23)} → ${row.last.toISOString().slice(11, 23)}` : '-',
      ms,
      rate: ms > 0 ? (row.n / ms) * 1000 : NaN,
      batches: row.batches,
      avg: row.batches ? row.n / row.batches : NaN,
    };
  };
  return { relay: describe(relay), consumer: describe(consumer) };
}

/**
 * Event-loop utilisation and CPU (share of one core) of this process and, when it runs apart, of
 * the consumer process, plus the postgres and nats-server processes, between start and stop().
 */
async function loadMeter(consumerHost) {
  const snap = cpuSnapshot(['postgres', 'nats-server']);
  const consumerBefore = consumerHost ? await consumerHost.meter() : null;
  const before = meterReading(performance);
  return {
    async stop() {
      const own = meterDelta(before, meterReading(performance));
      const consumer = consumerBefore ? meterDelta(consumerBefore, await consumerHost.meter()) : null;
      const after = cpuSnapshot(['postgres', 'nats-server']);
      return { ...own, consumer, use: cpuUse(snap, after), others: cpuShare(snap, after, own.cpu + (consumer?.cpu ?? 0)) };
    },
  };
}

async function dropRole(role) {
  const admin = new pg.Client({ connectionString: withDatabase(testPostgresAdminUrl(), 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
  } finally {
    await admin.end();
  }
}

try {
  await main();
  await cleanup.finish(0);
} catch (error) {
  // After SIGINT/SIGTERM the clean-up closes what the run was using: that error is expected.
  if (!cleanup.stopping) {
    console.error('messaging benchmark failed:', error);
    await cleanup.finish(1);
  }
}
