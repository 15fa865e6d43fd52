import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcClient } from '@olp/messaging';
import { createLogger, loadConfig } from '@olp/platform';
import { createTestDatabase, deleteTestStreams, SmtpCatcher, testMessagingPrefix, testNatsUrl, type TestDatabase } from '@olp/testing';
import { createGatewayApp } from '../../apps/gateway/src/create-gateway-app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { createServiceApp } from '@olp/platform';
import { IdentityConfig } from '../../apps/identity/src/identity.config.js';
import { IdentityModule } from '../../apps/identity/src/identity.module.js';
import { MatchingConfig } from '../../apps/matching/src/matching.config.js';
import { MatchingModule } from '../../apps/matching/src/matching.module.js';
import { NotificationsConfig } from '../../apps/notifications/src/notifications.config.js';
import { NotificationsModule } from '../../apps/notifications/src/notifications.module.js';
import { SeekersConfig } from '../../apps/seekers/src/seekers.config.js';
import { SeekersModule } from '../../apps/seekers/src/seekers.module.js';
import { VacanciesConfig } from '../../apps/vacancies/src/vacancies.config.js';
import { VacanciesModule } from '../../apps/vacancies/src/vacancies.module.js';
import { ProgrammesConfig } from '../../apps/programmes/src/programmes.config.js';
import { ProgrammesModule } from '../../apps/programmes/src/programmes.module.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiClient } from './api-client.js';

export { ADMIN_EMAIL, ADMIN_PASSWORD, type ApiResponse, type CallOptions } from './api-client.js';

/**
 * The identity service and the gateway, started in this process against a database and a NATS
 * subject prefix of the test file's own, reached over real HTTP.
 */
export class PlatformHarness extends ApiClient {
  db!: TestDatabase;
  prefix!: string;
  identity?: NestFastifyApplication;
  vacancies?: NestFastifyApplication;
  seekers?: NestFastifyApplication;
  matching?: NestFastifyApplication;
  programmes?: NestFastifyApplication;
  notifications?: NestFastifyApplication;
  /** The SMTP server the notifications service sends to (messages kept, parsed). */
  readonly smtp = new SmtpCatcher();
  gateway!: NestFastifyApplication;
  private readonly extraGateways: NestFastifyApplication[] = [];

  /**
   * Starts identity, then (unless `identityOnly`) vacancies, seekers, matching and notifications (with an
   * SMTP server of its own), then the gateway. All
   * services share the test file's database, each in its own schema with its own role, as in
   * production.
   */
  async start(label: string, gatewayEnv: Record<string, string> = {}, options: { identityOnly?: boolean; programmes?: boolean } = {}): Promise<this> {
    this.db = await createTestDatabase(label);
    this.prefix = testMessagingPrefix(label);
    await this.startIdentity();
    if (!options.identityOnly) {
      this.vacancies = await this.startService(VacanciesModule, VacanciesConfig, 'vacancies', { EXPIRY_INTERVAL_MS: '3600000' });
      this.seekers = await this.startService(SeekersModule, SeekersConfig, 'seekers');
      this.matching = await this.startService(MatchingModule, MatchingConfig, 'matching');
      await this.smtp.start();
      this.notifications = await this.startService(NotificationsModule, NotificationsConfig, 'notifications', {
        SMTP_URL: this.smtp.url,
        PORTAL_URL: 'https://portal.olp.test',
        DELIVERY_POLL_MS: '100',
        DELIVERY_BACKOFF_MS: '200',
      });
    }
    // The programmes service only where a test asks for it (`identityOnly` + `programmes` starts just those two).
    if (options.programmes) this.programmes = await this.startService(ProgrammesModule, ProgrammesConfig, 'programmes');
    this.gateway = await this.startGateway(gatewayEnv);
    this.baseUrl = await this.gateway.getUrl();
    return this;
  }

  identityConfig(): IdentityConfig {
    return loadConfig(IdentityConfig, {
      DATABASE_URL: this.db.serviceUrl('olp_identity'),
      DATABASE_ADMIN_URL: this.db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      DATABASE_POOL_SIZE: '4',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
    });
  }

  async startIdentity(): Promise<void> {
    const config = this.identityConfig();
    this.identity = await createServiceApp(
      IdentityModule.register({ config, processMetrics: false, logger: createLogger('identity', process.env['TEST_LOG_LEVEL'] ?? 'silent') }),
    );
    await this.identity.listen({ port: 0, host: '127.0.0.1' });
  }

  private async startService<C extends object>(
    module: { register(options: { config: C; logger?: ReturnType<typeof createLogger>; processMetrics?: boolean }): unknown },
    configClass: new () => C,
    name: string,
    env: Record<string, string> = {},
  ): Promise<NestFastifyApplication> {
    const config = loadConfig(configClass, {
      DATABASE_URL: this.db.serviceUrl(`olp_${name}`),
      DATABASE_ADMIN_URL: this.db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      DATABASE_POOL_SIZE: '4',
      CONSUMER_BACKOFF_MS: '100',
      ...env,
    });
    const app = await createServiceApp(module.register({ config, processMetrics: false, logger: createLogger(name, process.env['TEST_LOG_LEVEL'] ?? 'silent') }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  }

  async stopIdentity(): Promise<void> {
    await this.identity?.close();
    this.identity = undefined;
  }

  async startGateway(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const config = loadConfig(GatewayConfig, {
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      RPC_TIMEOUT_MS: '3000',
      RATE_LIMIT_MAX: '100000',
      AUTH_RATE_LIMIT_MAX: '100000',
      CORS_ORIGINS: 'http://localhost:5173',
      ...env,
    });
    const app = await createGatewayApp({ config, processMetrics: false, logger: createLogger('gateway', process.env['TEST_LOG_LEVEL'] ?? 'silent') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    if (this.gateway) this.extraGateways.push(app);
    return app;
  }

  rpc(): RpcClient {
    return this.gateway.get(RpcClient);
  }

  async stop(): Promise<void> {
    for (const app of this.extraGateways) await app.close().catch(() => undefined);
    await this.gateway?.close().catch(() => undefined);
    await this.identity?.close().catch(() => undefined);
    await this.vacancies?.close().catch(() => undefined);
    await this.seekers?.close().catch(() => undefined);
    await this.matching?.close().catch(() => undefined);
    await this.programmes?.close().catch(() => undefined);
    await this.notifications?.close().catch(() => undefined);
    await this.smtp.stop().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
    if (this.prefix) await deleteTestStreams(this.prefix).catch(() => undefined);
  }
}
