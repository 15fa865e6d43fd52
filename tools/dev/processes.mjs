// The platform's services as child processes (`node apps/<name>/dist/main.js`, built by
// `npm run build`) against a PostgreSQL database and a NATS server someone else provides: the e2e
// process harness (e2e/src/process-harness.ts) and `npm run bench:e2e` start the platform with it.
// Same service table and environment as `npm start` (services.mjs), same child handling
// (children.mjs: own process group, IPC channel + parent-watch.mjs so that a service ends itself
// when its parent dies), each on a free port, output to one log file per service.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Child } from './children.mjs';
import { freePort, waitForHttp200 } from './probes.mjs';
import { SERVICES, serviceEnv, serviceNamed } from './services.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PARENT_WATCH = new URL('./parent-watch.mjs', import.meta.url).href;

/** Every service's name, in start order (the gateway last). */
export const SERVICE_NAMES = SERVICES.map((service) => service.name);

const running = new Set();
// Last resort when the parent ends without stopping them (a crashed test worker): nothing may
// outlive it. (Killed with SIGKILL, the parent runs no hook: then parent-watch.mjs in each service
// notices the closed IPC channel and stops the service.)
process.on('exit', () => {
  for (const child of running) child.killNow('SIGKILL');
});

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

/**
 * Services started by `ServiceProcesses.start`, in start order: `{ name, port, url, pid, logFile, child }`.
 */
export class ServiceProcesses {
  constructor(logDir) {
    this.logDir = logDir;
    /** @type {{ name: string, port: number, url: string, pid: number, logFile: string, child: Child }[]} */
    this.services = [];
    /** `name: how it ended` for every service that ended while it should have been running. */
    this.unexpectedExits = [];
    this.stopping = false;
  }

  /**
   * Starts the services named in `names` (entries of SERVICES, in that order; the gateway, if
   * named, last) and resolves once every one answers 200 on /health/ready. Services other than the
   * gateway start at once (they provision their schemas and streams safely side by side); the
   * gateway after them. On any failure, what was started is stopped and the error carries the
   * failing service's last log lines.
   *
   * @param {object} options
   *   names        services to start, e.g. ['identity', 'vacancies', 'seekers', 'matching', 'gateway']
   *   adminUrl     PostgreSQL admin (superuser) URL; its database part is replaced by `database`
   *   database     the database the services provision their schemas in
   *   natsUrl      NATS with JetStream
   *   env          variables for every service (e.g. MESSAGING_PREFIX), over process.env
   *   serviceEnv   (name) => variables for one service (win over `env`)
   *   nodeArgs     (name) => node arguments for one service (e.g. `--cpu-prof`), optional
   *   admin        identity's bootstrap admin { email, password }, optional
   *   smtpUrl      where the notifications service sends e-mail (SMTP_URL), optional
   *   taxonomy     TAXONOMY_FILE for the services that read it, optional
   *   logDir       where `<name>.log` files go (created if missing)
   *   logLevel     LOG_LEVEL, default 'info'
   *   show         print the services' lines live too (prefixed), default false
   *   readyTimeoutMs  per service, default 60 s
   */
  static async start(options) {
    const processes = new ServiceProcesses(options.logDir);
    fs.mkdirSync(options.logDir, { recursive: true });
    const services = options.names.map(serviceNamed);
    const backends = services.filter((service) => service.name !== 'gateway');
    const gateway = services.filter((service) => service.name === 'gateway');
    try {
      await Promise.all(backends.map((service) => processes.#startOne(service, options)));
      for (const service of gateway) await processes.#startOne(service, options);
    } catch (error) {
      await processes.stop().catch(() => undefined);
      throw error;
    }
    return processes;
  }

  async #startOne(service, options) {
    const main = path.join(REPO, 'apps', service.name, 'dist', 'main.js');
    if (!fs.existsSync(main)) throw new Error(`${path.relative(REPO, main)} is missing: run \`npm run build\` first`);
    const port = await freePort();
    const logFile = path.join(this.logDir, `${service.name}.log`);
    fs.writeFileSync(logFile, '');
    const env = serviceEnv(service, {
      base: { ...process.env, ...(options.env ?? {}) },
      natsUrl: options.natsUrl,
      port,
      logLevel: options.logLevel ?? 'info',
      adminUrl: options.adminUrl,
      database: options.database,
      taxonomy: options.taxonomy,
      admin: options.admin,
      smtpUrl: options.smtpUrl,
      extra: options.serviceEnv?.(service.name) ?? {},
    });
    const child = new Child(service.name, process.execPath, [...(options.nodeArgs?.(service.name) ?? []), '--import', PARENT_WATCH, main], {
      cwd: REPO,
      env,
      ipc: true,
      logFile,
      show: () => Boolean(options.show),
    }).start();
    running.add(child);
    const entry = { name: service.name, port, url: `http://127.0.0.1:${port}`, pid: child.pid, logFile, child };
    this.services.push(entry);
    void child.exited.then((info) => {
      running.delete(child);
      if (!this.stopping) this.unexpectedExits.push(`${service.name} ${child.describeExit(info)}`);
    });
    try {
      await waitForHttp200(
        `${entry.url}/health/ready`,
        options.readyTimeoutMs ?? 60_000,
        child.exited.then((info) => {
          throw new Error(`${service.name} ${child.describeExit(info)}`);
        }),
      );
    } catch (error) {
      throw new Error(`${service.name} did not become ready: ${error instanceof Error ? error.message : String(error)}\n${this.tail(service.name)}`, {
        cause: error,
      });
    }
    return entry;
  }

  /** The running service called `name`. */
  get(name) {
    const entry = this.services.find((service) => service.name === name);
    if (!entry) throw new Error(`service ${name} was not started`);
    return entry;
  }

  /** The last `lines` lines of a service's log file, indented, with its name. */
  tail(name, lines = 40) {
    const entry = this.services.find((service) => service.name === name);
    if (!entry) return `  (${name} was not started)`;
    let text = '';
    try {
      text = fs.readFileSync(entry.logFile, 'utf8');
    } catch {
      // not written yet
    }
    const last = text.split('\n').filter(Boolean).slice(-lines);
    if (last.length === 0) return `  [${name}] (no output; log ${entry.logFile})`;
    return [`  [${name}] last ${last.length} lines of ${entry.logFile}:`, ...last.map((line) => `  [${name}] ${line}`)].join('\n');
  }

  /** Every service's log tail, and the services that ended unexpectedly: for a failure report. */
  report(lines = 40) {
    const exits = this.unexpectedExits.length > 0 ? `services that ended on their own: ${this.unexpectedExits.join('; ')}\n` : '';
    return exits + this.services.map((service) => this.tail(service.name, lines)).join('\n');
  }

  /**
   * Stops every service (reverse start order: the gateway first) with SIGTERM, SIGKILL after
   * `graceMs`, waits until their logs are complete, and checks that no process is left.
   */
  async stop(graceMs = 10_000) {
    this.stopping = true;
    for (const { child } of [...this.services].reverse()) await child.stop(graceMs);
    await Promise.all(this.services.map(({ child }) => child.logClosed));
    const left = this.services.filter(({ pid }) => pid !== undefined && isAlive(pid));
    if (left.length > 0) throw new Error(`still running after stop: ${left.map(({ name, pid }) => `${name} (pid ${pid})`).join(', ')}`);
  }
}
