import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@olp/messaging';
import { Directory } from './directory.js';

/**
 * The durable consumer `notifications-directory` (streams IDENTITY and SEEKERS): the recipient
 * directory from account events, and erasure on account deletion or a seeker's erasure. Each
 * event's effects commit with its inbox row.
 */
@Injectable()
export class DirectoryConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(Directory) private readonly directory: Directory,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'directory',
      handlers: {
        'identity.user.registered.v1': (event, { em }) => this.directory.upsert(em, event.data, event.data.registeredAt),
        'identity.user.updated.v1': (event, { em }) => this.directory.upsert(em, event.data, event.data.updatedAt),
        'identity.user.deleted.v1': (event, { em }) => this.directory.erase(em, event.data.userId, event.data.deletedAt),
        'seekers.seeker.erased.v1': (event, { em }) => this.directory.erase(em, event.data.userId, event.data.erasedAt),
      },
    });
  }
}
