// What the messaging benchmark's two processes share: the event, the bench-only effects table, the
// per-phase recorder and the consumer's handlers, so the in-process consumer and the consumer in
// its own process (lib/consumer-process.mjs) run exactly the same code.
import { processWaitSeconds } from './bench-utils.mjs';
import { MESSAGING_MIGRATIONS } from '@olp/messaging';

export const SUBJECT = 'identity.user.registered.v1';
export const SCHEMA = 'msgbench';
export const SERVICE = 'msgbench';

/** The same payload the messaging tests use (libs/messaging/test/messaging-harness.ts). */
export function userRegistered(n) {
  return {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email: `user${n}@example.org`,
    displayName: `مستخدم ${n}`,
    locale: 'ar',
    country: 'QA',
    roles: ['seeker'],
    countryScope: [],
    registeredAt: new Date().toISOString(),
  };
}

/** Bench-only table for the consumer's side effect, like the harness's EffectsTable migration. */
export class BenchEffectsTable1763856000001 {
  name = 'BenchEffectsTable1763856000001';
  async up(runner) {
    await runner.query(`CREATE TABLE ${SCHEMA}.effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, note text)`);
  }
  async down(runner) {
    await runner.query(`DROP TABLE ${SCHEMA}.effects`);
  }
}

/** The bench service's migrations (both processes' data sources list them, as a service would). */
export const MIGRATIONS = [...MESSAGING_MIGRATIONS, BenchEffectsTable1763856000001];

/** Collects per-event arrival for one phase (warm-up or measured) and resolves when all arrived. */
export class Phase {
  constructor(label, expected) {
    this.label = label;
    this.expected = expected;
    this.latencies = new Map(); // event id → ms from written/published (event.time) to handled
    this.handledAt = new Map(); // event id → Date.now() when handled
    this.lastHandled = 0;
    this.effects = 0; // effect rows the handler inserted (a retried batch counts again)
    this.done = new Promise((resolve) => (this.resolve = resolve));
    if (expected === 0) this.resolve();
  }
  get count() {
    return this.latencies.size;
  }
  record(id, time) {
    const now = Date.now();
    this.latencies.set(id, now - Date.parse(time)); // a retried batch overwrites: the run that committed counts
    this.handledAt.set(id, now);
    this.lastHandled = Math.max(this.lastHandled, now);
    if (this.latencies.size === this.expected) this.resolve();
  }
}

/**
 * The consumer's handlers. BENCH_HANDLER=batch (default): a projection-style batch handler writing
 * every effect of a delivery batch in one statement; =single: one INSERT per event. `phase()`
 * returns the phase being recorded (events outside a phase are handled but not recorded).
 */
export function benchHandlers(mode, phase) {
  if (mode === 'single') {
    return {
      [SUBJECT]: async (event, { em }) => {
        await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) VALUES ($1, $2)`, [event.id, 'bench']);
        const current = phase();
        if (!current) return;
        current.effects += 1;
        current.record(event.id, event.time);
      },
    };
  }
  return {
    [SUBJECT]: {
      batch: async (events, { em }) => {
        await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) SELECT unnest($1::uuid[]), 'bench'`, [events.map((e) => e.id)]);
        const current = phase();
        if (!current) return;
        current.effects += events.length;
        for (const event of events) current.record(event.id, event.time);
      },
    },
  };
}

/**
 * Cumulative event-loop and CPU counters of this process; `meterDelta` turns two into shares.
 * `waitMs`: time the main (event-loop) thread was ready to run but waiting for a CPU (Linux
 * /proc/self/schedstat; NaN elsewhere): a busy loop that waits a lot is short of cores, not slow.
 */
export function meterReading(performance) {
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const waitMs = processWaitSeconds('self') * 1000;
  return { idle: elu.idle, active: elu.active, cpuUs: cpu.user + cpu.system, waitMs, at: performance.now() };
}

/** Event-loop utilisation, CPU and CPU wait (shares of one core / of the wall time) between two `meterReading`s. */
export function meterDelta(before, after) {
  const active = after.active - before.active;
  const idle = after.idle - before.idle;
  const wall = after.at - before.at;
  return {
    elu: active + idle > 0 ? active / (active + idle) : NaN,
    cpu: wall > 0 ? (after.cpuUs - before.cpuUs) / 1000 / wall : NaN,
    wait: wall > 0 ? (after.waitMs - before.waitMs) / wall : NaN,
  };
}
