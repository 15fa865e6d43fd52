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

export const ADMIN_EMAIL = 'admin@olp.test';
export const ADMIN_PASSWORD = 'Sesric-Ankara-2026';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  lang?: string;
  headers?: Record<string, string>;
  /** Sent as is (for malformed-input tests); otherwise `body` is JSON-encoded. */
  raw?: string;
  contentType?: string;
}

/**
 * The identity service and the gateway, started in this process against a database and a NATS
 * subject prefix of the test file's own, reached over real HTTP.
 */
export class PlatformHarness {
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
  baseUrl!: string;
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

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options: CallOptions = {}, baseUrl = this.baseUrl): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.lang) headers['accept-language'] = options.lang;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async registerAndLogin(email: string, role: 'seeker' | 'employer' = 'seeker', extra: Record<string, unknown> = {}) {
    const password = 'correct horse 7 battery';
    const registered = await this.call('POST', '/api/v1/auth/register', {
      email,
      password,
      displayName: 'Test User',
      locale: 'en',
      country: 'QA',
      role,
      ...extra,
    });
    if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${registered.text}`);
    const login = await this.call<{ accessToken: string; refreshToken: string }>('POST', '/api/v1/auth/login', { email, password });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
    return { user: registered.body as { id: string }, password, ...login.body };
  }

  async login(email: string, password: string) {
    return this.call<{ accessToken: string; refreshToken: string }>('POST', '/api/v1/auth/login', { email, password });
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
