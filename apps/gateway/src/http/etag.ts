import { DomainError, ErrorCode } from '@olp/contracts';

/** Versions travel as weak-free ETags: `"v7"`. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** The version an If-Match header names; missing → 428, unreadable or `*` → 412. */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new DomainError(ErrorCode.PreconditionRequired);
  const match = /^\s*(?:W\/)?"v?(\d{1,9})"\s*$/.exec(header) ?? /^\s*v?(\d{1,9})\s*$/.exec(header);
  if (!match) throw new DomainError(ErrorCode.PreconditionFailed);
  return Number(match[1]);
}
