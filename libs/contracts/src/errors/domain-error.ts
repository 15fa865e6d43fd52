import type { ErrorCode } from './error-codes.js';

/** Values a localized message may interpolate (ICU MessageFormat arguments). */
export type ErrorParams = Record<string, string | number>;

/** One invalid field: its path (`address.city`, `skills[2].level`), the failed rule and its arguments. */
export interface FieldError {
  field: string;
  rule: string;
  params?: ErrorParams;
}

/** What crosses a process boundary when an operation fails. */
export interface ErrorPayload {
  code: ErrorCode;
  params?: ErrorParams;
  fields?: FieldError[];
}

/**
 * The only error domain code throws. It names what went wrong, never an HTTP status: each
 * boundary (gateway → problem+json, consumer → retry/dead-letter) maps it on its own.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly fields?: FieldError[];

  constructor(code: ErrorCode, params?: ErrorParams, fields?: FieldError[]) {
    super(params ? `${code} ${JSON.stringify(params)}` : code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  static fromPayload(payload: ErrorPayload): DomainError {
    return new DomainError(payload.code, payload.params, payload.fields);
  }
}
