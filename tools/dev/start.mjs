#!/usr/bin/env node
// Runs the whole platform on this machine (`npm start` builds first, then runs this):
// PostgreSQL (the one at DATABASE_URL / 127.0.0.1:5432, else an embedded one), NATS with
// JetStream (NATS_URL / 127.0.0.1:4222, else a nats-server started here), then every service
// from apps/*/dist, one after the other, each once the previous one is ready. Ctrl-C stops it all.
// Behaviour and every environment variable: tools/dev/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Child, paint } from './children.mjs';
import { startMailCatcher } from './mail-catcher.mjs';
import { findExecutable, isPortFree, natsHostPort, pickPort, probeNats, probePostgres, waitForHttp200 } from './probes.mjs';
import { SERVICES, serviceEnv } from './services.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PARENT_WATCH = new URL('./parent-watch.mjs', import.meta.url).href;
const DATA = path.join(REPO, '.data');
const env = process.env;

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const EMBEDDED_PG_PORT = 54329;
const NATS_PORT = 4222;
const MAIL_PORT = 1025;
const DATABASE = 'olp';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
// The password policy refuses passwords containing the e-mail's local part ("admin").
const DEV_ADMIN = { email: 'admin@olp.local', password: 'Change-Me-Dev-2026' };

const admin = {
  email: env.BOOTSTRAP_ADMIN_EMAIL || DEV_ADMIN.email,
  password: env.BOOTSTRAP_ADMIN_PASSWORD || DEV_ADMIN.password,
  defaultEmail: !env.BOOTSTRAP_ADMIN_EMAIL,
  defaultPassword: !env.BOOTSTRAP_ADMIN_PASSWORD,
};

const state = {
  /** { url, embedded, port?, child? } */
  pg: undefined,
  /** { url, spawned, child? } */
  nats: undefined,
  /** [{ service, port, child }] in start order */
  services: [],
  /** SMTP_URL, or the local mail catcher's */
  smtpUrl: undefined,
  /** the local mail catcher, when SMTP_URL is not set */
  mail: undefined,
  /** TAXONOMY_FILE as an absolute path, or undefined (built-in taxonomy only) */
  taxonomy: undefined,
  shuttingDown: false,
  shutdown: undefined,
};

/** An error to report to the user, with the output of the child it is about. */
class Fatal extends Error {
  constructor(message, child) {
    super(message);
    this.child = child;
  }
}

