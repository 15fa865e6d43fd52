import { DomainError, ErrorCode, Role, type FieldError, type Principal } from '@olp/contracts';

/** The caller, or UNAUTHENTICATED. */
export function caller(principal: Principal | undefined): Principal {
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated);
  return principal;
}

export function isAdmin(principal: Principal | undefined): boolean {
  return principal?.roles.includes(Role.Admin) ?? false;
}

/** A focal point acting for `country` (their country scope). */
export function isFocalPointOf(principal: Principal | undefined, country: string): boolean {
  return (principal?.roles.includes(Role.FocalPoint) ?? false) && principal!.countryScope.includes(country);
}

export function isCoordinatorRole(principal: Principal | undefined): boolean {
  return principal?.roles.includes(Role.Coordinator) ?? false;
}

export function forbidden(): DomainError {
  return new DomainError(ErrorCode.Forbidden);
}

export function invalid(fields: FieldError[]): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, { count: fields.length }, fields);
}

/** Today's date in UTC (`YYYY-MM-DD`). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A date column as `YYYY-MM-DD` whether pg returned a string or a Date. */
export function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
