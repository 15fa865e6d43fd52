// The messaging benchmark's consuming service: an EventConsumer in a Node process of its own,
// forked by bench/messaging.bench.mjs (which keeps the producers and the OutboxRelay), as the
// producing and the consuming service are separate processes in production. Wired like the
// in-process consumer: its own data source (createServiceDataSource on the same database, schema
// and role), its own NATS connection, ensureStreams, the same SubjectNamespace prefix and handlers.
//
// Protocol (IPC, `serialization: 'advanced'`): the parent sends `{ id, cmd, ...args }` and gets
// `{ id, ok, result | error }`:
//   init {config}          connect database + NATS, ensure streams → { pid, natsVersion }
//   start / stop           start / stop the EventConsumer (start resolves once it is pulling)
//   phase {label,expected} record the next `expected` handled events under `label`
//   meter                  cumulative event-loop and CPU counters (see meterReading)
//   shutdown               stop, close everything, exit 0
// and the child sends on its own `{ type: 'ready' }` once the module is loaded,
// `{ type: 'progress', label, count }` every 500 ms during a phase, and `{ type: 'phase-done',
// label, ids, latencies, handledAt, lastHandled, effects }` when every event of the phase was handled.
// The parent going away (IPC disconnect) ends this process too; SIGINT is left to the parent
// (Ctrl-C reaches the whole process group, and the parent stops this process in its clean-up).
import { performance } from 'node:perf_hooks';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createLogger, PlatformMetrics } from '@olp/platform';
import { createServiceDataSource, initializeServiceDataSource } from '@olp/persistence';
import { ensureStreams, EventConsumer, OutboxWriter, SubjectNamespace } from '@olp/messaging';
import { benchHandlers, meterReading, MIGRATIONS, Phase, SCHEMA, SERVICE } from './messaging-common.mjs';

if (!process.send) {
  console.error('consumer-process.mjs is forked by bench/messaging.bench.mjs (it needs an IPC channel)');
  process.exit(2);
}

let dataSource;
let deps;
let handlers;
let settings;
let nc;
let consumer;
let phase;
let progressTimer;
let shuttingDown;

const commands = {
  async init({ config }) {
    dataSource = createServiceDataSource({
      url: config.serviceUrl,
      schema: SCHEMA,
      entities: [],
      migrations: MIGRATIONS,
      poolSize: config.poolSize,
      applicationName: 'olp-msgbench-consumer',
    });
    await initializeServiceDataSource(dataSource); // migrations are already applied: none pending
    nc = await connect({ servers: config.natsUrl, name: 'msgbench-consumer' });
    const ns = new SubjectNamespace(config.prefix);
    const jsm = await ensureStreams(nc, ns);
    deps = {
      service: SERVICE,
      schema: SCHEMA,
      dataSource,
      js: jetstream(nc),
      jsm,
      ns,
      outbox: new OutboxWriter(SERVICE, SCHEMA),
      metrics: new PlatformMetrics(SERVICE, false),
      logger: createLogger(SERVICE, config.logLevel),
    };
    handlers = benchHandlers(config.handler, () => phase);
    settings = { maxBatch: config.consumerMaxBatch };
    return { pid: process.pid, natsVersion: nc.info?.version };
  },
  async start() {
    if (consumer) throw new Error('consumer already running');
    consumer = new EventConsumer(deps, { name: 'bench', handlers }, settings);
    await consumer.start();
  },
  async stop() {
    const running = consumer;
    consumer = undefined;
    await running?.stop();
  },
  async phase({ label, expected }) {
    clearInterval(progressTimer);
    const current = new Phase(label, expected);
    phase = current;
    progressTimer = setInterval(() => send({ type: 'progress', label, count: current.count }), 500);
    progressTimer.unref();
    void current.done.then(() => {
      if (phase === current) clearInterval(progressTimer);
      send({
        type: 'phase-done',
        label,
        ids: [...current.latencies.keys()],
        latencies: Float64Array.from(current.latencies.values()),
        handledAt: Float64Array.from(current.handledAt.values()),
        lastHandled: current.lastHandled,
        effects: current.effects,
      });
    });
  },
  meter() {
    return meterReading(performance);
  },
  async shutdown() {
    await shutdown();
  },
};

function send(message, then = () => undefined) {
  if (process.connected) process.send(message, undefined, {}, then);
}

/** Stops the consumer and closes the data source and NATS; idempotent. */
function shutdown() {
  shuttingDown ??= (async () => {
    clearInterval(progressTimer);
    const watchdog = setTimeout(() => process.exit(1), 10_000);
    watchdog.unref();
    await commands.stop().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    if (nc) await nc.drain().catch(() => nc.close());
  })();
  return shuttingDown;
}

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    const result = await commands[cmd](args);
    // After shutdown: disconnect once the answer is written; the 'disconnect' handler exits.
    send({ id, ok: true, result }, () => cmd === 'shutdown' && process.connected && process.disconnect());
  } catch (error) {
    send({ id, ok: false, error: error?.stack ?? String(error) });
  }
});
process.on('disconnect', () => void shutdown().finally(() => process.exit(0)));
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => void shutdown().finally(() => process.exit(143)));
process.on('unhandledRejection', (error) => {
  console.error('consumer process: unhandled rejection:', error);
  void shutdown().finally(() => process.exit(1));
});

send({ type: 'ready' });
