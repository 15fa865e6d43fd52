import { ERROR_HTTP_STATUS, type ErrorPayload } from '@olp/contracts';
import type { Locale } from '@olp/reference-data';
import { ERROR_MESSAGES } from './error-messages.js';
import { formatMessage } from './message-format.js';
import { FALLBACK_VALIDATION_MESSAGE, VALIDATION_MESSAGES } from './validation-messages.js';

export interface LocalizedFieldError {
  field: string;
  rule: string;
  detail: string;
}

export interface LocalizedError {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: LocalizedFieldError[];
}

/** An error payload as a reader of `locale` sees it: status, title, detail and per-field details. */
export function localizeError(error: ErrorPayload, locale: Locale, extra: Record<string, string | number> = {}): LocalizedError {
  const text = ERROR_MESSAGES[error.code];
  const params = { ...extra, ...(error.params ?? {}) };
  const fields = error.fields?.map((field) => ({
    field: field.field,
    rule: field.rule,
    detail: formatMessage(VALIDATION_MESSAGES[field.rule] ?? FALLBACK_VALIDATION_MESSAGE, locale, field.params ?? {}),
  }));
  return {
    status: ERROR_HTTP_STATUS[error.code],
    code: error.code,
    title: formatMessage(text.title, locale),
    detail: formatMessage(text.detail, locale, params),
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
  };
}
