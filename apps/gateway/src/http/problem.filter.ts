import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@olp/contracts';
import { LOGGER, type Logger } from '@olp/platform';
import { PROBLEM_CONTENT_TYPE, buildProblem, domainErrorFromStatus } from './problem-details.js';
import { localeOf, type GatewayRequest } from './request-context.js';

export interface ProblemSource {
  error: unknown;
  bodyLimit: number;
}

/** Maps anything thrown while handling a request to a DomainError; the one place that decides. */
export function toDomainError(error: unknown, bodyLimit: number): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof HttpException) return domainErrorFromStatus(error.getStatus());
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number') {
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return domainErrorFromStatus(status, status === 413 ? { limit: bodyLimit } : typeof retryAfter === 'number' ? { retryAfter } : undefined);
  }
  return domainErrorFromStatus(500);
}

export function sendProblem(request: GatewayRequest, reply: FastifyReply, error: DomainError, logger: Logger, cause?: unknown): void {
  const locale = localeOf(request);
  const problem = buildProblem(error, locale, request.url.split('?')[0] ?? request.url, String(request.id));
  if (problem.status >= 500 && problem.status !== 503 && problem.status !== 504) {
    logger.error({ err: cause ?? error, requestId: request.id, url: request.url }, 'unexpected error');
  }
  const retryAfter = error.params?.['retryAfter'];
  if (problem.status === 429 && retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).header('Content-Language', locale).send(JSON.stringify(problem));
}

/** Every error leaving a route becomes RFC 9457 problem+json in the request's language. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly bodyLimit: number,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<GatewayRequest>(), http.getResponse<FastifyReply>(), toDomainError(exception, this.bodyLimit), this.logger, exception);
  }
}
