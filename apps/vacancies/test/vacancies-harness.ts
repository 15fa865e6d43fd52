import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DomainError,
  type CreateVacancyRequest,
  type EmployerView,
  type ErrorCode,
  type Principal,
  type RpcPattern,
  type RpcRequest,
  type RpcResponse,
  type VacancyView,
} from '@olp/contracts';
import { RpcClient, SubjectNamespace } from '@olp/messaging';
import { createLogger, createServiceApp, loadConfig, PlatformMetrics } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { connectTestNats, createTestDatabase, deleteTestStreams, testMessagingPrefix, testNatsUrl, type TestDatabase } from '@olp/testing';
import { VacanciesConfig } from '../src/vacancies.config.js';
import { VacanciesModule } from '../src/vacancies.module.js';

export const employer = (userId: string = randomUUID()): Principal => ({ userId, roles: ['employer'], countryScope: [] });
export const seeker = (userId: string = randomUUID()): Principal => ({ userId, roles: ['seeker'], countryScope: [] });

export function isoDate(daysFromToday: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

/** A valid vacancy body; override what a test is about. */
export function vacancyContent(overrides: Partial<CreateVacancyRequest> = {}): Omit<CreateVacancyRequest, 'employerId'> {
  return {
    title: { en: 'Occupational safety engineer', ar: 'مهندس سلامة مهنية', fr: 'Ingénieur en sécurité au travail' },
    description: { en: 'Plan and audit site safety.', ar: 'تخطيط السلامة في المواقع ومراجعتها.', fr: 'Planifier et auditer la sécurité des chantiers.' },
    iscoCode: '2149',
    skills: [{ skillId: 'osh.risk-assessment', essential: true }],
    languages: [{ code: 'ar', minLevel: 'B2' }],
    country: 'QA',
    city: 'Doha',
    workMode: 'on-site',
    contractType: 'permanent',
    salary: { min: 1500000, max: 2000000, currency: 'QAR', period: 'month' },
    positions: 2,
    eligibility: { scope: 'all-member-states' },
    relocationSupport: true,
    visaSupport: true,
    closingDate: isoDate(30),
    ...overrides,
  };
}

/**
 * The vacancies service started in this process against a database and NATS prefix of the test
 * file's own, reached through a request/reply client like the gateway's.
 */
export class VacanciesHarness {
  db!: TestDatabase;
  prefix!: string;
  app!: NestFastifyApplication;
  nc!: NatsConnection;
  client!: RpcClient;

  async start(label: string, env: Record<string, string> = {}): Promise<this> {
    this.db = await createTestDatabase(label);
    this.prefix = testMessagingPrefix(label);
    const config = loadConfig(VacanciesConfig, {
      DATABASE_URL: this.db.serviceUrl('olp_vacancies'),
      DATABASE_ADMIN_URL: this.db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      DATABASE_POOL_SIZE: '8',
      CONSUMER_BACKOFF_MS: '100',
      // Tests run expiry themselves.
      EXPIRY_INTERVAL_MS: '3600000',
      ...env,
    });
    this.app = await createServiceApp(
      VacanciesModule.register({ config, processMetrics: false, logger: createLogger('vacancies', process.env['TEST_LOG_LEVEL'] ?? 'silent') }),
    );
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.nc = await connectTestNats('vacancies-test');
    this.client = new RpcClient(this.nc, new SubjectNamespace(this.prefix), new PlatformMetrics('t', false), 10000);
    return this;
  }

  call<P extends RpcPattern>(pattern: P, data: RpcRequest<P>, principal?: Principal, locale: Locale = 'en'): Promise<RpcResponse<P>> {
    return this.client.request(pattern, data, { ...(principal ? { principal } : {}), locale });
  }

  /** The DomainError a call fails with (fails the test if it succeeds). */
  async failure<P extends RpcPattern>(pattern: P, data: RpcRequest<P>, principal?: Principal): Promise<DomainError> {
    try {
      await this.call(pattern, data, principal);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error(`${pattern} succeeded; an error was expected`);
  }

  async code<P extends RpcPattern>(pattern: P, data: RpcRequest<P>, principal?: Principal): Promise<ErrorCode> {
    return (await this.failure(pattern, data, principal)).code;
  }

  async createEmployer(owner: Principal, name = 'Doha Construction Company'): Promise<EmployerView> {
    return this.call(
      'rpc.vacancies.create-employer.v1',
      { name: { en: name, ar: `شركة ${name}` }, country: 'QA', isicSection: 'F', size: 'medium' } as RpcRequest<'rpc.vacancies.create-employer.v1'>,
      owner,
    );
  }

  async createVacancy(owner: Principal, employerId: string, overrides: Partial<CreateVacancyRequest> = {}): Promise<VacancyView> {
    return this.call('rpc.vacancies.create-vacancy.v1', { ...vacancyContent(overrides), employerId } as CreateVacancyRequest, owner);
  }

  async publishedVacancy(owner: Principal, employerId: string, overrides: Partial<CreateVacancyRequest> = {}): Promise<VacancyView> {
    const draft = await this.createVacancy(owner, employerId, overrides);
    return this.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner);
  }

  /** Events the service wrote about an aggregate, oldest first. */
  async events(about: string, subject?: string): Promise<{ subject: string; data: Record<string, unknown> }[]> {
    const found = await this.db.query<{ subject: string; data: Record<string, unknown> }>(
      `SELECT subject, envelope->'data' AS data FROM vacancies.outbox WHERE envelope->>'subject' = $1 ${subject ? 'AND subject = $2' : ''} ORDER BY seq`,
      subject ? [about, subject] : [about],
    );
    return found;
  }

  get<T>(token: unknown): T {
    return this.app.get<T>(token as never);
  }

  async stop(): Promise<void> {
    await this.nc?.close().catch(() => undefined);
    await this.app?.close().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
    if (this.prefix) await deleteTestStreams(this.prefix).catch(() => undefined);
  }
}