const tag = paint(1, '[dev]');
function say(message) {
  process.stdout.write(`${tag} ${message}\n`);
}
function warn(message) {
  process.stderr.write(`${paint(33, '[dev]')} ${message}\n`);
}
function report(error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${paint(31, '[dev] error:')} ${message}\n`);
  if (error instanceof Fatal && error.child) process.stderr.write(`${tag} last output of ${error.child.name}:\n${error.child.tail()}\n`);
  else if (error instanceof Error && !(error instanceof Fatal) && error.stack) process.stderr.write(`${error.stack}\n`);
}

function flag(name) {
  return /^(1|true|yes|on)$/i.test(env[name] ?? '');
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function relative(file) {
  return path.relative(REPO, file) || '.';
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Postgres and NATS output: only warnings and errors, unless OLP_INFRA_LOGS=1. */
function infraShow(line) {
  return flag('OLP_INFRA_LOGS') || /\b(WARNING|ERROR|FATAL|PANIC)\b|\[(ERR|WRN|FTL)\]/.test(line);
}

// --- PostgreSQL ---------------------------------------------------------------------------------

async function setUpPostgres() {
  const given = env.DATABASE_URL;
  if (flag('OLP_FORCE_EMBEDDED_PG')) {
    if (given) warn('OLP_FORCE_EMBEDDED_PG is set: DATABASE_URL is ignored');
    return startEmbeddedPostgres();
  }
  const url = given || DEFAULT_PG_URL;
  const probe = await probePostgres(url);
  if (probe.ok) {
    state.pg = { url, embedded: false };
    return;
  }
  if (given) throw new Fatal(`DATABASE_URL (${redact(url)}) does not work: ${probe.error}`);
  if (probe.answered) {
    throw new Fatal(
      `a Postgres answers at ${redact(url)} but refused it: ${probe.error}\n` +
        '  Set DATABASE_URL to a superuser URL for it (postgres://user:password@host:port/postgres),\n' +
        '  or OLP_FORCE_EMBEDDED_PG=1 to run an embedded Postgres instead.',
    );
  }
  say(`no Postgres at ${redact(url)} (${probe.error}): starting an embedded one`);
  return startEmbeddedPostgres();
}

async function startEmbeddedPostgres() {
  const port = await pickPort(EMBEDDED_PG_PORT);
  if (state.shuttingDown) return;
  const dataDir = path.join(DATA, 'postgres');
  const first = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  say(
    first
      ? `embedded Postgres: creating a cluster in ${relative(dataDir)} (first run: a few seconds), port ${port}`
      : `embedded Postgres: starting the cluster in ${relative(dataDir)} on port ${port}`,
  );
  const child = new Child('postgres', process.execPath, [fileURLToPath(new URL('./embedded-pg.mjs', import.meta.url))], {
    cwd: REPO,
    env: { ...env, OLP_PG_DATA_DIR: dataDir, OLP_PG_PORT: String(port) },
    ipc: true,
    show: infraShow,
  }).start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  state.pg = { url, embedded: true, port, child };
  let timer;
  await new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Fatal('the embedded Postgres did not start within 120 s', child)), 120_000);
    child.process.on('message', (message) => {
      if (message?.type === 'ready') resolve();
      if (message?.type === 'error') reject(new Fatal(`the embedded Postgres could not start: ${message.message}`, child));
    });
    void child.exited.then((info) => reject(new Fatal(`the embedded Postgres ${child.describeExit(info)}`, child)));
  }).finally(() => clearTimeout(timer));
  const probe = await probePostgres(url);
  if (!probe.ok) throw new Fatal(`the embedded Postgres started but ${url} does not work: ${probe.error}`, child);
}

// --- NATS ---------------------------------------------------------------------------------------

async function setUpNats() {
  const given = env.NATS_URL;
  if (flag('OLP_FORCE_NATS_SPAWN')) {
    if (given) warn('OLP_FORCE_NATS_SPAWN is set: NATS_URL is ignored');
    return spawnNats();
  }
  const url = given || DEFAULT_NATS_URL;
  const probe = await probeNats(url);
  if (probe.ok) {
    if (probe.info.jetstream !== true) {
      throw new Fatal(
        `the NATS server at ${redact(url)} runs without JetStream, which the platform needs.\n` +
          '  Restart it with JetStream on (nats-server -js, or `jetstream {}` in its config), or set NATS_URL to one that has it.',
      );
    }
    state.nats = { url, spawned: false };
    return;
  }
  if (given) throw new Fatal(`NATS_URL (${redact(url)}) does not answer: ${probe.error}`);
  if (probe.answered) throw new Fatal(`${probe.error}. Free port ${NATS_PORT}, or set NATS_URL to a NATS server with JetStream.`);
  say(`no NATS at ${url} (${probe.error}): starting a nats-server`);
  return spawnNats();
}

async function spawnNats() {
  const bin = findExecutable('nats-server');
  if (!bin) {
    throw new Fatal(
      'no NATS server answers and there is no nats-server on the PATH (nor in /usr/sbin, /usr/local/bin). Either:\n' +
        '  - install one: `sudo apt-get install nats-server` (Debian/Ubuntu), `brew install nats-server` (macOS),\n' +
        '    or download a release from https://github.com/nats-io/nats-server/releases and put nats-server on the PATH;\n' +
        '  - or set NATS_URL to a running NATS server with JetStream (e.g. `docker run -p 4222:4222 nats -js`).',
    );
  }
  const port = await pickPort(NATS_PORT);
  if (state.shuttingDown) return;
  const storeDir = path.join(DATA, 'nats');
  fs.mkdirSync(storeDir, { recursive: true });
  const url = `nats://127.0.0.1:${port}`;
  say(`starting ${bin} on port ${port}, JetStream data in ${relative(storeDir)}`);
  const child = new Child('nats', bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { cwd: REPO, env, show: infraShow }).start();
  state.nats = { url, spawned: true, child };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const info = await Promise.race([child.exited, sleep(200).then(() => undefined)]);
    if (info || !child.running) throw new Fatal(`nats-server ${child.describeExit(info ?? (await child.exited))}`, child);
    if (state.shuttingDown) return;
    const probe = await probeNats(url, 1000);
    if (probe.ok && probe.info.jetstream === true) return;
  }
  throw new Fatal(`nats-server did not answer on ${url} within 15 s`, child);
}

// --- services -----------------------------------------------------------------------------------

function portVariable(service) {
  return `${service.name.toUpperCase()}_PORT`;
}

