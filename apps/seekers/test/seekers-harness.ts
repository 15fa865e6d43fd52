import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError, type Principal, type PutProfileRequest } from '@olp/contracts';
import { RpcClient, SubjectNamespace } from '@olp/messaging';
import { createLogger, createServiceApp, loadConfig, PlatformMetrics } from '@olp/platform';
import type { TaxonomySnapshot } from '@olp/reference-data';
import { connectTestNats, createTestDatabase, deleteTestStreams, testMessagingPrefix, testNatsUrl, type TestDatabase } from '@olp/testing';
import { SeekersConfig } from '../src/seekers.config.js';
import { SeekersModule } from '../src/seekers.module.js';

/** A skill that exists only in the snapshot the harness passes as TAXONOMY_FILE. */
export const SNAPSHOT_SKILL = 'esco.00000000-0000-4000-8000-000000000001';

/**
 * The seekers service started in this process against a database and a NATS subject prefix of
 * the test file's own, called over real NATS request/reply like the gateway does.
 */
export class SeekersHarness {
  db!: TestDatabase;
  prefix!: string;
  app!: NestFastifyApplication;
  nc!: NatsConnection;
  rpc!: RpcClient;
  private dir?: string;

  async start(label: string): Promise<this> {
    this.db = await createTestDatabase(label);
    this.prefix = testMessagingPrefix(label);
    this.dir = await mkdtemp(path.join(os.tmpdir(), 'olp-seekers-'));
    const taxonomyFile = path.join(this.dir, 'taxonomy.json');
    const snapshot: TaxonomySnapshot = {
      format: 'olp-taxonomy/v1',
      source: 'test snapshot',
      createdAt: new Date().toISOString(),
      skills: [{ id: SNAPSHOT_SKILL, label: { en: 'Operate tower cranes' }, field: 'construction' }],
      occupations: [],
      occupationSkills: [],
    };
    await writeFile(taxonomyFile, JSON.stringify(snapshot));
    const config = loadConfig(SeekersConfig, {
      DATABASE_URL: this.db.serviceUrl('olp_seekers'),
      DATABASE_ADMIN_URL: this.db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      DATABASE_POOL_SIZE: '4',
      TAXONOMY_FILE: taxonomyFile,
    });
    this.app = await createServiceApp(
      SeekersModule.register({ config, processMetrics: false, logger: createLogger('seekers', process.env['TEST_LOG_LEVEL'] ?? 'silent') }),
    );
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.nc = await connectTestNats(label);
    this.rpc = new RpcClient(this.nc, new SubjectNamespace(this.prefix), new PlatformMetrics('t', false));
    return this;
  }

  async stop(): Promise<void> {
    await this.nc?.close().catch(() => undefined);
    await this.app?.close().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
    if (this.prefix) await deleteTestStreams(this.prefix).catch(() => undefined);
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /** The outbox rows about one person, oldest first. */
  async outboxAbout(userId: string): Promise<{ subject: string; envelope: { subject?: string; data: Record<string, unknown> }; published_at: Date | null }[]> {
    return this.db.query(`SELECT subject, envelope, published_at FROM seekers.outbox WHERE envelope->>'subject' = $1 ORDER BY seq`, [userId]);
  }
}

export function seeker(userId: string): Principal {
  return { userId, roles: ['seeker'], countryScope: [] };
}

export function employer(userId: string): Principal {
  return { userId, roles: ['employer'], countryScope: [] };
}

export const FULL_NAME = 'أمينة بنت خالد الحسن';

/** A valid profile, in Arabic where people write free text. */
export function profileRequest(overrides: Partial<PutProfileRequest> = {}): PutProfileRequest {
  return {
    fullName: FULL_NAME,
    nationality: 'JO',
    residenceCountry: 'QA',
    languages: [
      { code: 'ar', level: 'C2' },
      { code: 'en', level: 'B2' },
    ],
    education: { level: 6, field: 'الهندسة المدنية' },
    experience: [{ iscoCode: '2142', years: 5, employer: 'وزارة الأشغال العامة', country: 'JO' }],
    skills: ['osh.risk-assessment'],
    desiredOccupations: ['2142', '21'],
    mobility: { relocate: 'listed', countries: ['QA', 'AE'], remote: true },
    availableFrom: '2027-01-15',
    visibility: 'matching',
    consentToMatching: false,
    ...overrides,
  };
}

/** The DomainError a call fails with (fails the test if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<DomainError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
