import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@olp/messaging';
import { DatabaseModule } from '@olp/persistence';
import { PlatformModule, type Logger } from '@olp/platform';
import { CLOCK, systemClock, type Clock } from './clock.js';
import { DeliveryWorker } from './delivery/delivery-worker.js';
import { HeldZones } from './schedule/held-zones.js';
import { Mailer } from './delivery/mailer.js';
import { Directory } from './directory/directory.js';
import { DirectoryConsumer } from './directory/directory.consumer.js';
import { DispatchConsumer } from './dispatch/dispatch.consumer.js';
import { NotificationWriter } from './dispatch/notification-writer.js';
import { NOTIFICATIONS_MIGRATIONS } from './migrations/index.js';
import type { NotificationsConfig } from './notifications.config.js';
import { NotificationsMetrics } from './notifications-metrics.js';
import { NotificationsRpcHandlers } from './notifications-rpc.handlers.js';
import { PreferencesStore } from './preferences/preferences.store.js';
import { NotificationQueries } from './queries/notification-queries.js';

export interface NotificationsModuleOptions {
  config: NotificationsConfig;
  logger?: Logger;
  processMetrics?: boolean;
  /** Tests move time (quiet hours, digests, backoff); production uses the system clock. */
  clock?: Clock;
}

/** The notifications service: recipient directory, preferences, in-app notifications and e-mail in schema `notifications`. */
@Module({})
export class NotificationsModule {
  static register(options: NotificationsModuleOptions): DynamicModule {
    const { clock, ...platform } = options;
    return {
      module: NotificationsModule,
      imports: [
        PlatformModule.forRoot({ service: 'notifications', ...platform }),
        // Plain SQL throughout (queues claimed with SKIP LOCKED, keyset pages): no entities.
        DatabaseModule.forRoot({ schema: 'notifications', entities: [], migrations: NOTIFICATIONS_MIGRATIONS }),
        MessagingModule.forRoot({ database: true }),
      ],
      providers: [
        { provide: CLOCK, useValue: clock ?? systemClock },
        NotificationsMetrics,
        Directory,
        PreferencesStore,
        HeldZones,
        NotificationWriter,
        DirectoryConsumer,
        DispatchConsumer,
        Mailer,
        DeliveryWorker,
        NotificationQueries,
        NotificationsRpcHandlers,
      ],
    };
  }
}
