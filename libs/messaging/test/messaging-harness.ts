import { jetstream, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger, PlatformMetrics, type Logger } from '@olp/platform';
import { createServiceDataSource, initializeServiceDataSource, provisionServiceDatabase } from '@olp/persistence';
import { connectTestNats, createTestDatabase, deleteTestStreams, testMessagingPrefix, type TestDatabase } from '@olp/testing';
import {
  EventConsumer,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  OutboxWriter,
  SubjectNamespace,
  ensureStreams,
  type ConsumerDefinition,
  type ConsumerSettings,
} from '../src/index.js';

export const SCHEMA = 'msgtest';

class EffectsTable1763856000001 implements MigrationInterface {
  name = 'EffectsTable1763856000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${SCHEMA}.effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, note text)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${SCHEMA}.effects`);
  }
}

/** Real Postgres (own database) and real JetStream (own prefix) for one messaging test file. */
export class MessagingHarness {
  db!: TestDatabase;
  dataSource!: DataSource;
  nc!: NatsConnection;
  js!: JetStreamClient;
  jsm!: JetStreamManager;
  ns!: SubjectNamespace;
  outbox!: OutboxWriter;
  metrics = new PlatformMetrics('messaging-test', false);
  logger: Logger = createLogger('messaging-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
  private prefix!: string;
  private readonly relays: OutboxRelay[] = [];
  /** Each relay's wake-up on the harness's outbox writer ({@link relay}), removed at {@link stop}. */
  private readonly stopWaking: (() => void)[] = [];
  private readonly consumers: EventConsumer[] = [];

  async start(label: string): Promise<this> {
    this.db = await createTestDatabase(label);
    const serviceUrl = this.db.serviceUrl('olp_msgtest');
    await provisionServiceDatabase({ adminUrl: this.db.adminUrl, serviceUrl, schema: SCHEMA });
    this.dataSource = createServiceDataSource({
      url: serviceUrl,
      schema: SCHEMA,
      entities: [],
      migrations: [...MESSAGING_MIGRATIONS, EffectsTable1763856000001],
      poolSize: 8,
    });
    await initializeServiceDataSource(this.dataSource);
    this.prefix = testMessagingPrefix(label);
    this.ns = new SubjectNamespace(this.prefix);
    this.nc = await connectTestNats(label);
    this.jsm = await ensureStreams(this.nc, this.ns);
    this.js = jetstream(this.nc);
    this.outbox = new OutboxWriter('msgtest', SCHEMA);
    return this;
  }

  /** A relay woken by the harness's outbox writer, as MessagingModule wires a service's. */
  relay(options: { batchSize?: number; pollIntervalMs?: number } = {}): OutboxRelay {
    const relay = new OutboxRelay(this.dataSource, this.js, this.ns, this.metrics, this.logger, { schema: SCHEMA, ...options });
    this.stopWaking.push(this.outbox.onCommit(this.dataSource, () => relay.wake()));
    this.relays.push(relay);
    return relay;
  }

  consumer(definition: ConsumerDefinition, settings: Partial<ConsumerSettings> = {}): EventConsumer {
    const consumer = new EventConsumer(
      {
        service: 'msgtest',
        schema: SCHEMA,
        dataSource: this.dataSource,
        js: this.js,
        jsm: this.jsm,
        ns: this.ns,
        outbox: this.outbox,
        metrics: this.metrics,
        logger: this.logger,
      },
      definition,
      settings,
    );
    this.consumers.push(consumer);
    return consumer;
  }

  /** How many messages the stream holds on a subject (what JetStream actually stored). */
  async streamCount(subject: string): Promise<number> {
    const info = await this.jsm.streams.info(this.ns.stream('IDENTITY'), { subjects_filter: this.ns.subject(subject) });
    return info.state.subjects?.[this.ns.subject(subject)] ?? 0;
  }

  async effects(): Promise<{ event_id: string; note: string | null }[]> {
    return this.dataSource.query(`SELECT event_id, note FROM ${SCHEMA}.effects ORDER BY id`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop().catch(() => undefined)));
    await Promise.all(this.relays.map((r) => r.stop().catch(() => undefined)));
    for (const stop of this.stopWaking.splice(0)) stop();
    await this.nc?.drain().catch(() => undefined);
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.db?.drop().catch(() => undefined);
    if (this.prefix) await deleteTestStreams(this.prefix).catch(() => undefined);
  }
}

export function userRegistered(n: number) {
  return {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email: `user${n}@example.org`,
    displayName: `مستخدم ${n}`,
    locale: 'ar' as const,
    country: 'QA',
    roles: ['seeker' as const],
    countryScope: [],
    registeredAt: new Date().toISOString(),
  };
}
