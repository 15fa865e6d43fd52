import { Module, type DynamicModule } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule } from '@olp/messaging';
import { DatabaseModule } from '@olp/persistence';
import { PlatformModule, type Logger } from '@olp/platform';
import { ApplicationsService } from './applications/applications.service.js';
import { EmployersService } from './employers/employers.service.js';
import { ErasureConsumer } from './erasure/erasure.consumer.js';
import { VacanciesInit1763856200000 } from './migrations/1763856200000-vacancies-init.js';
import { VacanciesSearchStorage1763900000000 } from './migrations/1763900000000-vacancies-search-storage.js';
import { VacanciesSearchVacuum1763900000001 } from './migrations/1763900000001-vacancies-search-vacuum.js';
import { VacanciesSearchCandidates1763900000002 } from './migrations/1763900000002-vacancies-search-candidates.js';
import { VacanciesSearchGeneration1763900000003 } from './migrations/1763900000003-vacancies-search-generation.js';
import { VacanciesSearchPruneEvery1764200000000 } from './migrations/1764200000000-vacancies-search-prune-every.js';
import { SearchCache } from './search/search-cache.js';
import { SearchGeneration } from './search/search-generation.js';
import { VacancySearch } from './search/vacancy-search.js';
import { TaxonomyProvider } from './taxonomy.provider.js';
import type { VacanciesConfig } from './vacancies.config.js';
import { VacanciesRpcHandlers } from './vacancies-rpc.handlers.js';
import { VacanciesService } from './vacancies/vacancies.service.js';
import { VacancyExpiry } from './vacancies/vacancy-expiry.js';

export interface VacanciesModuleOptions {
  config: VacanciesConfig;
  logger?: Logger;
  processMetrics?: boolean;
}

/** The vacancies service: employers, vacancies, search and applications in schema `vacancies`. */
@Module({})
export class VacanciesModule {
  static register(options: VacanciesModuleOptions): DynamicModule {
    return {
      module: VacanciesModule,
      imports: [
        PlatformModule.forRoot({ service: 'vacancies', ...options }),
        DatabaseModule.forRoot({
          schema: 'vacancies',
          // Plain SQL throughout (search, keyset pages, optimistic updates): no entities.
          entities: [],
          migrations: [...MESSAGING_MIGRATIONS, VacanciesInit1763856200000, VacanciesSearchStorage1763900000000, VacanciesSearchVacuum1763900000001, VacanciesSearchCandidates1763900000002, VacanciesSearchGeneration1763900000003, VacanciesSearchPruneEvery1764200000000],
        }),
        MessagingModule.forRoot({ database: true }),
      ],
      providers: [
        TaxonomyProvider,
        SearchCache,
        SearchGeneration,
        EmployersService,
        VacanciesService,
        VacancySearch,
        ApplicationsService,
        VacancyExpiry,
        ErasureConsumer,
        VacanciesRpcHandlers,
      ],
    };
  }
}
