import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventSubject } from '@olp/contracts';
import { EventConsumers, type CloudEvent, type EventHandlers, type HandlerContext } from '@olp/messaging';
import { DIRECTORY_DISPATCH, DISPATCH, type DirectoryRule, type DispatchRule } from './dispatch-table.js';
import { Directory } from '../directory/directory.js';
import { NotificationWriter } from './notification-writer.js';
import { NotificationsMetrics } from '../notifications-metrics.js';

/**
 * The durable consumer `notifications-dispatch`: every subject of the dispatch tables, each event
 * turned into notifications for its recipients in the consumer's transaction with the inbox row
 * (the events of `DISPATCH` a delivery batch at a time, in one set of statements)
 * (recipients named by role and country are looked up in the directory in that transaction).
 */
@Injectable()
export class DispatchConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(NotificationWriter) private readonly writer: NotificationWriter,
    @Inject(NotificationsMetrics) private readonly metrics: NotificationsMetrics,
    @Inject(Directory) private readonly directory: Directory,
  ) {}

  onModuleInit(): void {
    const handlers: Record<string, ((event: CloudEvent<never>, ctx: HandlerContext) => Promise<void>) | { batch: (events: CloudEvent<never>[], ctx: HandlerContext) => Promise<void> }> = {};
    for (const [subject, rule] of Object.entries(DISPATCH) as [EventSubject, DispatchRule<EventSubject>][]) {
      // A delivery batch of one subject at once: a burst of match announcements costs a few statements a batch.
      handlers[subject] = {
        batch: async (events, { em }) => {
          const written = await this.writer.writeMany(
            em,
            events.map((event) => ({ eventId: event.id, dispatches: rule(event.data) })),
          );
          for (const result of written) this.metrics.created(result.category, result);
        },
      };
    }
    for (const [subject, rule] of Object.entries(DIRECTORY_DISPATCH) as [EventSubject, DirectoryRule<EventSubject>][]) {
      handlers[subject] = async (event, { em }) => {
        const dispatches = await rule(event.data, { focalPointsOf: (countries) => this.directory.focalPointsOf(em, countries) });
        for (const result of await this.writer.writeAll(em, event.id, dispatches)) this.metrics.created(result.category, result);
      };
    }
    this.consumers.register({
      name: 'dispatch',
      handlers: handlers as EventHandlers,
      // Batches naming the same recipients serialise on their per-user locks (sequence numbers), and
      // a match announcement's ~20 seekers overlap the next one's: with several batches in flight they
      // mostly waited for each other. One at a time lets what arrives meanwhile form the next batch.
      concurrency: 1,
    });
  }
}
