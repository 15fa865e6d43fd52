// Small helpers shared by the benchmarks (no dependencies): statistics, tables, environment
// knobs, and a clean-up stack that runs once on normal exit, on errors and on SIGINT/SIGTERM.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** An integer from the environment, or the default when unset/empty. */
export function envInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Percentile (nearest rank) of an ascending-sorted array of numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50/p99/max of a list of latencies in milliseconds. */
export function latencySummary(values) {
  const sorted = Float64Array.from(values).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

export function fmt(value, digits = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  if (typeof value === 'string') return value;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Prints rows (arrays of strings) as an aligned text table; the first row is the header. */
export function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

export function machineSummary() {
  const cpus = os.cpus();
  return `${cpus.length} CPU(s) ${cpus[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with `message` when `promise` has not settled within `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(typeof message === 'function' ? message() : message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Clean-up actions run last-in first-out, each at most once, whatever ends the run: `finish()`
 * after the work, an uncaught error, or SIGINT/SIGTERM. Each action gets `perActionMs` before the
 * next one runs, and a hard watchdog makes the process stop by itself.
 */
export class Cleanup {
  #actions = [];
  #running;
  #stopping = false;

  constructor({ perActionMs = 15_000 } = {}) {
    this.perActionMs = perActionMs;
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ]) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up…`);
        void this.finish(code);
      });
    }
    process.on('unhandledRejection', (error) => {
      console.error('unhandled rejection:', error);
      void this.finish(1);
    });
    process.on('uncaughtException', (error) => {
      console.error('uncaught exception:', error);
      void this.finish(1);
    });
  }

  /** Registers an action; returns it so callers can also run it early via `runNow`. */
  add(label, action) {
    const entry = { label, action, done: false };
    this.#actions.push(entry);
    return entry;
  }

  /** Runs one registered action now (and not again at exit). */
  async runNow(entry) {
    if (entry.done) return;
    entry.done = true;
    await withTimeout(Promise.resolve().then(entry.action), this.perActionMs, `clean-up "${entry.label}" timed out`).catch((error) =>
      console.error(`clean-up "${entry.label}" failed: ${error?.message ?? error}`),
    );
  }

  async runAll() {
    this.#running ??= (async () => {
      while (this.#actions.length > 0) await this.runNow(this.#actions.pop());
    })();
    return this.#running;
  }

  /** True once clean-up has begun: errors of work cut short by it are expected then. */
  get stopping() {
    return this.#stopping;
  }

  /** Runs every action and exits with `code`. */
  async finish(code = 0) {
    this.#stopping = true;
    const watchdog = setTimeout(() => {
      console.error('clean-up did not finish in time; exiting anyway');
      process.exit(code || 1);
    }, this.perActionMs * 2 + 5_000);
    watchdog.unref();
    await this.runAll();
    process.exit(code);
  }

  /** Makes the whole run stop by itself after `ms` (clean-up included). */
  deadline(ms, what) {
    const timer = setTimeout(() => {
      console.error(`${what} did not finish within ${Math.round(ms / 1000)} s; aborting`);
      void this.finish(1);
    }, ms);
    timer.unref();
  }
}

/**
 * CPU seconds used so far by processes grouped by command name (Linux /proc; empty elsewhere),
 * plus the whole machine's busy and total seconds — to see which process eats the cores.
 */
export function cpuSnapshot(names) {
  const TICK = 100; // USER_HZ on Linux
  const byPid = {};
  let machine = { busy: NaN, total: NaN };
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!names.includes(comm)) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byPid[pid] = { comm, seconds: (Number(fields[11]) + Number(fields[12])) / TICK }; // utime + stime
      } catch {
        // the process ended meanwhile
      }
    }
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number); // guest time is already in user
    const idle = cpu[3] + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    machine = { busy: (total - idle) / TICK, total: total / TICK };
  } catch {
    // not Linux
  }
  return { names, byPid, machine, at: Date.now() };
}

/**
 * `cpuSnapshot` difference in numbers: per name, the CPU used in shares of one core; the whole
 * machine's busy share (of all its cores) and busy cores; over `wall` seconds.
 */
export function cpuUse(before, after) {
  const wall = (after.at - before.at) / 1000;
  // Per process, so one that ended in between (a closed connection's backend) does not count negative.
  const byName = Object.fromEntries(after.names.map((n) => [n, 0]));
  for (const [pid, { comm, seconds }] of Object.entries(after.byPid)) byName[comm] += (seconds - (before.byPid[pid]?.seconds ?? 0)) / wall;
  const busy = after.machine.busy - before.machine.busy;
  const total = after.machine.total - before.machine.total;
  return { wall, byName, machineBusy: busy / total, busyCores: busy / wall };
}

/**
 * `cpuSnapshot` difference as "name NN%" (of one core) over the wall time between the two. With
 * `known` (CPU of processes measured otherwise, e.g. the bench's own, in shares of one core) it also
 * prints what the rest of the machine used: other users' processes, the kernel, processes that ended.
 */
export function cpuShare(before, after, known) {
  const use = cpuUse(before, after);
  const parts = Object.entries(use.byName).map(([n, share]) => `${n} ${fmt(share * 100)}%`);
  let text = `${parts.join(', ')} of one core; whole machine ${fmt(use.machineBusy * 100)}% busy`;
  if (known !== undefined) {
    const named = Object.values(use.byName).reduce((a, b) => a + b, 0);
    text += ` (everything else: ${fmt((use.busyCores - named - known) * 100)}% of one core)`;
  }
  return text;
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; NaN elsewhere). */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Seconds a process's main thread has spent ready to run but waiting for a CPU (Linux
 * `/proc/<pid>/schedstat`, second field; NaN elsewhere). A stage that waits much of the window is
 * short of cores rather than slow.
 */
export function processWaitSeconds(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return NaN;
  }
}
