import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@olp/messaging';
import { ProfilesService } from './profiles.service.js';

/** A deleted account takes its job-seeker profile with it. */
@Injectable()
export class AccountDeletedConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(ProfilesService) private readonly profiles: ProfilesService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'account-deleted',
      handlers: {
        'identity.user.deleted.v1': (event, { em }) => this.profiles.forgetDeletedAccount(em, event.data.userId),
      },
    });
  }
}
