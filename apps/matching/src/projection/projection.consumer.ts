import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@olp/messaging';
import { CONFIG } from '@olp/platform';
import { MatchingEngine } from '../engine/matching-engine.js';
import type { MatchingConfig } from '../matching.config.js';
import { projectionHandlers } from './projection.handlers.js';

/**
 * The durable consumer `matching-projection` (one per stream it reads: VACANCIES, SEEKERS,
 * IDENTITY), shared by every replica: each delivery batch (at most `MATCHING_CONSUMER_MAX_BATCH`
 * events) runs its handlers in one transaction with the inbox rows, so every effect of an event
 * (read model, matches, announcements) commits once. The engine is loaded before consumers start
 * (Nest awaits its `onModuleInit`).
 */
@Injectable()
export class ProjectionConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(MatchingEngine) private readonly engine: MatchingEngine,
    @Inject(CONFIG) private readonly config: MatchingConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'projection',
      handlers: projectionHandlers(this.engine),
      maxBatch: this.config.MATCHING_CONSUMER_MAX_BATCH,
      // Batches run one at a time under the projection lock anyway: one in flight lets what arrives
      // meanwhile form the next batch, where several would each take the lock for a few events.
      concurrency: 1,
      // The handlers score in memory; the batch's writes go out together just before it commits.
      beforeCommit: (em) => this.engine.flush(em),
    });
  }
}
