import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { NestPinoLogger } from '../logging/nest-logger.js';
import { PlatformMetrics } from '../metrics/metrics.js';
import { LOGGER } from '../platform.module.js';
import { continueTrace, runInTrace } from '../trace/trace-context.js';

export interface ServiceAppOptions {
  /** Largest request body accepted, in bytes (larger ones get 413 before any parsing). */
  bodyLimit?: number;
  trustProxy?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A Nest application on Fastify with the platform's cross-cutting behaviour: request ids
 * (honouring a sane incoming `X-Request-Id`), W3C trace context in the async context for every
 * request, HTTP latency metrics, pino logs, and shutdown hooks. The caller decides when to listen.
 */
export async function createServiceApp(module: unknown, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logger: false,
  });
  // Fastify's own JSON parser only (bodyParser: false drops Nest's form-urlencoded one); gateways refuse other types.
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, { bufferLogs: true, abortOnError: false, bodyParser: false });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.enableShutdownHooks();

  const metrics = app.get(PlatformMetrics);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const traceparent = request.headers['traceparent'];
    const trace = continueTrace(typeof traceparent === 'string' ? traceparent : undefined, String(request.id));
    void reply.header('X-Request-Id', String(request.id));
    // Everything this request does (logs, outgoing calls) runs inside its trace context.
    runInTrace(trace, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    const entry = { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (reply.statusCode >= 500) logger.error(entry, 'request failed');
    else if (route.startsWith('/health') || route === '/metrics') logger.debug(entry, 'request');
    else logger.info(entry, 'request');
    done();
  });
  return app;
}
