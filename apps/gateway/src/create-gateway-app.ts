import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { RequestMethod } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createServiceApp, LOGGER, type Logger } from '@olp/platform';
import { GatewayModule, type GatewayModuleOptions } from './gateway.module.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ProblemDetails } from './http/problem-details.js';
import { localeOf, type GatewayRequest } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { ContractValidationPipe } from './http/validation.pipe.js';

export const API_PREFIX = 'api/v1';

/**
 * The gateway, fully configured but not listening: security headers, CORS allow-list, rate
 * limits, body limits, JSON-only bodies, problem+json for every error (including those raised by
 * Fastify before a route runs), `/api/v1` routes and OpenAPI docs at `/api/docs`.
 */
export async function createGatewayApp(options: GatewayModuleOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const app = await createServiceApp(GatewayModule.register(options), { bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY });
  const logger = app.get<Logger>(LOGGER);
  const fastify = app.getHttpAdapter().getInstance();

  // Bodies are JSON or nothing: anything else is refused with 415 before it is parsed.
  fastify.removeContentTypeParser(['text/plain']);
  // helmet's security headers, computed once (src/http/security-headers.ts), on every response.
  const security = securityHeaders();
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    void reply.headers(security);
    void reply.header('Content-Language', localeOf(request as GatewayRequest));
    done();
  });
  await app.register(cors as never, {
    origin: config.CORS_ORIGINS === '' ? false : config.CORS_ORIGINS.split(','),
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'If-Match', 'Idempotency-Key', 'X-Request-Id', 'Last-Event-ID'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Content-Language'],
    maxAge: 600,
  });
  await app.register(rateLimit as never, {
    global: true,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    // Sign-in routes get a much smaller budget of their own (credential stuffing).
    max: (request: FastifyRequest) => (isAuthRoute(request) ? config.AUTH_RATE_LIMIT_MAX : config.RATE_LIMIT_MAX),
    keyGenerator: (request: FastifyRequest) => (isAuthRoute(request) ? `auth:${request.ip}` : request.ip),
    allowList: (request: FastifyRequest) => request.url.startsWith('/health/') || request.url === '/metrics',
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => ({
      statusCode: 429,
      retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      message: 'rate limited',
    }),
  });

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: '.well-known/jwks.json', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new ContractValidationPipe());
  app.useGlobalFilters(new ProblemFilter(logger, config.BODY_LIMIT_BYTES));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OIC Labour Market Platform API')
      .setDescription(
        'Public HTTP API of the OIC Labour Market Platform (ar, en, fr). Send `Accept-Language` or `?lang=` to choose the language of ' +
          'labels and error messages. Errors are RFC 9457 `application/problem+json` with a stable `code`. Authenticate with ' +
          '`Authorization: Bearer <accessToken>` from `POST /auth/login`.',
      )
      .setVersion('1.0')
      .addServer(config.PUBLIC_URL)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { extraModels: [ProblemDetails] },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  return app;
}

function isAuthRoute(request: FastifyRequest): boolean {
  return request.url.startsWith(`/${API_PREFIX}/auth/`);
}
