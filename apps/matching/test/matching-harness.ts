import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import {
  DomainError,
  streamOf,
  type EventPayload,
  type EventSubject,
  type MatchesFoundV1,
  type Principal,
  type SeekerProfileUpdatedV1,
  type VacancyPublishedV1,
  type VacancyUpdatedV1,
} from '@olp/contracts';
import { OutboxWriter, RpcClient, SubjectNamespace, type CloudEvent } from '@olp/messaging';
import { createLogger, createServiceApp, loadConfig, PlatformMetrics, type Logger } from '@olp/platform';
import { connectTestNats, createTestDatabase, deleteTestStreams, eventually, type TestDatabase, TestEventPublisher, testMessagingPrefix, testNatsUrl } from '@olp/testing';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@olp/persistence';
import { MatchingEngine } from '../src/engine/matching-engine.js';
import { settingsOf } from '../src/engine/matching-engine.provider.js';
import { compareRanked } from '../src/engine/top-list.js';
import { MatchingConfig } from '../src/matching.config.js';
import { MatchingModule } from '../src/matching.module.js';
import { MatchingRebuild, REPLAYED_STREAMS, type RebuildReport } from '../src/rebuild/matching-rebuild.js';

export const CONSUMER = 'matching-projection';

export interface StoredMatch {
  vacancy_id: string;
  seeker_id: string;
  score: number;
  in_vacancy_top: boolean;
  in_seeker_top: boolean;
}

