// Small checks used by start.mjs: does a Postgres / NATS server answer, is a TCP port free.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

/**
 * Connects with `url` and runs `SELECT 1`.
 * Returns `{ ok: true }`, or `{ ok: false, answered, error }` where `answered` says whether a
 * Postgres server was there (it refused us: bad password, unknown database…) as opposed to
 * nothing listening / no answer within the timeout.
 */
export async function probePostgres(url, timeoutMs = 3000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A DatabaseError carries the server's severity; a password the client lacks fails client-side.
    const answered = (typeof error === 'object' && error !== null && 'severity' in error) || /password|SASL|SCRAM/i.test(message);
    return { ok: false, answered, error: message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `nats://user:pass@host:port` (or `tls://…`, or a comma-separated list: the first one) → host and port. */
export function natsHostPort(url) {
  const first = url.split(',')[0].trim();
  const parsed = new URL(first.includes('://') ? first : `nats://${first}`);
  return { host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(parsed.port || 4222) };
}

/**
 * Opens a TCP connection and reads the first line, which a NATS server sends unprompted:
 * `INFO {...json...}`. Returns `{ ok: true, info }`, or `{ ok: false, answered, error }` where
 * `answered` means something listened but did not speak NATS.
 */
export function probeNats(url, timeoutMs = 3000) {
  const { host, port } = natsHostPort(url);
  return new Promise((resolve) => {
    let buffered = '';
    let settled = false;
    const socket = net.connect({ host, port });
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, answered: buffered.length > 0, error: `no answer from ${host}:${port} within ${timeoutMs} ms` }), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('error', (error) => finish({ ok: false, answered: false, error: error.message }));
    socket.on('close', () => finish({ ok: false, answered: buffered.length > 0, error: `${host}:${port} closed the connection` }));
    socket.on('data', (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf('\r\n');
      if (end < 0 && buffered.length < 64 * 1024) return;
      const line = end < 0 ? buffered : buffered.slice(0, end);
      if (!line.startsWith('INFO ')) {
        finish({ ok: false, answered: true, error: `${host}:${port} is not a NATS server (it sent ${JSON.stringify(line.slice(0, 60))})` });
        return;
      }
      try {
        finish({ ok: true, info: JSON.parse(line.slice(5)) });
      } catch {
        finish({ ok: false, answered: true, error: `${host}:${port} sent an unreadable INFO line` });
      }
    });
  });
}

/** Whether `port` can be bound on `host` right now. */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `preferred` when it is free, else a port the OS picks. */
export async function pickPort(preferred, host = '127.0.0.1') {
  if (await isPortFree(preferred, host)) return preferred;
  return freePort(host);
}

/** A port the OS picks as free right now (another process may still take it before it is used). */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200. Rejects after `timeoutMs`, or as soon as `abort` rejects. */
export async function waitForHttp200(url, timeoutMs, abort) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  const aborted = abort.then(
    () => ({ aborted: true }),
    (error) => ({ aborted: true, error }),
  );
  while (Date.now() < deadline) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 2000);
    const attempt = fetch(url, { signal: controller.signal })
      .then(async (response) => {
        last = `HTTP ${response.status}`;
        if (response.status !== 200) last += `: ${(await response.text().catch(() => '')).slice(0, 300)}`;
        return response.status === 200;
      })
      .catch((error) => {
        last = error instanceof Error ? (error.cause?.code ?? error.message) : String(error);
        return false;
      })
      .finally(() => clearTimeout(timer));
    const outcome = await Promise.race([attempt, aborted]);
    if (typeof outcome === 'object') throw outcome.error ?? new Error('stopped while waiting');
    if (outcome) return;
    const pause = new Promise((resolve) => setTimeout(resolve, 500));
    const early = await Promise.race([pause.then(() => null), aborted]);
    if (early) throw early.error ?? new Error('stopped while waiting');
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/** An executable called `name` on the PATH, or in /usr/sbin, /usr/local/bin; else undefined. */
export function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
