import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A statement PostgreSQL parses and plans once per connection and afterwards only executes: a
 * named prepared statement (named after its text, so one text is one name everywhere). For the
 * statements every event, publication or request runs: planning one of them cost more of
 * PostgreSQL's CPU than running it (a publication's SELECT and UPDATE: ~0.7–0.9 ms of backend CPU
 * as plain statements, ~0.11 ms prepared; docs/decisions.md, "Prepared hot statements").
 *
 * Build it once (a module constant, or in a constructor when the text names the schema), from a
 * fixed text: each distinct text stays prepared on every connection that ran it. Name the columns
 * a statement returns: a prepared `SELECT *` fails once a migration changes the table's columns
 * ("cached plan must not change result type") until the connection is replaced.
 */
export class PreparedSql {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `olp_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  }
}

/** {@link PreparedSql} for `text`. */
export function prepared(text: string): PreparedSql {
  return new PreparedSql(text);
}

/**
 * Runs one statement and returns its rows. TypeORM's PostgreSQL driver returns `[rows, count]`
 * for UPDATE and DELETE (RETURNING included) and plain rows otherwise; callers get rows always.
 * A {@link PreparedSql} runs as its named prepared statement.
 */
export async function queryRows<T>(db: DataSource | EntityManager, sql: string | PreparedSql, params: unknown[] = []): Promise<T[]> {
  // TypeORM hands the query as is to node-postgres, which takes a query config ({ name, text })
  // where a string would go; a fresh one per call, since node-postgres writes the values into it.
  const query = typeof sql === 'string' ? sql : ({ name: sql.name, text: sql.text } as unknown as string);
  const result = (await db.query(query, params)) as unknown;
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The first row, if any. */
export async function queryRow<T>(db: DataSource | EntityManager, sql: string | PreparedSql, params: unknown[] = []): Promise<T | undefined> {
  return (await queryRows<T>(db, sql, params))[0];
}

const UNIQUE_VIOLATION = '23505';

/** A unique-index violation from pg, directly or wrapped by TypeORM's QueryFailedError. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === UNIQUE_VIOLATION && (constraint === undefined || name === constraint);
}
