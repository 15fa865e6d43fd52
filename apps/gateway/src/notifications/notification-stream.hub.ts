import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Gauge } from 'prom-client';
import type { CreatedNotificationV1, NotificationsCreatedV1, NotificationView, Principal } from '@olp/contracts';
import { isCloudEvent, NATS_CONNECTION, RpcClient, SubjectNamespace } from '@olp/messaging';
import { LOGGER, PlatformMetrics, type Logger } from '@olp/platform';
import type { Locale } from '@olp/reference-data';

/** Where a stream writes (the raw HTTP response behind it). */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

/**
 * One open `GET /me/notifications/stream`. Every change goes through one queue: fetch what came
 * after the last sequence sent (`rpc.notifications.since.v1`), write it, move the sequence on. So a
 * push, a resumption from `Last-Event-ID` and the pushes that race with it never send an item twice
 * or out of order.
 */
export class StreamConnection {
  private last: bigint;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly principal: Principal,
    readonly locale: Locale,
    afterSequence: string,
    private readonly sink: StreamSink,
    private readonly rpc: RpcClient,
    private readonly logger: Logger,
  ) {
    this.last = BigInt(afterSequence);
  }

  get userId(): string {
    return this.principal.userId;
  }

  /** Something new may exist (a push, or the initial catch-up). */
  poke(sequence?: number): void {
    if (sequence !== undefined && BigInt(sequence) <= this.last) return;
    this.queue = this.queue.then(() => this.catchUp()).catch((error: unknown) => this.logger.warn({ err: error, userId: this.userId }, 'notification stream catch-up failed'));
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const { items } = await this.rpc.request('rpc.notifications.since.v1', { afterSequence: this.last.toString() }, { principal: this.principal, locale: this.locale });
      for (const item of items) this.send(item);
      if (items.length < 100) return;
    }
  }

  private send(item: NotificationView): void {
    if (this.closed || BigInt(item.sequence) <= this.last) return;
    this.last = BigInt(item.sequence);
    this.sink.write(`id: ${item.sequence}\nevent: notification\ndata: ${JSON.stringify(item)}\n\n`);
  }

  heartbeat(): void {
    if (!this.closed) this.sink.write(`: keep-alive\n\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sink.end();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

const HEARTBEAT_MS = 25_000;

/**
 * The gateway's side of the notification stream. Every replica subscribes (core NATS, no queue
 * group) to `notifications.notifications.created.v1`, which the notifications service publishes
 * through its outbox to JetStream, so whichever replica holds a user's open streams hears of every
 * new notification at once; it then fetches the rendered items over request/reply. Nothing is
 * kept here beyond the open connections: a reconnecting client resumes from `Last-Event-ID`.
 */
@Injectable()
export class NotificationStreamHub implements OnModuleInit, BeforeApplicationShutdown {
  private readonly connections = new Map<string, Set<StreamConnection>>();
  private subscription: Subscription | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SubjectNamespace) private readonly ns: SubjectNamespace,
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PlatformMetrics) metrics: PlatformMetrics,
  ) {
    const open = () => this.openStreams;
    new Gauge({
      name: 'olp_gateway_notification_streams',
      help: 'Open GET /me/notifications/stream connections on this replica',
      registers: [metrics.registry],
      collect() {
        this.set(open());
      },
    });
  }

  onModuleInit(): void {
    const subscription = this.nc.subscribe(this.ns.subject('notifications.notifications.created.v1'));
    this.subscription = subscription;
    void (async () => {
      for await (const message of subscription) {
        try {
          const event: unknown = message.json();
          if (!isCloudEvent(event)) continue;
          const created = (event.data as Partial<NotificationsCreatedV1>).notifications;
          if (!Array.isArray(created)) continue;
          // Each user with an open stream once, at their highest new sequence (one catch-up fetches them all).
          const newest = new Map<string, number>();
          for (const item of created as Partial<CreatedNotificationV1>[]) {
            if (typeof item?.userId !== 'string' || typeof item.sequence !== 'number' || !this.connections.has(item.userId)) continue;
            newest.set(item.userId, Math.max(newest.get(item.userId) ?? 0, item.sequence));
          }
          for (const [userId, sequence] of newest) for (const connection of this.connections.get(userId) ?? []) connection.poke(sequence);
        } catch (error) {
          this.logger.warn({ err: error }, 'unreadable notification event');
        }
      }
    })();
    this.heartbeat = setInterval(() => {
      for (const set of this.connections.values()) for (const connection of set) connection.heartbeat();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Opens a stream: registered before the catch-up, so nothing published meanwhile is missed. */
  open(principal: Principal, locale: Locale, afterSequence: string, sink: StreamSink): StreamConnection {
    const connection = new StreamConnection(principal, locale, afterSequence, sink, this.rpc, this.logger);
    let set = this.connections.get(principal.userId);
    if (!set) this.connections.set(principal.userId, (set = new Set()));
    set.add(connection);
    connection.poke();
    return connection;
  }

  close(connection: StreamConnection): void {
    connection.close();
    const set = this.connections.get(connection.userId);
    set?.delete(connection);
    if (set && set.size === 0) this.connections.delete(connection.userId);
  }

  /** Open streams (for metrics and tests). */
  get openStreams(): number {
    let n = 0;
    for (const set of this.connections.values()) n += set.size;
    return n;
  }

  beforeApplicationShutdown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.subscription?.unsubscribe();
    for (const set of this.connections.values()) for (const connection of set) connection.close();
    this.connections.clear();
  }
}
