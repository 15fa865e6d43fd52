import pg from 'pg';
import { assertIdentifier, databaseOf, passwordOf, userOf, withDatabase } from './database-url.js';

export interface ProvisionOptions {
  /** A superuser (or CREATEROLE + CREATEDB) URL; its database part is ignored. */
  adminUrl: string;
  /** The service's own URL: its user, password and database are what get provisioned. */
  serviceUrl: string;
  /** The schema the service owns. */
  schema: string;
}

const DUPLICATE_CODES = new Set(['42710', '23505', '42P04', '42P06']);

function isDuplicate(error: unknown): boolean {
  return typeof error === 'object' && error !== null && DUPLICATE_CODES.has(String((error as { code?: unknown }).code));
}

/**
 * Makes sure the service's database, role and schema exist, and that the role can reach nothing
 * but its own schema. Idempotent and safe when several replicas or test suites run it at once.
 * Production deployments may run this from a one-off job instead (see deploy/); services only do
 * it when given DATABASE_ADMIN_URL.
 */
export async function provisionServiceDatabase(options: ProvisionOptions): Promise<void> {
  const role = assertIdentifier(userOf(options.serviceUrl), 'role');
  const schema = assertIdentifier(options.schema, 'schema');
  const database = databaseOf(options.serviceUrl);
  const password = passwordOf(options.serviceUrl);

  const admin = new pg.Client({ connectionString: withDatabase(options.adminUrl, 'postgres') });
  await admin.connect();
  try {
    // Cluster-wide objects (roles, databases) and concurrent DDL do not mix: replicas and test
    // suites provisioning at once take turns.
    await admin.query(`SELECT pg_advisory_lock(hashtext('olp:provision'))`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    }
    const roleExists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = roleExists.rowCount === 0 ? 'CREATE' : 'ALTER';
    await admin.query(`${verb} ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
    await provisionSchema(withDatabase(options.adminUrl, database), database, role, schema);
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext('olp:provision'))`).catch(() => undefined);
    await admin.end();
  }
}

async function provisionSchema(adminDatabaseUrl: string, database: string, role: string, schema: string): Promise<void> {
  const db = new pg.Client({ connectionString: adminDatabaseUrl });
  await db.connect();
  try {
    await db.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${pg.escapeIdentifier(role)}`);
    // Nobody but the owner gets anything in the shared `public` schema.
    await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${pg.escapeIdentifier(role)}`);
    await db.query(`ALTER SCHEMA ${schema} OWNER TO ${pg.escapeIdentifier(role)}`);
    await db.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
  } finally {
    await db.end();
  }
}
