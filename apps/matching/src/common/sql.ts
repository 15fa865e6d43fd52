/** One statement's rows, and its first row (@olp/persistence; the names this service's queries use). */
export { queryRows as rows, queryRow as row } from '@olp/persistence';

/** Today in UTC as YYYY-MM-DD (closing dates are calendar dates). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
