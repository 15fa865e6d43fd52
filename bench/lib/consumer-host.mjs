// Where the messaging benchmark's EventConsumer runs, behind one interface:
//   consumerProcess(...)    in a forked Node process of its own (lib/consumer-process.mjs), as the
//                           consuming service runs apart from the producing one in production;
//   inProcessConsumer(...)  in the bench process, sharing its event loop, data source and NATS
//                           connection with the producers and the relay (BENCH_CONSUMER_PROCESS=0).
// Both offer: start() → stop function; beginPhase(label, expected) → a phase with `done`,
// `count`, `latencies` (id → ms), `handledAt` (id → epoch ms), `lastHandled`, `effects`; and
// meter() → the consumer process's cumulative counters (null when it is this process).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EventConsumer } from '@olp/messaging';
import { benchHandlers, Phase } from './messaging-common.mjs';
import { withTimeout } from './bench-utils.mjs';

const CHILD_MAIN = fileURLToPath(new URL('./consumer-process.mjs', import.meta.url));

/** The consumer in this process, wired with the bench's own deps (shared pool and connection). */
export function inProcessConsumer({ cleanup, deps, handler, consumerMaxBatch }) {
  let phase;
  const handlers = benchHandlers(handler, () => phase);
  return {
    layout: 'in-process',
    pid: process.pid,
    async start() {
      const consumer = new EventConsumer(deps, { name: 'bench', handlers }, { maxBatch: consumerMaxBatch });
      const entry = cleanup.add('stop consumer', () => consumer.stop());
      await consumer.start();
      return () => cleanup.runNow(entry);
    },
    async beginPhase(label, expected) {
      phase = new Phase(label, expected);
      return phase;
    },
    async meter() {
      return null;
    },
  };
}

/** A phase recorded by the consumer process; filled in when it reports the phase done. */
class RemotePhase {
  constructor(label, expected) {
    this.label = label;
    this.expected = expected;
    this.progress = 0;
    this.latencies = new Map();
    this.handledAt = new Map();
    this.lastHandled = 0;
    this.effects = 0;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.done.catch(() => undefined); // awaited by the run; a rejection nobody awaits (clean-up) is expected
  }
  get count() {
    return Math.max(this.progress, this.latencies.size);
  }
  finish({ ids, latencies, handledAt, lastHandled, effects }) {
    for (let i = 0; i < ids.length; i++) {
      this.latencies.set(ids[i], latencies[i]);
      this.handledAt.set(ids[i], handledAt[i]);
    }
    this.lastHandled = lastHandled;
    this.effects = effects;
    this.resolve();
  }
}

/**
 * Forks the consumer process, waits until it is connected (database, NATS, streams), and registers
 * its clean-up: ask it to shut down, SIGKILL after `graceMs`. A synchronous last resort kills it
 * when this process exits without running the clean-up.
 */
export async function consumerProcess({ cleanup, config, startTimeoutMs = 60_000, graceMs = 8_000 }) {
  const child = fork(CHILD_MAIN, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  let exit; // why it ended, once it did
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const pending = new Map();
  let nextId = 1;
  let phase;
  let ready;
  const readyOrExit = new Promise((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code, signal) => reject(new Error(`consumer process exited (${code ?? signal}) before it was ready`)));
  });
  readyOrExit.catch(() => undefined);

  child.on('exit', (code, signal) => {
    exit = `consumer process (pid ${child.pid}) exited (${signal ?? `code ${code}`})`;
    const error = new Error(exit);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    phase?.reject(error);
  });
  child.on('error', (error) => console.error(`consumer process: ${error.message}`));
  child.on('message', (message) => {
    if (message.id !== undefined) {
      const request = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) request?.resolve(message.result);
      else request?.reject(new Error(`consumer process, ${request?.cmd}: ${message.error}`));
    } else if (message.type === 'ready') {
      ready();
    } else if (message.type === 'progress' && phase?.label === message.label) {
      phase.progress = message.count;
    } else if (message.type === 'phase-done' && phase?.label === message.label) {
      phase.finish(message);
    }
  });
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  const request = (cmd, args = {}) => {
    if (exit) return Promise.reject(new Error(exit));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { cmd, resolve, reject });
      child.send({ id, cmd, ...args }, (error) => {
        if (!error) return;
        pending.delete(id);
        reject(error);
      });
    });
  };

  cleanup.add('stop consumer process', async () => {
    if (exit) return;
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await request('shutdown').catch(() => child.kill('SIGTERM'));
    await exited;
    clearTimeout(kill);
  });

  await withTimeout(readyOrExit, startTimeoutMs, 'consumer process did not start in time');
  const info = await withTimeout(request('init', { config }), startTimeoutMs, 'consumer process did not connect in time');

  return {
    layout: 'process',
    pid: child.pid,
    natsVersion: info.natsVersion,
    async start() {
      const entry = cleanup.add('stop consumer (in the consumer process)', () => (exit ? undefined : request('stop')));
      await request('start'); // resolves once the EventConsumer is pulling
      return () => cleanup.runNow(entry);
    },
    async beginPhase(label, expected) {
      phase = new RemotePhase(label, expected);
      await request('phase', { label, expected });
      return phase;
    },
    meter() {
      return request('meter');
    },
  };
}
