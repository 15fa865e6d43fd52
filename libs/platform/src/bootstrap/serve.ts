import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { BaseConfig } from '../config/base-config.js';
import { LOGGER } from '../platform.module.js';

/**
 * Listens, and makes shutdown graceful but bounded: on SIGTERM/SIGINT Nest's shutdown hooks stop
 * taking work (requests, message pulls), finish what is in flight and close pools; if that takes
 * longer than SHUTDOWN_TIMEOUT_MS the process exits anyway.
 */
export async function serve(app: NestFastifyApplication, config: BaseConfig, describe: (url: string) => Record<string, string>): Promise<void> {
  const logger = app.get<Logger>(LOGGER);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'graceful shutdown timed out; exiting');
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info(describe(await app.getUrl()), 'listening');
}
