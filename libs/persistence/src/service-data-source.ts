import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { assertIdentifier } from './database-url.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface ServiceDataSourceOptions {
  /** The service's own connection URL (its own role). */
  url: string;
  /** The schema every entity and the migrations table live in. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * Session settings of every service connection (libpq `options`, sent when it connects). `jit=off`:
 * PostgreSQL compiles a statement with LLVM once its estimated cost passes `jit_above_cost`, and
 * does it again at every execution. Matching's batch write, whose estimate grows with its arrays,
 * passes that cost under a backlog, when matching has to catch up (bench:e2e at 30,000 seekers:
 * p50 1,149 → 64 ms; docs/decisions.md, Persistence).
 */
export const SESSION_OPTIONS = '-c jit=off';

/**
 * One data source per service, pinned to its schema, with its own migrations table in that
 * schema. `synchronize` is never on: the schema changes only through checked-in migrations.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const schema = assertIdentifier(options.schema, 'schema');
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: options.applicationName ?? `olp-${schema}`,
    poolSize: options.poolSize ?? 10,
    extra: { connectionTimeoutMillis: 5000, options: SESSION_OPTIONS },
  });
}

/**
 * Connects and applies pending migrations. Replicas starting together serialise on an advisory
 * lock so each migration runs once. The schema must exist (provisioning creates it, owned by the
 * service's role); we create it here too when the role may, for single-role setups.
 */
export async function initializeServiceDataSource(dataSource: DataSource): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = String((dataSource.options as { schema?: string }).schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`olp:migrations:${schema}`]);
    try {
      const found = await runner.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
      if (found.length === 0) await runner.query(`CREATE SCHEMA ${assertIdentifier(schema, 'schema')}`);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`olp:migrations:${schema}`]);
    }
  } finally {
    await runner.release();
  }
  return dataSource;
}
