import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MessagingModule } from '@olp/messaging';
import { CONFIG, PlatformModule, type Logger } from '@olp/platform';
import { Taxonomy } from '@olp/reference-data';
import { AuthGuard } from './auth/auth.guard.js';
import { JwtVerifier } from './auth/jwt-verifier.js';
import type { GatewayConfig } from './gateway.config.js';
import { ApplicationsController } from './routes/applications.controller.js';
import { AuthController } from './routes/auth.controller.js';
import { EmployersController } from './routes/employers.controller.js';
import { MatchesController } from './routes/matches.controller.js';
import { NotificationsController } from './routes/notifications.controller.js';
import { NotificationStreamHub } from './notifications/notification-stream.hub.js';
import { ProfileController } from './routes/profile.controller.js';
import { TaxonomyController } from './routes/taxonomy.controller.js';
import { SearchGenerationTracker } from './routes/search-generation.js';
import { SearchResponseCache } from './routes/search-response-cache.js';
import { VacanciesController } from './routes/vacancies.controller.js';
import { JwksController } from './routes/jwks.controller.js';
import { MeController } from './routes/me.controller.js';
import { ReferenceController } from './routes/reference.controller.js';
import { UsersController } from './routes/users.controller.js';
import { ActivitiesController, CertificatesController, EnrollmentsController, ExpertsController, ProgrammesController } from './routes/programmes.controller.js';

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
      controllers: [
        AuthController,
        MeController,
        UsersController,
        ReferenceController,
        TaxonomyController,
        JwksController,
        EmployersController,
        VacanciesController,
        ApplicationsController,
        ProfileController,
        MatchesController,
        ProgrammesController,
        ActivitiesController,
        ExpertsController,
        EnrollmentsController,
        CertificatesController,
        NotificationsController,
      ],
      providers: [
        JwtVerifier,
        NotificationStreamHub,
        SearchGenerationTracker,
        SearchResponseCache,
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: Taxonomy,
          inject: [CONFIG],
          useFactory: async (config: GatewayConfig) => {
            const taxonomy = await Taxonomy.load(config.TAXONOMY_FILE);
            // Build the typeahead indexes now rather than on the first request.
            taxonomy.searchSkills('a', 'en', 1);
            taxonomy.searchOccupations('a', 'en', 1);
            return taxonomy;
          },
        },
      ],
    };
  }
}