export function isoDate(daysFromToday: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

export const seeker = (userId: string): Principal => ({ userId, roles: ['seeker'], countryScope: [] });
export const employer = (userId: string): Principal => ({ userId, roles: ['employer'], countryScope: [] });

/** A published vacancy in Qatar for a safety engineer; override what a test is about. */
export function vacancyEvent(overrides: Partial<VacancyPublishedV1> = {}): VacancyPublishedV1 {
  return {
    vacancyId: randomUUID(),
    employerId: randomUUID(),
    title: { en: 'Occupational safety engineer', ar: 'مهندس سلامة مهنية', fr: 'Ingénieur en sécurité au travail' },
    iscoCode: '2149',
    skills: [
      { skillId: 'osh.risk-assessment', essential: true },
      { skillId: 'osh.hazard-identification', essential: true },
      { skillId: 'osh.first-aid', essential: false },
    ],
    languages: [{ code: 'ar', minLevel: 'B2' }],
    minEducationLevel: 6,
    minExperienceYears: 3,
    country: 'QA',
    city: 'Doha',
    workMode: 'on-site',
    contractType: 'permanent',
    eligibility: { scope: 'all-member-states' },
    relocationSupport: true,
    visaSupport: true,
    closingDate: isoDate(30),
    version: 2,
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** The same vacancy as edited while published (`vacancies.vacancy.updated.v1`). */
export function updatedEvent(vacancy: VacancyPublishedV1, overrides: Partial<VacancyUpdatedV1> = {}): VacancyUpdatedV1 {
  const { publishedAt: _publishedAt, ...snapshot } = vacancy;
  return { ...snapshot, updatedAt: new Date().toISOString(), ...overrides };
}

/** A consenting Jordanian engineer living in Jordan who would relocate to Qatar; no name, as the event has none. */
export function profileEvent(overrides: Partial<SeekerProfileUpdatedV1> = {}): SeekerProfileUpdatedV1 {
  return {
    userId: randomUUID(),
    nationality: 'JO',
    residenceCountry: 'JO',
    languages: [
      { code: 'ar', level: 'C2' },
      { code: 'en', level: 'B2' },
    ],
    education: { level: 6 },
    experience: [{ iscoCode: '2149', years: 5 }],
    skills: ['osh.risk-assessment', 'osh.hazard-identification', 'osh.first-aid'],
    desiredOccupations: ['2149'],
    mobility: { relocate: 'listed', countries: ['QA'], remote: false },
    visibility: 'matching',
    consentToMatching: true,
    version: 1,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

export interface ReplicaOptions {
  env?: Record<string, string>;
}

/**
 * The matching service started in this process (one or more replicas sharing a database and a
 * NATS prefix of the test file's own), fed by events published to JetStream like the owning
 * services' relays do, and called over request/reply like the gateway does.
 */
export class MatchingHarness {
  db!: TestDatabase;
  prefix!: string;
  ns!: SubjectNamespace;
  apps: NestFastifyApplication[] = [];
  nc!: NatsConnection;
  js!: JetStreamClient;
  jsm!: JetStreamManager;
  rpc!: RpcClient;
  env: Record<string, string> = {};
  readonly logger: Logger = createLogger('matching-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

  async start(label: string, env: Record<string, string> = {}, replicas = 1): Promise<this> {
    this.db = await createTestDatabase(label);
    this.prefix = testMessagingPrefix(label);
    this.ns = new SubjectNamespace(this.prefix);
    this.env = env;
    for (let i = 0; i < replicas; i++) await this.addReplica();
    this.nc = await connectTestNats(label);
    this.js = jetstream(this.nc);
    this.jsm = await jetstreamManager(this.nc);
    this.rpc = new RpcClient(this.nc, this.ns, new PlatformMetrics('t', false));
    return this;
  }

  config(): MatchingConfig {
    return loadConfig(MatchingConfig, {
      DATABASE_URL: this.db.serviceUrl('olp_matching'),
      DATABASE_ADMIN_URL: this.db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      DATABASE_POOL_SIZE: '6',
      CONSUMER_BACKOFF_MS: '100',
      ...this.env,
    });
  }

  async addReplica(): Promise<NestFastifyApplication> {
    const app = await createServiceApp(MatchingModule.register({ config: this.config(), processMetrics: false, logger: this.logger }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    this.apps.push(app);
    return app;
  }

  engine(replica = 0): MatchingEngine {
    return this.apps[replica]!.get(MatchingEngine);
  }

  dataSource(replica = 0): DataSource {
    return this.apps[replica]!.get<DataSource>(DATA_SOURCE);
  }

  async stop(): Promise<void> {
    await this.nc?.close().catch(() => undefined);
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
    if (this.prefix) await deleteTestStreams(this.prefix).catch(() => undefined);
  }

  /** Publishes events as the owning services' relays would (@olp/testing). */
  get publisher(): TestEventPublisher {
    return new TestEventPublisher(this.js, this.ns);
  }

  publish<S extends EventSubject>(subject: S, data: EventPayload<S>, about?: string): Promise<CloudEvent<EventPayload<S>>> {
    return this.publisher.publish(subject, data, about);
  }

  publishEnvelope(subject: EventSubject, event: CloudEvent, msgId?: string): Promise<void> {
    return this.publisher.publishEnvelope(subject, event, msgId);
  }

  /** Waits until the projection consumer has handled and acknowledged everything published so far. */
  async settle(timeoutMs = 30000): Promise<void> {
    await eventually(async () => {
      for (const stream of REPLAYED_STREAMS) {
        const info = await this.jsm.consumers.info(this.ns.stream(stream), CONSUMER).catch(() => undefined);
        if (!info) continue;
        if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
      }
      return true;
    }, timeoutMs, 25);
  }

  /**
   * The stored matches as readers see them: a seeker's list is the best SEEKER_TOP_K of their rows
   * marked `in_seeker_top` (the rest were pushed out of it lazily, MatchingEngine), so those count as
   * outside it, and a row then in no list is left out.
   */
  async matches(): Promise<StoredMatch[]> {
    const k = this.config().SEEKER_TOP_K;
    const marked = new Map<string, StoredMatch[]>();
    const stored = await this.storedRows();
    for (const m of stored) if (m.in_seeker_top) marked.set(m.seeker_id, [...(marked.get(m.seeker_id) ?? []), m]);
    const evicted = new Set<StoredMatch>();
    for (const list of marked.values()) {
      list.sort((a, b) => compareRanked({ id: a.vacancy_id, score: a.score }, { id: b.vacancy_id, score: b.score }));
      for (const m of list.slice(k)) evicted.add(m);
    }
    return stored.flatMap((m) => {
      if (!evicted.has(m)) return [m];
      return m.in_vacancy_top ? [{ ...m, in_seeker_top: false }] : [];
    });
  }

  /** The rows of `matching.matches` as stored (lazily evicted ones included). */
  async storedRows(): Promise<StoredMatch[]> {
    return this.db.query<StoredMatch>(
      `SELECT vacancy_id, seeker_id, score, in_vacancy_top, in_seeker_top FROM matching.matches ORDER BY vacancy_id, seeker_id`,
    );
  }

  /** Announced pairs (`matching.matches.found.v1` events written so far, one entry per seeker named), oldest first. */
  async found(): Promise<{ vacancyId: string; seekerId: string; score: number; vacancyTitle: MatchesFoundV1['vacancyTitle']; eventId: string }[]> {
    const found = await this.db.query<{ envelope: { id: string; data: MatchesFoundV1 } }>(
      `SELECT envelope FROM matching.outbox WHERE subject = 'matching.matches.found.v1' ORDER BY seq`,
    );
    return found.flatMap(({ envelope: { id, data } }) =>
      data.seekers.map((s) => ({ vacancyId: data.vacancyId, seekerId: s.seekerId, score: s.score, vacancyTitle: data.vacancyTitle, eventId: id })),
    );
  }

  /** The rebuild in this process, as `node apps/matching/dist/rebuild.js` runs it. */
  async rebuild(options: { replay?: boolean; announce?: boolean } = {}): Promise<RebuildReport> {
    const rebuild = new MatchingRebuild({
      dataSource: this.dataSource(),
      js: this.js,
      jsm: this.jsm,
      ns: this.ns,
      outbox: new OutboxWriter('matching', 'matching'),
      settings: settingsOf(this.config()),
      logger: this.logger,
    });
    return rebuild.run(options);
  }
}

/** The stream an event subject is published on, under the test prefix (for assertions). */
export function wireStream(ns: SubjectNamespace, subject: EventSubject): string {
  return ns.stream(streamOf(subject));
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

/** Matches compared across runs: same pairs and flags, scores within 1e-6. */
export function expectSameMatches(actual: StoredMatch[], expected: StoredMatch[]): void {
  const key = (m: StoredMatch) => `${m.vacancy_id}|${m.seeker_id}`;
  const a = new Map(actual.map((m) => [key(m), m]));
  const e = new Map(expected.map((m) => [key(m), m]));
  const missing = [...e.keys()].filter((k) => !a.has(k));
  const extra = [...a.keys()].filter((k) => !e.has(k));
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  for (const [k, m] of e) {
    const other = a.get(k)!;
    expect(Math.abs(other.score - m.score)).toBeLessThan(1e-6);
    expect({ pair: k, inV: other.in_vacancy_top, inS: other.in_seeker_top }).toEqual({ pair: k, inV: m.in_vacancy_top, inS: m.in_seeker_top });
  }
}
