// Gateway HTTP benchmark: `GET /api/v1/reference/countries` on the real gateway (child process,
// `node apps/gateway/dist/main.js`) against a bare Fastify server sending the very same body, with
// the same autocannon settings, in the same run. Prints req/s, p50/p99 latency, non-2xx counts and
// the gateway/bare ratio. Figures only: exit 0 unless the run itself broke.
//
//   npm run bench:gateway              (builds first; the gateway needs NATS at NATS_URL)
//
// Knobs: BENCH_DURATION_S=10  BENCH_WARMUP_S=2  BENCH_CONNECTIONS=50  BENCH_PATH=/api/v1/reference/countries
//        BENCH_GATEWAY_MAIN=apps/gateway/dist/main.js (when it does not exist, only the bare server is measured)
// Everything listens on and is sent to 127.0.0.1 only; both servers are child processes, killed on
// exit, errors and SIGINT/SIGTERM, and the gateway's streams (random MESSAGING_PREFIX) are deleted.
import { fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BARE_SERVER_FLAG = '--bare-server';

if (process.argv.includes(BARE_SERVER_FLAG)) {
  await serveBare();
} else {
  await main();
}

/** Child mode: a bare Fastify server answering the benchmarked path with the body the parent sends. */
async function serveBare() {
  const { default: Fastify } = await import('fastify');
  process.once('message', async ({ path: route, body, contentType }) => {
    const app = Fastify({ logger: false });
    app.get(route, (_request, reply) => {
      void reply.header('Content-Type', contentType).send(body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.send({ port: app.server.address().port });
    // The parent going away (normally or not) ends this process too.
    process.once('disconnect', () => void app.close().finally(() => process.exit(0)));
  });
}

async function main() {
  const [{ default: autocannon }, { deleteTestStreams, freePort, randomSuffix, testNatsUrl }, utils] = await Promise.all([
    import('autocannon'),
    import('@olp/testing'),
    import('./lib/bench-utils.mjs'),
  ]);
  const { Cleanup, cpuSnapshot, envInt, fmt, machineSummary, printTable, processCpuSeconds, sleep } = utils;

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const gatewayMain = path.resolve(root, process.env['BENCH_GATEWAY_MAIN'] || 'apps/gateway/dist/main.js');
  const route = process.env['BENCH_PATH'] || '/api/v1/reference/countries';
  const cfg = {
    durationS: Math.max(1, envInt('BENCH_DURATION_S', 10)),
    warmupS: envInt('BENCH_WARMUP_S', 2),
    connections: Math.max(1, envInt('BENCH_CONNECTIONS', 50)),
  };

  const cleanup = new Cleanup();
  try {
    await run();
  } catch (error) {
    // After SIGINT/SIGTERM the clean-up stops what the run was using: that error is expected.
    if (!cleanup.stopping) {
      console.error('gateway benchmark failed:', error);
      await cleanup.finish(1);
    }
  }

  async function run() {
    cleanup.deadline((cfg.durationS + cfg.warmupS) * 2_000 + 90_000, 'the gateway benchmark');
    const children = new Set();
    // Last resort (synchronous) if the process exits without running the clean-up stack.
    process.on('exit', () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    console.log(`# gateway benchmark — ${machineSummary()}`);
    console.log(
      `GET ${route}: ${cfg.connections} connections, ${cfg.warmupS} s warm-up then ${cfg.durationS} s measured, per server ` +
        '(autocannon in this process; each server is its own Node process)\n',
    );

    const rows = [];
    let gatewayBody;
    let contentType = 'application/json; charset=utf-8';

    // ---- the gateway ------------------------------------------------------------------------------
    let gateway;
    if (existsSync(gatewayMain)) {
      const port = await freePort();
      const prefix = `bench-${randomSuffix()}.`;
      const env = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        NATS_URL: testNatsUrl(),
        MESSAGING_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        // GatewayConfig caps RATE_LIMIT_MAX at 1,000,000 per window (larger values fail validation and
        // the gateway refuses to start): that is far above what one client address sends here.
        RATE_LIMIT_MAX: '1000000',
      };
      const child = spawn(process.execPath, [gatewayMain], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.add(child);
      const output = [];
      const keep = (chunk) => {
        output.push(...chunk.toString().split('\n').filter(Boolean));
        if (output.length > 40) output.splice(0, output.length - 40);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      cleanup.add('delete gateway streams', () => deleteTestStreams(prefix));
      cleanup.add('stop gateway', () => stopChild(child, 10_000));
      const base = `http://127.0.0.1:${port}`;
      await waitForLive(child, `${base}/health/live`, 45_000, output);
      const first = await get(`${base}${route}`);
      if (first.status !== 200) throw new Error(`gateway answered ${route} with ${first.status}: ${first.body.slice(0, 300)}`);
      gatewayBody = first.body;
      contentType = first.headers['content-type'] ?? contentType;
      console.log(`gateway: pid ${child.pid} on ${base} (MESSAGING_PREFIX=${prefix}); ${route} → 200, ${fmt(Buffer.byteLength(gatewayBody))} bytes`);
      gateway = { child, url: `${base}${route}`, output };
    } else {
      console.log(`NOTE: ${path.relative(root, gatewayMain)} does not exist (gateway not built yet): measuring the bare Fastify server alone,`);
      console.log('      with a body built from @olp/reference-data COUNTRIES (the gateway\'s exact shape may differ).\n');
      gatewayBody = await fallbackBody();
    }

    // ---- the bare Fastify server, same body ---------------------------------------------------------
    const bare = fork(fileURLToPath(import.meta.url), [BARE_SERVER_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(bare);
    cleanup.add('stop bare server', () => stopChild(bare, 5_000));
    const barePort = await new Promise((resolve, reject) => {
      bare.once('message', (m) => resolve(m.port));
      bare.once('exit', (code) => reject(new Error(`bare Fastify server exited (${code}) before listening`)));
      bare.send({ path: route, body: gatewayBody, contentType });
    });
    const bareUrl = `http://127.0.0.1:${barePort}${route}`;
    const check = await get(bareUrl);
    if (check.status !== 200 || check.body !== gatewayBody) throw new Error('bare server does not serve the same body');
    console.log(`bare Fastify: pid ${bare.pid} on 127.0.0.1:${barePort}, same body and Content-Type (${contentType})\n`);

    // ---- load -----------------------------------------------------------------------------------
    const measure = async (label, url, pid) => {
      if (cfg.warmupS > 0) await runCannon({ url, connections: cfg.connections, duration: cfg.warmupS });
      const cpuBefore = processCpuSeconds(pid);
      const machineBefore = cpuSnapshot([]).machine;
      const started = Date.now();
      const result = await runCannon({ url, connections: cfg.connections, duration: cfg.durationS });
      const cpu = (processCpuSeconds(pid) - cpuBefore) / ((Date.now() - started) / 1000);
      const machineAfter = cpuSnapshot([]).machine;
      // Whole machine, this process (autocannon) and the server included: near 100% means the cores were the limit.
      const machine = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
      const codes = Object.entries(result.statusCodeStats ?? {})
        .map(([code, { count }]) => `${code}×${count}`)
        .join(' ');
      console.log(
        `${label}: ${fmt(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
          `status ${codes || '-'}, errors ${result.errors}, timeouts ${result.timeouts}, server CPU ${fmt(cpu * 100)}% of one core, ` +
          `machine ${fmt(machine * 100)}% busy`,
      );
      return { label, result, cpu, machine };
    };
    const runCannon = (options) =>
      new Promise((resolve, reject) => {
        const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
        const stop = cleanup.add('stop autocannon', () => instance.stop());
        instance.once('done', () => {
          stop.done = true;
        });
      });

    if (gateway) rows.push(await measure('gateway', gateway.url, gateway.child.pid));
    rows.push(await measure('bare Fastify', bareUrl, bare.pid));

    if (gateway && gateway.child.exitCode !== null) console.log(`WARNING: the gateway exited during the run:\n${gateway.output.join('\n')}`);

    // ---- report ---------------------------------------------------------------------------------
    console.log('\n## results');
    const table = [['server', 'req/s', 'p50 ms', 'p99 ms', 'max ms', '2xx', 'non-2xx', 'errors', 'MB/s', 'server CPU', 'machine busy']];
    for (const { label, result, cpu, machine } of rows) {
      table.push([
        label,
        fmt(result.requests.average),
        fmt(result.latency.p50),
        fmt(result.latency.p99),
        fmt(result.latency.max),
        fmt(result['2xx']),
        fmt(result.non2xx),
        fmt(result.errors + result.timeouts),
        fmt(result.throughput.average / 2 ** 20, 1),
        `${fmt(cpu * 100)}%`,
        `${fmt(machine * 100)}%`,
      ]);
    }
    if (rows.length === 2) {
      const [g, b] = rows.map((r) => r.result);
      table.push([
        'ratio gateway / bare',
        `${fmt(g.requests.average / b.requests.average, 3)}×`,
        `${fmt(g.latency.p50 / b.latency.p50, 2)}×`,
        `${fmt(g.latency.p99 / b.latency.p99, 2)}×`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    printTable(table);
      if (!gateway) console.log(`\n(gateway half skipped: ${path.relative(root, gatewayMain)} missing — run \`npm run build\` once the gateway exists)`);
    await cleanup.finish(0);
  }

  // ---- helpers --------------------------------------------------------------------------------
  async function waitForLive(child, url, timeoutMs, output) {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the gateway exited (${child.exitCode ?? child.signalCode}) before it was live:\n${output.join('\n')}`);
      }
      try {
        const res = await get(url);
        if (res.status === 200) return;
        last = `HTTP ${res.status}`;
      } catch (error) {
        last = error.code ?? error.message;
      }
      await sleep(100);
    }
    throw new Error(`GET ${url} not 200 within ${timeoutMs / 1000} s (last: ${last}):\n${output.join('\n')}`);
  }
}

/** Plain GET without extra headers (what autocannon sends; `fetch` would add Accept-Language: *). */
function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 5_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
function stopChild(child, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    child.kill('SIGTERM');
  });
}

/** Without the gateway: the countries list in roughly the gateway's shape, from the reference data. */
async function fallbackBody() {
  const { COUNTRIES, resolveText } = await import('@olp/reference-data');
  const items = COUNTRIES.map((c) => ({
    code: c.alpha2,
    alpha3: c.alpha3,
    numeric: c.numeric,
    name: c.name,
    label: resolveText(c.name, 'en') ?? '',
    oicGroup: c.oicGroup,
    currency: c.currency,
  })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return JSON.stringify({ items, nextCursor: null });
}
