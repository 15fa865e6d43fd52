import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError, ErrorCode, type ErrorCode as Code } from '@olp/contracts';
import { localizeError } from '@olp/platform';
import type { Locale } from '@olp/reference-data';

export class ProblemFieldError {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule that failed (stable, for programs)' }) rule: string;
  @ApiProperty({ example: 'Must be a valid e-mail address.', description: 'In the request language' }) detail: string;
}

/** RFC 9457 problem details, with a stable `code` and the text in the request's language. */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:olp:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'Invalid input' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ enum: Object.values(ErrorCode), example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'One field is invalid.' }) detail: string;
  @ApiProperty({ example: '/api/v1/auth/register' }) instance: string;
  @ApiProperty({ example: '8f14e45f-ceea-467a-9575-6b3f0a5c1e4d' }) requestId: string;
  @ApiPropertyOptional({ type: [ProblemFieldError] }) errors?: ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

function typeUri(code: Code): string {
  return `urn:olp:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function buildProblem(error: DomainError, locale: Locale, instance: string, requestId: string): ProblemDetails {
  const localized = localizeError(error.toPayload(), locale, { requestId });
  return {
    type: typeUri(error.code),
    title: localized.title,
    status: localized.status,
    code: localized.code,
    detail: localized.detail,
    instance,
    requestId,
    ...(localized.errors ? { errors: localized.errors } : {}),
  };
}

/** Errors that do not come from our domain (the framework, Fastify, plugins), by HTTP status. */
export function domainErrorFromStatus(status: number, params?: Record<string, string | number>): DomainError {
  switch (status) {
    case 400:
      return new DomainError(ErrorCode.MalformedRequest);
    case 401:
      return new DomainError(ErrorCode.Unauthenticated);
    case 403:
      return new DomainError(ErrorCode.Forbidden);
    case 404:
      return new DomainError(ErrorCode.NotFound);
    case 405:
      return new DomainError(ErrorCode.MethodNotAllowed);
    case 413:
      return new DomainError(ErrorCode.PayloadTooLarge, params);
    case 415:
      return new DomainError(ErrorCode.UnsupportedMediaType);
    case 429:
      return new DomainError(ErrorCode.RateLimited, params);
    case 503:
      return new DomainError(ErrorCode.ServiceUnavailable);
    case 504:
      return new DomainError(ErrorCode.UpstreamTimeout);
    default:
      return status >= 400 && status < 500 ? new DomainError(ErrorCode.MalformedRequest) : new DomainError(ErrorCode.Internal);
  }
}
