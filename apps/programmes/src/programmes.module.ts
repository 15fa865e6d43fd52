import { Module, type DynamicModule } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule } from '@olp/messaging';
import { DatabaseModule } from '@olp/persistence';
import { PlatformModule, type Logger } from '@olp/platform';
import { ActivitiesService } from './activities/activities.service.js';
import { CertificatesService } from './certificates/certificates.service.js';
import { EnrollmentsService } from './enrollments/enrollments.service.js';
import { ErasureConsumer } from './erasure/erasure.consumer.js';
import { SeatLedger } from './enrollments/seat-ledger.js';
import { ExpertsService } from './experts/experts.service.js';
import { ProgrammesInit1764000000000 } from './migrations/1764000000000-programmes-init.js';
import type { ProgrammesConfig } from './programmes.config.js';
import { ProgrammesRpcHandlers } from './programmes-rpc.handlers.js';
import { ProgrammesService } from './programmes/programmes.service.js';
import { ReportsService } from './reports/reports.service.js';
import { TaxonomyProvider } from './taxonomy.provider.js';

export interface ProgrammesModuleOptions {
  config: ProgrammesConfig;
  logger?: Logger;
  processMetrics?: boolean;
}

/** The programmes service: programmes, activities, experts, enrolments, certificates and reports in schema `programmes`. */
@Module({})
export class ProgrammesModule {
  static register(options: ProgrammesModuleOptions): DynamicModule {
    return {
      module: ProgrammesModule,
      imports: [
        PlatformModule.forRoot({ service: 'programmes', ...options }),
        DatabaseModule.forRoot({
          schema: 'programmes',
          // Plain SQL throughout (row locks, keyset pages, counters): no entities.
          entities: [],
          migrations: [...MESSAGING_MIGRATIONS, ProgrammesInit1764000000000],
        }),
        MessagingModule.forRoot({ database: true }),
      ],
      providers: [
        TaxonomyProvider,
        ProgrammesService,
        SeatLedger,
        ActivitiesService,
        ExpertsService,
        EnrollmentsService,
        CertificatesService,
        ReportsService,
        ErasureConsumer,
        ProgrammesRpcHandlers,
      ],
    };
  }
}
