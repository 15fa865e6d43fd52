import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@olp/messaging';
import { UsersService } from './users.service.js';

/**
 * A seeker who erases their profile erases their account too: the identity schema holds their
 * name and e-mail. Runs once per event (inbox), in the same transaction as the deletion.
 */
@Injectable()
export class ErasureConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'erasure',
      handlers: {
        'seekers.seeker.erased.v1': async (event, { em, logger }) => {
          const existed = await this.users.erase(em, event.data.userId);
          logger.info({ userId: event.data.userId, existed }, 'account erased at the seeker’s request');
        },
      },
    });
  }
}