function portHint(service) {
  return service.name === 'gateway' ? 'GATEWAY_PORT (or PORT)' : portVariable(service);
}

function portOf(service) {
  const raw = env[portVariable(service)] || (service.name === 'gateway' ? env.PORT : undefined);
  if (!raw) return service.port;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Fatal(`${portHint(service)}: ${JSON.stringify(raw)} is not a port number`);
  return port;
}

/**
 * TAXONOMY_FILE, when set: an ESCO taxonomy snapshot (`npm run esco:import -- <esco-dir> <out.json>`).
 * A relative path is taken from the directory `npm start` was run in (npm's INIT_CWD), made
 * absolute because the services run in the repository root, and checked before anything starts.
 */
function taxonomyFile() {
  const given = env.TAXONOMY_FILE;
  if (!given) return undefined;
  const file = path.resolve(env.INIT_CWD || process.cwd(), given);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new Fatal(`TAXONOMY_FILE: cannot read ${file} (${error.code ?? error.message}); build one with \`npm run esco:import -- <esco-dir> <out.json>\`, or unset it`);
  }
  if (!stat.isFile()) throw new Fatal(`TAXONOMY_FILE: ${file} is not a file`);
  return file;
}

async function startService(service) {
  const port = portOf(service);
  const main = path.join(REPO, 'apps', service.name, 'dist', 'main.js');
  if (!fs.existsSync(main)) throw new Fatal(`${relative(main)} is missing: run \`npm run build\` first (\`npm start\` does)`);
  if (!(await isPortFree(port))) {
    throw new Fatal(`port ${port} (${service.name}) is taken by another process: free it, or set ${portHint(service)} to another port`);
  }
  // Nothing new once a shutdown has begun (it only stops what is already in `state`).
  if (state.shuttingDown) return;
  const childEnv = serviceEnv(service, {
    base: env,
    natsUrl: state.nats.url,
    port,
    logLevel: env.LOG_LEVEL || 'info',
    adminUrl: state.pg.url,
    database: DATABASE,
    taxonomy: state.taxonomy,
    admin,
    smtpUrl: state.smtpUrl,
  });
  if (service.name === 'identity') {
    const defaults = [admin.defaultEmail && `e-mail ${admin.email}`, admin.defaultPassword && `password ${admin.password}`].filter(Boolean);
    if (defaults.length > 0) say(`bootstrap admin: dev default ${defaults.join(' and ')} (set BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD to choose your own)`);
  }
  say(`starting ${service.name} on port ${port}`);
  const child = new Child(service.name, process.execPath, ['--import', PARENT_WATCH, main], {
    cwd: REPO,
    env: childEnv,
    ipc: true,
    pretty: flag('OLP_PRETTY_LOGS'),
  }).start();
  state.services.push({ service, port, child });
  // Whenever a service ends on its own (during start-up or later), everything stops.
  void child.exited.then((info) => {
    if (state.shuttingDown) return;
    report(new Fatal(`${service.name} ${child.describeExit(info)}`, child));
    void shutdown(1);
  });
  const readyUrl = `http://127.0.0.1:${port}/health/ready`;
  try {
    await waitForHttp200(readyUrl, READY_TIMEOUT_MS, child.exited.then(() => { throw new Error(`${service.name} exited`); }));
  } catch (error) {
    throw new Fatal(`${service.name} did not become ready: ${error instanceof Error ? error.message : String(error)}`, child);
  }
  say(`${service.name} is ready`);
}

// --- banner, shutdown ---------------------------------------------------------------------------

