import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@olp/contracts';
import type { Locale } from '@olp/reference-data';
import { negotiateLocale } from '@olp/platform';

/** What the gateway learns about a request before any route runs. */
export interface GatewayRequest extends FastifyRequest {
  locale?: Locale;
  principal?: Principal;
}

export function localeOf(request: GatewayRequest): Locale {
  if (!request.locale) {
    const query = request.query as Record<string, unknown> | undefined;
    const lang = typeof query?.['lang'] === 'string' ? query['lang'] : undefined;
    const accept = request.headers['accept-language'];
    request.locale = negotiateLocale(lang, typeof accept === 'string' ? accept : undefined);
  }
  return request.locale;
}

/** The request's language (`?lang=`, else `Accept-Language`, else English). */
export const RequestLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): Locale =>
  localeOf(ctx.switchToHttp().getRequest<GatewayRequest>()),
);

/** The verified caller; routes that use it are behind the auth guard, so it is always present. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<GatewayRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The caller when a token was sent on an @OptionalAuth route; undefined for anonymous callers. */
export const MaybePrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal | undefined =>
  ctx.switchToHttp().getRequest<GatewayRequest>().principal,
);
