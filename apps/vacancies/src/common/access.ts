import { DomainError, ErrorCode, type FieldError, type Principal, type Role } from '@olp/contracts';

/** The caller's user id, or UNAUTHENTICATED. */
export function requireUser(principal: Principal | undefined): string {
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated);
  return principal.userId;
}

/** The caller's user id when they hold `role`; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireRole(principal: Principal | undefined, role: Role): string {
  const userId = requireUser(principal);
  if (!principal!.roles.includes(role)) throw new DomainError(ErrorCode.Forbidden);
  return userId;
}

export function validationFailed(fields: FieldError[]): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, { count: fields.length }, fields);
}

/** A unique-index violation from pg (@olp/persistence). */
export { isUniqueViolation } from '@olp/persistence';

/** Today's date in UTC (`YYYY-MM-DD`): closing dates are calendar days in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `date` plus whole years, in UTC (29 February + 1 year → 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A timestamp as PostgreSQL's JSON renders it (`2026-01-02T03:04:05.123456+00:00`). */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isPgTimestamp(value: unknown): value is string {
  return typeof value === 'string' && PG_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function invalidCursor(): DomainError {
  return validationFailed([{ field: 'cursor', rule: 'isCursor' }]);
}
