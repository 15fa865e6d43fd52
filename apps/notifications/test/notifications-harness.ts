import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@olp/persistence';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { EventPayload, EventSubject, Principal, UserRegisteredV1 } from '@olp/contracts';
import { RpcClient, SubjectNamespace, type CloudEvent } from '@olp/messaging';
import { createLogger, createServiceApp, loadConfig, PlatformMetrics, type Logger } from '@olp/platform';
import { connectTestNats, createTestDatabase, deleteTestStreams, eventually, SmtpCatcher, type TestDatabase, TestEventPublisher, testMessagingPrefix, testNatsUrl } from '@olp/testing';
import type { Clock } from '../src/clock.js';
import { DeliveryWorker, type PassReport } from '../src/delivery/delivery-worker.js';
import { NotificationWriter } from '../src/dispatch/notification-writer.js';
import { NotificationsConfig } from '../src/notifications.config.js';
import { NotificationsModule } from '../src/notifications.module.js';

/** Real time shifted by an offset tests move (jump to a night in Doha, skip to tomorrow's digest). */
export class ManualClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(at: Date | string): void {
    this.offsetMs = new Date(at).getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const user = (userId: string, roles: string[] = ['seeker']): Principal => ({ userId, roles: roles as Principal['roles'], countryScope: [] });

export function registered(overrides: Partial<UserRegisteredV1> = {}): UserRegisteredV1 {
  const id = randomUUID();
  return {
    userId: id,
    email: `${id.slice(0, 8)}@example.org`,
    displayName: 'أمينة الحسن',
    locale: 'ar',
    country: 'QA',
    timeZone: 'Asia/Qatar',
    roles: ['seeker'],
    countryScope: [],
    registeredAt: new Date().toISOString(),
    ...overrides,
  };
}

export const TITLE = { ar: 'مهندس سلامة مهنية', en: 'Occupational safety engineer', fr: 'Ingénieur en sécurité au travail' };
export const ACTIVITY_TITLE = { ar: 'دورة في تقييم المخاطر', en: 'Risk assessment course', fr: 'Formation à l’évaluation des risques' };

/**
 * The notifications service started in this process (one or more replicas sharing a database and
 * a NATS prefix of the test file's own), an SMTP server, events published to JetStream as the
 * owning services' relays would, and request/reply as the gateway calls it. Replicas share a
 * manual clock; the delivery worker's own loop runs too (short poll).
 */
export class NotificationsHarness {
  db!: TestDatabase;
  prefix!: string;
  ns!: SubjectNamespace;
  apps: NestFastifyApplication[] = [];
  nc!: NatsConnection;
  js!: JetStreamClient;
  jsm!: JetStreamManager;
  rpc!: RpcClient;
  smtp = new SmtpCatcher();
  clock = new ManualClock();
  env: Record<string, string> = {};
  readonly logger: Logger = createLogger('notifications-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

  async start(label: string, env: Record<string, string> = {}, replicas = 1): Promise<this> {
    this.db = await createTestDatabase(label);
    this.prefix = testMessagingPrefix(label);
    this.ns = new SubjectNamespace(this.prefix);
    this.env = env;
    await this.smtp.start();
    for (let i = 0; i < replicas; i++) await this.addReplica();
    this.nc = await connectTestNats(label);
    this.js = jetstream(this.nc);
    this.jsm = await jetstreamManager(this.nc);
    this.rpc = new RpcClient(this.nc, this.ns, new PlatformMetrics('t', false));
    return this;
  }

  config(): NotificationsConfig {
    return loadConfig(NotificationsConfig, {
      DATABASE_URL: this.db.serviceUrl('olp_notifications'),
      DATABASE_ADMIN_URL: this.db.adminUrl,
      NATS_URL: testNatsUrl(),
      MESSAGING_PREFIX: this.prefix,
      DATABASE_POOL_SIZE: '6',
      CONSUMER_BACKOFF_MS: '100',
      SMTP_URL: this.smtp.url,
      SMTP_TIMEOUT_MS: '2000',
      PORTAL_URL: 'https://portal.olp.test',
      DELIVERY_POLL_MS: '50',
      DELIVERY_BACKOFF_MS: '100',
      DELIVERY_BACKOFF_MAX_MS: '400',
      ...this.env,
    });
  }

  async addReplica(): Promise<NestFastifyApplication> {
    const app = await createServiceApp(NotificationsModule.register({ config: this.config(), processMetrics: false, logger: this.logger, clock: this.clock }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    this.apps.push(app);
    return app;
  }

  worker(replica = 0): DeliveryWorker {
    return this.apps[replica]!.get(DeliveryWorker);
  }

  /** The writer and the data source of a replica, to write notifications in a transaction of one's own. */
  writer(replica = 0): { writer: NotificationWriter; db: DataSource } {
    return { writer: this.apps[replica]!.get(NotificationWriter), db: this.apps[replica]!.get<DataSource>(DATA_SOURCE) };
  }

  /** One delivery pass on a replica (the loop runs as well; passes in a replica never overlap). */
  async pass(replica = 0): Promise<PassReport> {
    return this.worker(replica).runOnce();
  }

  async stop(): Promise<void> {
    await this.nc?.close().catch(() => undefined);
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.smtp.stop().catch(() => undefined);
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

  /** Registers a user in the directory and waits until it is there. */
  async register(overrides: Partial<UserRegisteredV1> = {}): Promise<UserRegisteredV1> {
    const snapshot = registered(overrides);
    await this.publish('identity.user.registered.v1', snapshot, snapshot.userId);
    await eventually(async () => (await this.db.query(`SELECT 1 FROM notifications.recipients WHERE user_id = $1`, [snapshot.userId])).length > 0);
    return snapshot;
  }

  /** One `matching.matches.found.v1` naming one seeker (`score` is theirs). */
  async matchFound(seekerId: string, overrides: Partial<EventPayload<'matching.matches.found.v1'>> & { score?: number } = {}) {
    const { score = 0.87, ...rest } = overrides;
    return this.matchesFound([{ seekerId, score }], rest);
  }

  async matchesFound(seekers: { seekerId: string; score: number }[], overrides: Partial<EventPayload<'matching.matches.found.v1'>> = {}) {
    return this.publish('matching.matches.found.v1', {
      vacancyId: randomUUID(),
      employerId: randomUUID(),
      vacancyTitle: TITLE,
      seekers,
      foundAt: new Date().toISOString(),
      ...overrides,
    });
  }

  /** `vacancies.vacancy.closed.v1` telling these applicants (reason `filled` unless overridden). */
  async vacancyClosed(applicantIds: string[], overrides: Partial<EventPayload<'vacancies.vacancy.closed.v1'>> = {}) {
    return this.publish('vacancies.vacancy.closed.v1', {
      vacancyId: randomUUID(),
      employerId: randomUUID(),
      title: TITLE,
      reason: 'filled',
      closedAt: new Date().toISOString(),
      applicantIds,
      ...overrides,
    });
  }

  async statusChanged(seekerId: string, overrides: Partial<EventPayload<'vacancies.application.status-changed.v1'>> = {}) {
    return this.publish('vacancies.application.status-changed.v1', {
      applicationId: randomUUID(),
      vacancyId: randomUUID(),
      employerId: randomUUID(),
      seekerId,
      vacancyTitle: TITLE,
      from: 'submitted',
      to: 'shortlisted',
      changedBy: randomUUID(),
      changedAt: new Date().toISOString(),
      ...overrides,
    });
  }

  /** The facts every programmes activity event carries (a five-day course in Istanbul). */
  activityFacts() {
    return {
      activityId: randomUUID(),
      programmeCode: 'OSH-CaB',
      activityTitle: ACTIVITY_TITLE,
      startDate: '2027-03-01',
      endDate: '2027-03-05',
      hostCountry: 'TR',
      coordinatorIds: [randomUUID()],
    };
  }

  /** Waits until the dispatch consumer has handled everything published on a stream (redeliveries included). */
  async dispatchDrained(stream: string): Promise<void> {
    await eventually(async () => {
      const info = await this.jsm.consumers.info(this.ns.stream(stream), 'notifications-dispatch');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
  }

  /** Rows of one table for one recipient (assertions on what is stored). */
  async rowsFor<T = Record<string, unknown>>(table: 'notifications' | 'deliveries' | 'digests', recipientId: string): Promise<T[]> {
    return this.db.query<T>(`SELECT * FROM notifications.${table} WHERE recipient_id = $1 ORDER BY 1`, [recipientId]);
  }

  /** Waits until the dispatch consumer has stored a notification for the event. */
  async notified(eventId: string, recipientId: string): Promise<void> {
    await eventually(async () => (await this.db.query(`SELECT 1 FROM notifications.notifications WHERE event_id = $1 AND recipient_id = $2`, [eventId, recipientId])).length > 0);
  }
}
