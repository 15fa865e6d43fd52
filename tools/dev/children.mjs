// Child processes for start.mjs: spawned in their own process group (so a terminal Ctrl-C reaches
// only start.mjs, which then stops them in order), output printed line by line with a
// `[name]` prefix, the last lines kept for error reports, and a graceful stop.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const COLORS = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];
// pino levels, by number or (with a level formatter) by label.
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const LEVEL_COLORS = { trace: 90, debug: 90, info: 32, warn: 33, error: 31, fatal: 31 };
let nextColor = 0;

export function paint(code, text) {
  return useColor ? `\x1b[${code}m${text}\x1b[0m` : text;
}

/** `{"level":30,"time":…,"msg":"…",…}` → `INFO  … {rest}`; anything else unchanged. */
function prettyPino(line) {
  if (!line.startsWith('{')) return line;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || !['number', 'string'].includes(typeof entry.level)) return line;
  const { level, msg, ...rest } = entry;
  for (const noise of ['time', 'pid', 'hostname', 'service']) delete rest[noise];
  const name = LEVELS[level] ?? String(level);
  const label = paint(LEVEL_COLORS[name] ?? 0, name.toUpperCase().padEnd(5));
  const extra = Object.keys(rest).length > 0 ? ` ${paint(90, JSON.stringify(rest))}` : '';
  return `${label} ${msg ?? ''}${extra}`;
}

export class Child {
  /**
   * @param {string} name  prefix for its output lines
   * @param {string} command
   * @param {string[]} args
   * @param {object} options  env, cwd, ipc (adds an IPC channel), pretty (pino lines → level + message),
   *                          show (line → boolean: print it live; default: every line),
   *                          logFile (a path: every line is also appended there, as printed by the child)
   */
  constructor(name, command, args, options = {}) {
    this.name = name;
    this.command = command;
    this.args = args;
    this.options = options;
    this.lastLines = [];
    this.prefix = paint(COLORS[nextColor++ % COLORS.length], `[${name}]`);
  }

  start() {
    const stdio = this.options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'];
    this.process = spawn(this.command, this.args, { cwd: this.options.cwd, env: this.options.env, stdio, detached: true });
    if (this.options.logFile) this.log = fs.createWriteStream(this.options.logFile, { flags: 'a' });
    this.exited = new Promise((resolve) => {
      this.process.once('error', (error) => {
        this.remember(`failed to start: ${error.message}`);
        resolve({ code: null, signal: null, error });
      });
      this.process.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const readers = [this.process.stdout, this.process.stderr].map((stream) => {
      const reader = readline.createInterface({ input: stream, crlfDelay: Infinity });
      reader.on('line', (line) => this.onLine(line));
      return new Promise((resolve) => reader.once('close', resolve));
    });
    // The log file is complete once the child has exited and both pipes are drained.
    this.logClosed = Promise.all([this.exited, ...readers]).then(
      () => new Promise((resolve) => (this.log ? this.log.end(resolve) : resolve())),
    );
    return this;
  }

  get pid() {
    return this.process?.pid;
  }

  get running() {
    return Boolean(this.process) && this.process.exitCode === null && this.process.signalCode === null && this.process.pid !== undefined;
  }

  remember(line) {
    this.lastLines.push(line);
    if (this.lastLines.length > 40) this.lastLines.shift();
  }

  onLine(line) {
    if (line.length === 0) return;
    this.remember(line);
    this.log?.write(`${line}\n`);
    if (this.options.show && !this.options.show(line)) return;
    process.stdout.write(`${this.prefix} ${this.options.pretty ? prettyPino(line) : line}\n`);
  }

  /** Its last output lines, indented, for an error report. */
  tail(lines = 25) {
    const shown = this.lastLines.slice(-lines);
    if (shown.length === 0) return `  (${this.name} printed nothing)`;
    return shown.map((line) => `  ${this.prefix} ${line}`).join('\n');
  }

  describeExit({ code, signal, error }) {
    if (error) return `could not be started (${error.message})`;
    return signal ? `was killed by ${signal}` : `exited with code ${code}`;
  }

  /** SIGTERM, then SIGKILL when it is still there after `graceMs`. Resolves once it has exited. */
  async stop(graceMs = 10_000) {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    });
    const forced = await Promise.race([this.exited.then(() => false), timedOut]);
    clearTimeout(timer);
    if (forced && this.running) {
      process.stdout.write(`${this.prefix} did not stop within ${Math.round(graceMs / 1000)} s: SIGKILL\n`);
      this.process.kill('SIGKILL');
      await this.exited;
    }
  }

  /** Last resort when start.mjs itself is exiting: no waiting possible. */
  killNow(signal = 'SIGKILL') {
    if (this.running) {
      try {
        this.process.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}
