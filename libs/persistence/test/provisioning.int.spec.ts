import pg from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@olp/testing';
import { createServiceDataSource, initializeServiceDataSource, provisionServiceDatabase } from '../src/index.js';

class Things1763856000100 implements MigrationInterface {
  name = 'Things1763856000100';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE alpha.things (id int PRIMARY KEY)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE alpha.things`);
  }
}

describe('service database provisioning and isolation', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('provision');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('is idempotent and safe when replicas provision at once', async () => {
    const url = db.serviceUrl('olp_alpha');
    await Promise.all([1, 2, 3].map(() => provisionServiceDatabase({ adminUrl: db.adminUrl, serviceUrl: url, schema: 'alpha' })));
    await provisionServiceDatabase({ adminUrl: db.adminUrl, serviceUrl: url, schema: 'alpha' });
    const [owner] = await db.query<{ owner: string }>(`SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'alpha'`);
    expect(owner!.owner).toBe('olp_alpha');
  });

  it('runs migrations once, in the service schema with its own migrations table, even from several replicas', async () => {
    const sources = [1, 2].map(() =>
      createServiceDataSource({ url: db.serviceUrl('olp_alpha'), schema: 'alpha', entities: [], migrations: [Things1763856000100], poolSize: 2 }),
    );
    await Promise.all(sources.map((s) => initializeServiceDataSource(s)));
    const migrations = await db.query(`SELECT name FROM alpha.migrations`);
    expect(migrations).toEqual([{ name: 'Things1763856000100' }]);
    await Promise.all(sources.map((s) => s.destroy()));
  });

  it('runs service sessions without JIT compilation, whatever the server sets', async () => {
    await db.query(`ALTER ROLE olp_alpha IN DATABASE ${db.name} SET jit = on`);
    const source = createServiceDataSource({ url: db.serviceUrl('olp_alpha'), schema: 'alpha', entities: [], migrations: [], poolSize: 1 });
    await source.initialize();
    try {
      expect(await source.query(`SELECT current_setting('jit') AS jit`)).toEqual([{ jit: 'off' }]);
    } finally {
      await source.destroy();
      await db.query(`ALTER ROLE olp_alpha IN DATABASE ${db.name} RESET jit`);
    }
  });

  it("gives each service's role its own schema and nothing else", async () => {
    await provisionServiceDatabase({ adminUrl: db.adminUrl, serviceUrl: db.serviceUrl('olp_beta'), schema: 'beta' });
    const beta = new pg.Client({ connectionString: db.serviceUrl('olp_beta') });
    await beta.connect();
    try {
      await beta.query(`CREATE TABLE beta.own (id int)`);
      await expect(beta.query(`SELECT * FROM alpha.things`)).rejects.toThrow(/permission denied/);
      await expect(beta.query(`CREATE TABLE alpha.intrusion (id int)`)).rejects.toThrow(/permission denied/);
      await expect(beta.query(`CREATE TABLE public.shared (id int)`)).rejects.toThrow(/permission denied/);
    } finally {
      await beta.end();
    }
  });
});
