import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDetails } from './problem-details.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (every bad field listed) or malformed JSON',
  401: 'Missing, invalid or expired access token, or wrong credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'The resource changed since it was read (If-Match)',
  413: 'Request body too large',
  415: 'Request body is not application/json',
  429: 'Too many requests (see Retry-After)',
  503: 'The owning service is not available',
  504: 'The owning service did not answer in time',
};

/** Documents the problem+json responses a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...[...new Set([...statuses, 429, 503, 504])].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ProblemDetails, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } }),
    ),
  );
}
