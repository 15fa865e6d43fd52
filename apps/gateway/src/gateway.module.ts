import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MessagingModule } from '@olp/messaging';
import { PlatformModule, type Logger } from '@olp/platform';
import { AuthGuard } from './auth/auth.guard.js';
import { JwtVerifier } from './auth/jwt-verifier.js';
import type { GatewayConfig } from './gateway.config.js';
import { AuthController } from './routes/auth.controller.js';
import { JwksController } from './routes/jwks.controller.js';
import { MeController } from './routes/me.controller.js';
import { ReferenceController } from './routes/reference.controller.js';
import { UsersController } from './routes/users.controller.js';

export interface GatewayModuleOptions {
  config: GatewayConfig;
  logger?: Logger;
  processMetrics?: boolean;
}

/** The public HTTP API: stateless, every operation forwarded to its owning service over NATS. */
@Module({})
export class GatewayModule {
  static register(options: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot({ service: 'gateway', ...options }), MessagingModule.forRoot({ database: false })],
      controllers: [AuthController, MeController, UsersController, ReferenceController, JwksController],
      providers: [JwtVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
