// Built services as child processes for the benchmarks: start `node <main>` with an environment,
// wait for an HTTP health path, keep the last lines of its output for error messages, stop it with
// SIGTERM (SIGKILL after a grace period), and kill it synchronously if the bench exits without
// its clean-up.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { sleep } from './bench-utils.mjs';

const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * One HTTP request: `{ status, headers, body }` with the body as text. `agent` (default none: a
 * fresh connection) lets a caller keep connections alive; `timeoutMs` (default none) fails it.
 */
export function httpRequest(url, { method = 'GET', headers = {}, body, agent = false, timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Plain GET without extra headers (what autocannon sends; `fetch` would add Accept-Language: *). */
export function httpGet(url, timeoutMs = 10_000) {
  return httpRequest(url, { timeoutMs });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
export function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `node [...nodeArgs] main` with `env` (over this process's environment), registers its stop with
 * `cleanup`, and waits until GET `readyUrl` answers 200. Returns `{ child, pid, output, stop }`;
 * `stop()` stops it now (and not again at exit).
 */
export async function startService({ label, main, env, cwd, readyUrl, cleanup, timeoutMs = 90_000, nodeArgs = [] }) {
  // An `undefined` value removes the variable (the service's default applies).
  const fullEnv = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  const child = spawn(process.execPath, [...nodeArgs, main], { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const output = [];
  const keep = (chunk) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 40) output.splice(0, output.length - 40);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => children.delete(child));
  const entry = cleanup.add(`stop ${label}`, () => stopChild(child));

  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${label} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('\n')}`);
    }
    try {
      const res = await httpGet(readyUrl, 2_000);
      if (res.status === 200) break;
      last = `HTTP ${res.status} ${res.body.slice(0, 200)}`;
    } catch (error) {
      last = error.code ?? error.message;
    }
    if (Date.now() > deadline) throw new Error(`${label}: GET ${readyUrl} not 200 within ${timeoutMs / 1000} s (last: ${last}):\n${output.join('\n')}`);
    await sleep(150);
  }
  return { child, pid: child.pid, output, stop: () => cleanup.runNow(entry) };
}
