import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one statement and returns its rows. TypeORM's PostgreSQL driver returns `[rows, count]`
 * for UPDATE and DELETE (RETURNING included) and plain rows otherwise; callers get rows always.
 */
export async function rows<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = (await db.query(sql, params)) as unknown;
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The first row, if any. */
export async function row<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

/** JSON with object keys sorted, so values read back from `jsonb` compare equal to the ones written. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Today in UTC as YYYY-MM-DD (closing dates are calendar dates). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
