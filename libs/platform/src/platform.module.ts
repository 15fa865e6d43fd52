import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import type { BaseConfig } from './config/base-config.js';
import { createLogger } from './logging/logger.js';
import { PlatformMetrics } from './metrics/metrics.js';
import { OpsController } from './ops/ops.controller.js';
import { ReadinessRegistry } from './ops/readiness.registry.js';

/** Injection tokens for what every service has. */
export const LOGGER = Symbol('LOGGER');
export const CONFIG = Symbol('CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface PlatformModuleOptions<C extends BaseConfig> {
  service: string;
  config: C;
  /** Pass an existing logger (tests that run several services in one process pass their own). */
  logger?: Logger;
  /** Default process metrics (event loop, memory); off in tests that start several apps. */
  processMetrics?: boolean;
}

/** Config, logger, metrics, health and `/metrics` for one service. Imported once by each app. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot<C extends BaseConfig>(options: PlatformModuleOptions<C>): DynamicModule {
    const logger = options.logger ?? createLogger(options.service, options.config.LOG_LEVEL);
    const metrics = new PlatformMetrics(options.service, options.processMetrics ?? true);
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [OpsController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: CONFIG, useValue: options.config },
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: PlatformMetrics, useValue: metrics },
        ReadinessRegistry,
      ],
      exports: [LOGGER, CONFIG, SERVICE_NAME, PlatformMetrics, ReadinessRegistry],
    };
  }
}