function banner() {
  const gateway = state.services.find((entry) => entry.service.name === 'gateway');
  const base = `http://127.0.0.1:${gateway.port}`;
  const pg = state.pg.embedded
    ? `embedded (started here), ${state.pg.url}, data in .data/postgres`
    : `external, ${redact(state.pg.url)}`;
  const nats = state.nats.spawned ? `nats-server started here, ${state.nats.url}, data in .data/nats` : `external, ${redact(state.nats.url)}`;
  const adminLine = admin.defaultPassword
    ? `${admin.email} / ${admin.password}  (dev defaults; set BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD)`
    : `${admin.email}${admin.defaultEmail ? ' (dev default e-mail)' : ''} with your BOOTSTRAP_ADMIN_PASSWORD`;
  const rows = [
    ['API', `${base}/api/v1`],
    ['API docs', `${base}/api/docs`],
    ['Services', state.services.map(({ service, port }) => `${service.name} :${port}`).join(', ')],
    ['Postgres', `${pg}; services use database ${DATABASE}`],
    ['NATS', `${nats} (JetStream)`],
    ['Mail', state.mail ? `caught here (${state.smtpUrl}), each message in .data/mail/*.eml` : `sent to ${redact(state.smtpUrl)} (SMTP_URL)`],
    ['Taxonomy', state.taxonomy ? `built-in + ${state.taxonomy} (TAXONOMY_FILE)` : 'built-in only (set TAXONOMY_FILE to an ESCO snapshot: tools/dev/README.md)'],
    ['Admin', `${adminLine}; created at start when no admin exists yet`],
  ];
  const rule = paint(32, '─'.repeat(78));
  const lines = [
    rule,
    paint(1, '  OIC Labour Market Platform is running'),
    ...rows.map(([label, value]) => `  ${paint(1, label.padEnd(9))} ${value}`),
    '  Ctrl-C stops everything.',
    rule,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function shutdown(code, why) {
  if (state.shutdown) return state.shutdown;
  state.shuttingDown = true;
  state.shutdown = (async () => {
    if (why) say(why);
    // Reverse start order: the gateway stops taking requests first.
    for (const { service, child } of [...state.services].reverse()) {
      if (child.running) say(`stopping ${service.name}`);
      await child.stop(STOP_GRACE_MS);
    }
    await state.mail?.close();
    if (state.nats?.child?.running) {
      say('stopping nats-server');
      await state.nats.child.stop(STOP_GRACE_MS);
    }
    if (state.pg?.child?.running) {
      say('stopping the embedded Postgres');
      await state.pg.child.stop(30_000);
    }
    say(code === 0 ? 'all stopped' : 'all stopped (exit code 1)');
    process.exit(code);
  })();
  return state.shutdown;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (state.shuttingDown) {
      say(`${signal}: already stopping (each service gets ${STOP_GRACE_MS / 1000} s, then SIGKILL)`);
      return;
    }
    if (signal === 'SIGINT' && process.stdout.isTTY) process.stdout.write('\n');
    void shutdown(0, `${signal}: stopping everything`);
  });
}

// Last resort when this process ends without a proper shutdown: nothing may outlive it. The
// embedded Postgres helper gets SIGTERM so that it still stops Postgres cleanly.
process.on('exit', () => {
  for (const { child } of state.services) child.killNow('SIGKILL');
  state.nats?.child?.killNow('SIGKILL');
  state.pg?.child?.killNow('SIGTERM');
});

for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    report(error);
    void shutdown(1);
  });
}

/** Every service's port, checked before anything starts. */
function checkPorts() {
  const seen = new Map();
  for (const service of SERVICES) {
    const port = portOf(service);
    if (seen.has(port)) throw new Fatal(`${service.name} and ${seen.get(port)} would both use port ${port}: set ${portHint(service)} to another port`);
    seen.set(port, service.name);
  }
}

/** SMTP_URL when set; else a local catcher writing every e-mail to .data/mail. */
async function setUpMail() {
  if (env.SMTP_URL) {
    state.smtpUrl = env.SMTP_URL;
    return;
  }
  const port = await pickPort(MAIL_PORT);
  state.mail = await startMailCatcher(port, path.join(DATA, 'mail'), ({ to, subject, file }) => say(`mail to ${to}: ${subject} (${path.relative(REPO, file)})`));
  state.smtpUrl = state.mail.url;
  say(`Mail: no SMTP_URL, catching e-mail on ${state.smtpUrl} into .data/mail`);
}

async function main() {
  checkPorts();
  state.taxonomy = taxonomyFile();
  if (state.taxonomy) say(`taxonomy snapshot ${state.taxonomy} (TAXONOMY_FILE) for ${SERVICES.filter((s) => s.taxonomy).map((s) => s.name).join(', ')}`);
  await setUpPostgres();
  if (state.shuttingDown) return;
  say(`Postgres: ${state.pg.embedded ? 'embedded' : 'external'}, ${redact(state.pg.url)}`);
  await setUpNats();
  if (state.shuttingDown) return;
  const { host, port } = natsHostPort(state.nats.url);
  say(`NATS: ${state.nats.spawned ? 'started here' : 'external'}, ${host}:${port}, JetStream on`);
  await setUpMail();
  if (state.shuttingDown) return;
  for (const service of SERVICES) {
    await startService(service);
    if (state.shuttingDown) return;
  }
  banner();
}

main().catch((error) => {
  if (state.shuttingDown) return;
  report(error);
  void shutdown(1);
});
