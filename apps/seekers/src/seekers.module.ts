import { AccountDeletedConsumer } from './profiles/account-deleted.consumer.js';
import { Module, type DynamicModule } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule } from '@olp/messaging';
import { DatabaseModule } from '@olp/persistence';
import { PlatformModule, type Logger } from '@olp/platform';
import { SeekersInit1763856300000 } from './migrations/1763856300000-seekers-init.js';
import { ProfileEntity } from './profiles/profile.entity.js';
import { ProfilesService } from './profiles/profiles.service.js';
import type { SeekersConfig } from './seekers.config.js';
import { SeekersRpcHandlers } from './seekers-rpc.handlers.js';
import { taxonomyProvider } from './taxonomy.provider.js';

export interface SeekersModuleOptions {
  config: SeekersConfig;
  logger?: Logger;
  processMetrics?: boolean;
}

/** The seekers service: job-seeker profiles and consent to matching in schema `seekers`. */
@Module({})
export class SeekersModule {
  static register(options: SeekersModuleOptions): DynamicModule {
    return {
      module: SeekersModule,
      imports: [
        PlatformModule.forRoot({ service: 'seekers', ...options }),
        DatabaseModule.forRoot({
          schema: 'seekers',
          entities: [ProfileEntity],
          migrations: [...MESSAGING_MIGRATIONS, SeekersInit1763856300000],
        }),
        MessagingModule.forRoot({ database: true }),
      ],
      providers: [taxonomyProvider, ProfilesService, SeekersRpcHandlers, AccountDeletedConsumer],
    };
  }
}
