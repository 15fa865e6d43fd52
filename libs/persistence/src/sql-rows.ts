import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one statement and returns its rows. TypeORM's PostgreSQL driver returns `[rows, count]`
 * for UPDATE and DELETE (RETURNING included) and plain rows otherwise; callers get rows always.
 */
export async function queryRows<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = (await db.query(sql, params)) as unknown;
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The first row, if any. */
export async function queryRow<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T | undefined> {
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
