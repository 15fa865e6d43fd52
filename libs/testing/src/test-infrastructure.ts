import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { withCredentials, withDatabase } from '@olp/persistence';

/**
 * Where the tests find PostgreSQL and NATS JetStream: `TEST_DATABASE_URL` / `DATABASE_URL` and
 * `NATS_URL` from the environment; else the containers the global setup started through
 * testcontainers (when a Docker engine exists); else the local defaults, which `.ci/run` makes
 * sure are running. Never mocks.
 */
export function testPostgresAdminUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testNatsUrl(): string {
  return process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
}

export function randomSuffix(bytes = 4): string {
  return randomBytes(bytes).toString('hex');
}

export interface TestDatabase {
  name: string;
  /** Superuser URL to this database (for assertions across schemas). */
  adminUrl: string;
  /** A service role's URL to this database (provisioning creates the role). */
  serviceUrl(role: string): string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A database of its own for one test file, so suites run in parallel and rerun cleanly. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `olp_test_${label.replace(/[^a-z0-9]/g, '_')}_${randomSuffix()}`;
  const root = testPostgresAdminUrl();
  const admin = new pg.Client({ connectionString: withDatabase(root, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const adminUrl = withDatabase(root, name);
  const pool = new pg.Pool({ connectionString: adminUrl, max: 2 });
  // Dropping the database terminates idle connections; that is expected, not a crash.
  pool.on('error', () => undefined);
  return {
    name,
    adminUrl,
    // The same password `npm start` gives these roles by default, so both can share a server.
    serviceUrl: (role: string) => withCredentials(adminUrl, role, `${role}_dev`),
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: withDatabase(root, 'postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A subject/stream prefix of its own for one test file (see SubjectNamespace). */
export function testMessagingPrefix(label: string): string {
  return `t-${label.replace(/[^a-z0-9]/g, '-')}-${randomSuffix()}.`;
}

export async function connectTestNats(name = 'test'): Promise<NatsConnection> {
  return connect({ servers: testNatsUrl(), name });
}

/** Deletes the streams a test created under its prefix. */
export async function deleteTestStreams(prefix: string): Promise<void> {
  const nc = await connectTestNats('cleanup');
  try {
    const jsm = await jetstreamManager(nc);
    const streamPrefix = `${prefix.slice(0, -1).replace(/-/g, '_').toUpperCase()}_`;
    for await (const info of jsm.streams.list()) {
      if (info.config.name.startsWith(streamPrefix)) await jsm.streams.delete(info.config.name);
    }
  } finally {
    await nc.close();
  }
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls until `check` returns a truthy value or the time is up (for eventually-consistent effects). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
