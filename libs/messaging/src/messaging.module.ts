import {
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { jetstream, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { CONFIG, LOGGER, PlatformMetrics, ReadinessRegistry, SERVICE_NAME, type Logger, type MessagingConfig, type ServiceConfig } from '@olp/platform';
import { DATA_SOURCE, DATABASE_SCHEMA } from '@olp/persistence';
import { EventConsumer, type ConsumerDefinition } from './event-consumer.js';
import { DEFAULT_STREAM_SETTINGS, ensureStreams } from './jetstream-streams.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxWriter } from './outbox-writer.js';
import { RpcClient } from './rpc-client.js';
import { RpcServer } from './rpc-server.js';
import { SubjectNamespace } from './subject-namespace.js';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');

export interface MessagingModuleOptions {
  /** Services that own a schema get the outbox writer, relay and durable consumers. */
  database: boolean;
}

/** Where services register the durable consumers they run; started after bootstrap, stopped first at shutdown. */
@Injectable()
export class EventConsumers {
  private readonly definitions: ConsumerDefinition[] = [];
  readonly running: EventConsumer[] = [];

  register(definition: ConsumerDefinition): void {
    if (this.definitions.some((d) => d.name === definition.name)) throw new Error(`Consumer ${definition.name} registered twice`);
    this.definitions.push(definition);
  }

  list(): readonly ConsumerDefinition[] {
    return this.definitions;
  }
}

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(RpcServer) private readonly rpcServer: RpcServer,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(CONFIG) private readonly config: ServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PlatformMetrics) private readonly metrics: PlatformMetrics,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    @Inject(SubjectNamespace) private readonly ns: SubjectNamespace,
    @Optional() @Inject(EventConsumers) private readonly consumers?: EventConsumers,
    @Optional() @Inject(OutboxRelay) private readonly relay?: OutboxRelay,
    @Optional() @Inject(OutboxWriter) private readonly outbox?: OutboxWriter,
    @Optional() @Inject(DATA_SOURCE) private readonly dataSource?: DataSource,
    @Optional() @Inject(DATABASE_SCHEMA) private readonly schema?: string,
  ) {}

  private stopWaking?: () => void;

  async onApplicationBootstrap(): Promise<void> {
    this.rpcServer.start();
    if (this.relay && this.outbox && this.dataSource) {
      const relay = this.relay;
      this.stopWaking = this.outbox.onCommit(this.dataSource, () => relay.wake());
    }
    await this.relay?.start();
    if (this.consumers && this.dataSource && this.outbox && this.schema) {
      for (const definition of this.consumers.list()) {
        const consumer = new EventConsumer(
          {
            service: this.service,
            schema: this.schema,
            dataSource: this.dataSource,
            js: this.js,
            jsm: this.jsm,
            ns: this.ns,
            outbox: this.outbox,
            metrics: this.metrics,
            logger: this.logger,
          },
          definition,
          { maxAttempts: this.config.CONSUMER_MAX_ATTEMPTS, backoffMs: this.config.CONSUMER_BACKOFF_MS, concurrency: this.config.CONSUMER_CONCURRENCY },
        );
        await consumer.start();
        this.consumers.running.push(consumer);
      }
    }
  }

  /** Stop taking work first: requests, then events, then publishing what is already committed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.rpcServer.stop();
    if (this.consumers) await Promise.all(this.consumers.running.splice(0).map((c) => c.stop()));
    await this.relay?.stop();
    this.stopWaking?.();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch((error: unknown) => this.logger.warn({ err: error }, 'NATS drain failed'));
  }
}

/**
 * NATS for one service: the connection, stream provisioning, typed request/reply both ways and,
 * for services with a schema, the transactional outbox with its relay and durable consumers.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const providers: Provider[] = [
      {
        provide: SubjectNamespace,
        inject: [CONFIG],
        useFactory: (config: MessagingConfig) => new SubjectNamespace(config.MESSAGING_PREFIX),
      },
      {
        provide: NATS_CONNECTION,
        inject: [CONFIG, SERVICE_NAME, LOGGER, ReadinessRegistry],
        useFactory: async (config: MessagingConfig, service: string, logger: Logger, readiness: ReadinessRegistry) => {
          const nc = await connect({
            servers: config.NATS_URL.split(','),
            name: service,
            maxReconnectAttempts: -1,
            reconnectTimeWait: 1000,
            // Without it every request and JetStream publish captures a stack trace up front, in case it
            // times out: ~50 µs each, 2.4 % of matching's CPU in bench:e2e. Our errors carry the subject.
            noAsyncTraces: true,
          });
          void (async () => {
            for await (const status of nc.status()) {
              if (status.type === 'disconnect' || status.type === 'reconnect') logger.warn({ nats: status.type }, 'NATS connection status');
            }
          })();
          readiness.register('nats', async () => {
            if (nc.isClosed()) throw new Error('NATS connection closed');
            await nc.flush();
          });
          return nc;
        },
      },
      {
        provide: JETSTREAM_MANAGER,
        inject: [NATS_CONNECTION, SubjectNamespace, CONFIG],
        useFactory: (nc: NatsConnection, ns: SubjectNamespace, config: MessagingConfig) =>
          ensureStreams(nc, ns, { ...DEFAULT_STREAM_SETTINGS, replicas: config.STREAM_REPLICAS }),
      },
      { provide: JETSTREAM, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => jetstream(nc) },
      {
        provide: RpcClient,
        inject: [NATS_CONNECTION, SubjectNamespace, PlatformMetrics, CONFIG],
        useFactory: (nc: NatsConnection, ns: SubjectNamespace, metrics: PlatformMetrics, config: MessagingConfig) =>
          new RpcClient(nc, ns, metrics, config.RPC_TIMEOUT_MS),
      },
      {
        provide: RpcServer,
        inject: [NATS_CONNECTION, SubjectNamespace, SERVICE_NAME, PlatformMetrics, LOGGER],
        useFactory: (nc: NatsConnection, ns: SubjectNamespace, service: string, metrics: PlatformMetrics, logger: Logger) =>
          new RpcServer(nc, ns, service, metrics, logger),
      },
      MessagingLifecycle,
    ];
    const exported: (string | symbol | Provider | (abstract new (...args: never[]) => unknown))[] = [
      SubjectNamespace,
      NATS_CONNECTION,
      JETSTREAM,
      JETSTREAM_MANAGER,
      RpcClient,
      RpcServer,
    ];
    if (options.database) {
      providers.push(
        {
          provide: OutboxWriter,
          inject: [SERVICE_NAME, DATABASE_SCHEMA],
          useFactory: (service: string, schema: string) => new OutboxWriter(service, schema),
        },
        {
          provide: OutboxRelay,
          inject: [DATA_SOURCE, JETSTREAM, SubjectNamespace, PlatformMetrics, LOGGER, DATABASE_SCHEMA],
          useFactory: (dataSource: DataSource, js: JetStreamClient, ns: SubjectNamespace, metrics: PlatformMetrics, logger: Logger, schema: string) =>
            new OutboxRelay(dataSource, js, ns, metrics, logger, { schema }),
        },
        EventConsumers,
      );
      exported.push(OutboxWriter, OutboxRelay, EventConsumers);
    }
    return { module: MessagingModule, providers, exports: exported };
  }
}
