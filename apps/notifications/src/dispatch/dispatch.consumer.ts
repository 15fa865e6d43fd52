import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventSubject } from '@olp/contracts';
import { EventConsumers, type CloudEvent, type EventHandlers, type HandlerContext } from '@olp/messaging';
import { DISPATCH, type DispatchRule } from './dispatch-table.js';
import { NotificationWriter } from './notification-writer.js';
import { NotificationsMetrics } from '../notifications-metrics.js';

/**
 * The durable consumer `notifications-dispatch`: every subject of the dispatch table, each event
 * turned into notifications for its recipients in the consumer's transaction with the inbox row.
 */
@Injectable()
export class DispatchConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(NotificationWriter) private readonly writer: NotificationWriter,
    @Inject(NotificationsMetrics) private readonly metrics: NotificationsMetrics,
  ) {}

  onModuleInit(): void {
    const handlers: Record<string, (event: CloudEvent<never>, ctx: HandlerContext) => Promise<void>> = {};
    for (const [subject, rule] of Object.entries(DISPATCH) as [EventSubject, DispatchRule<EventSubject>][]) {
      handlers[subject] = async (event, { em }) => {
        for (const result of await this.writer.writeAll(em, event.id, rule(event.data))) this.metrics.created(result.category, result);
      };
    }
    this.consumers.register({ name: 'dispatch', handlers: handlers as EventHandlers });
  }
}
