/** One statement's rows, and its first row (@olp/persistence; the names this service's queries use). */
export { queryRows as rows, queryRow as row } from '@olp/persistence';

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
