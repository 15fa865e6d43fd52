import { createTestDatabase, type TestDatabase } from '@olp/testing';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, initializeServiceDataSource, prepared, provisionServiceDatabase, queryRow, queryRows } from '../src/index.js';

describe('prepared statements (PreparedSql) through queryRows', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('prepared');
    await provisionServiceDatabase({ adminUrl: db.adminUrl, serviceUrl: db.serviceUrl('olp_gamma'), schema: 'gamma' });
    source = createServiceDataSource({ url: db.serviceUrl('olp_gamma'), schema: 'gamma', entities: [], migrations: [], poolSize: 2 });
    await initializeServiceDataSource(source);
    await source.query(`CREATE TABLE gamma.items (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await source.destroy();
    await db.drop();
  });

  it('names a statement after its text, the same text always the same name', () => {
    expect(prepared('SELECT 1').name).toBe(prepared('SELECT 1').name);
    expect(prepared('SELECT 1').name).not.toBe(prepared('SELECT 2').name);
    expect(prepared('SELECT 1').name).toMatch(/^olp_[0-9a-f]{32}$/);
  });

  it('runs as a named prepared statement of the connection, with each call’s own values, in and outside transactions', async () => {
    const insert = prepared(`INSERT INTO gamma.items (id, label) SELECT i, l FROM unnest($1::int[], $2::text[]) AS u(i, l) RETURNING id`);
    const byId = prepared(`SELECT id, label FROM gamma.items WHERE id = $1`);
    const rename = prepared(`UPDATE gamma.items SET label = $2 WHERE id = $1 RETURNING id, label`);
    expect(await queryRows(source, insert, [[1, 2, 3], ['واحد', 'two', 'trois']])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    // Concurrent calls of one statement keep their own values (node-postgres writes them into the query config).
    const found = await Promise.all([1, 2, 3].map((id) => queryRow<{ id: number; label: string }>(source, byId, [id])));
    expect(found.map((r) => r?.label)).toEqual(['واحد', 'two', 'trois']);
    // In a transaction (one connection): UPDATE … RETURNING comes back as rows, as for plain
    // statements, and the connection holds the statements it ran under their names.
    await source.transaction(async (em) => {
      expect(await queryRows<{ id: number; label: string }>(em, rename, [2, 'deux'])).toEqual([{ id: 2, label: 'deux' }]);
      expect(await queryRow(em, byId, [2])).toEqual({ id: 2, label: 'deux' });
      const statements = await queryRows<{ name: string; statement: string }>(em, `SELECT name, statement FROM pg_prepared_statements`);
      expect(statements).toEqual(expect.arrayContaining([{ name: rename.name, statement: rename.text }, { name: byId.name, statement: byId.text }]));
    });
  });

  it('reports a failing statement like a plain one (TypeORM’s QueryFailedError with the driver error)', async () => {
    const duplicate = prepared(`INSERT INTO gamma.items (id, label) VALUES ($1, $2)`);
    await queryRows(source, duplicate, [10, 'ten']);
    await expect(queryRows(source, duplicate, [10, 'again'])).rejects.toMatchObject({ driverError: { code: '23505' } });
  });
});
