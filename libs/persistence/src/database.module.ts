import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONFIG, LOGGER, ReadinessRegistry, type Logger, type ServiceConfig } from '@olp/platform';
import { redactUrl } from './database-url.js';
import { provisionServiceDatabase } from './provision.js';
import { createServiceDataSource, initializeServiceDataSource, type ServiceDataSourceOptions } from './service-data-source.js';

export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const DATABASE_SCHEMA = Symbol('DATABASE_SCHEMA');

export type DatabaseModuleOptions = Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The service's data source: provisioned (when DATABASE_ADMIN_URL is given), connected with the
 * service's own role, migrated, checked by `/health/ready`, closed on shutdown.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_SCHEMA, useValue: options.schema },
        {
          provide: DATA_SOURCE,
          inject: [CONFIG, LOGGER, ReadinessRegistry],
          useFactory: async (config: ServiceConfig, logger: Logger, readiness: ReadinessRegistry): Promise<DataSource> => {
            if (config.DATABASE_ADMIN_URL) {
              await provisionServiceDatabase({ adminUrl: config.DATABASE_ADMIN_URL, serviceUrl: config.DATABASE_URL, schema: options.schema });
            }
            const dataSource = createServiceDataSource({ ...options, url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
            await initializeServiceDataSource(dataSource);
            logger.info({ database: redactUrl(config.DATABASE_URL), schema: options.schema }, 'database ready, migrations applied');
            readiness.register('database', async () => {
              await dataSource.query('SELECT 1');
            });
            return dataSource;
          },
        },
        DataSourceCloser,
      ],
      exports: [DATA_SOURCE, DATABASE_SCHEMA],
    };
  }
}
