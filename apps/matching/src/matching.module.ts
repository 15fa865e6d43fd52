import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@olp/messaging';
import { DatabaseModule } from '@olp/persistence';
import { PlatformModule, type Logger } from '@olp/platform';
import { matchingEngineProvider } from './engine/matching-engine.provider.js';
import type { MatchingConfig } from './matching.config.js';
import { MatchingRpcHandlers } from './matching-rpc.handlers.js';
import { MATCHING_MIGRATIONS } from './migrations/index.js';
import { ProjectionConsumer } from './projection/projection.consumer.js';
import { MatchQueries } from './queries/match-queries.js';
import { taxonomyProvider } from './taxonomy.provider.js';

export interface MatchingModuleOptions {
  config: MatchingConfig;
  logger?: Logger;
  processMetrics?: boolean;
}

/** The matching service: read model, incremental top-K matches and their announcements in schema `matching`. */
@Module({})
export class MatchingModule {
  static register(options: MatchingModuleOptions): DynamicModule {
    return {
      module: MatchingModule,
      imports: [
        PlatformModule.forRoot({ service: 'matching', ...options }),
        DatabaseModule.forRoot({
          schema: 'matching',
          // Plain SQL throughout (bulk upserts from arrays, keyset pages): no entities.
          entities: [],
          migrations: MATCHING_MIGRATIONS,
        }),
        MessagingModule.forRoot({ database: true }),
      ],
      providers: [taxonomyProvider, matchingEngineProvider, ProjectionConsumer, MatchQueries, MatchingRpcHandlers],
    };
  }
}
