import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@olp/messaging';
import { DATA_SOURCE } from '@olp/persistence';
import { CONFIG, LOGGER, PlatformMetrics, type Logger } from '@olp/platform';
import { weightsOf, type MatchingConfig } from '../matching.config.js';
import { MatchingEngine } from './matching-engine.js';
import { MatchingMetrics } from './matching-metrics.js';

/** Settings the engine takes from the configuration. */
export function settingsOf(config: MatchingConfig) {
  return { weights: weightsOf(config), threshold: config.MATCH_THRESHOLD, vacancyTopK: config.VACANCY_TOP_K, seekerTopK: config.SEEKER_TOP_K, warmUpRescores: config.MATCHING_WARMUP_RESCORES };
}

/** The replica's engine, its index built from the `matching` tables before any consumer starts. */
export const matchingEngineProvider: Provider = {
  provide: MatchingEngine,
  inject: [CONFIG, DATA_SOURCE, OutboxWriter, LOGGER, PlatformMetrics],
  useFactory: (config: MatchingConfig, dataSource: DataSource, outbox: OutboxWriter, logger: Logger, metrics: PlatformMetrics): MatchingEngine => {
    // Nest awaits the engine's onModuleInit (the index load) before the consumers start at bootstrap.
    return new MatchingEngine({ dataSource, outbox, settings: settingsOf(config), logger, metrics: new MatchingMetrics(metrics) });
  },
};
