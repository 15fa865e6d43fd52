import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode } from '@olp/contracts';
import { MESSAGING_MIGRATIONS, MessagingModule } from '@olp/messaging';
import { DatabaseModule } from '@olp/persistence';
import { CONFIG, LOGGER, PlatformModule, type Logger } from '@olp/platform';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottle } from './auth/login-throttle.service.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { RefreshTokenEntity } from './auth/refresh-token.entity.js';
import { TokenService } from './auth/token.service.js';
import type { IdentityConfig } from './identity.config.js';
import { IdentityRpcHandlers } from './identity-rpc.handlers.js';
import { SigningKeyEntity } from './keys/signing-key.entity.js';
import { SigningKeys } from './keys/signing-keys.service.js';
import { IdentityInit1763856100000 } from './migrations/1763856100000-identity-init.js';
import { IdentityTimeZone1764000000000 } from './migrations/1764000000000-identity-time-zone.js';
import { UserEntity } from './users/user.entity.js';
import { ErasureConsumer } from './users/erasure.consumer.js';
import { UsersService } from './users/users.service.js';

class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const outcome = await this.users.ensureBootstrapAdmin(email, password).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.WeakPassword) {
        throw new Error('BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy (12+ characters, a letter and a digit, not the e-mail)');
      }
      throw error;
    });
    if (outcome === 'created') this.logger.info({ email }, 'created the bootstrap admin');
  }
}

export interface IdentityModuleOptions {
  config: IdentityConfig;
  logger?: Logger;
  processMetrics?: boolean;
}

/** The identity service: users, passwords, tokens and signing keys in schema `identity`. */
@Module({})
export class IdentityModule {
  static register(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forRoot({ service: 'identity', ...options }),
        DatabaseModule.forRoot({
          schema: 'identity',
          entities: [UserEntity, RefreshTokenEntity, SigningKeyEntity],
          migrations: [...MESSAGING_MIGRATIONS, IdentityInit1763856100000, IdentityTimeZone1764000000000],
        }),
        MessagingModule.forRoot({ database: true }),
      ],
      providers: [PasswordHasher, SigningKeys, TokenService, LoginThrottle, UsersService, AuthService, IdentityRpcHandlers, BootstrapAdmin, ErasureConsumer],
    };
  }
}
