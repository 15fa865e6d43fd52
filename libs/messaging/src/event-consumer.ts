import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEAD_LETTER_SUBJECT_PREFIX,
  EVENTS,
  STREAMS,
  isEventSubject,
  streamOf,
  type EventPayload,
  type EventSubject,
} from '@olp/contracts';
import { prepared, queryRows, type PreparedSql } from '@olp/persistence';
import { continueTrace, runInTrace, type Logger, type PlatformMetrics } from '@olp/platform';
import { HEADER_TRACEPARENT, buildCloudEvent, isCloudEvent, type CloudEvent } from './cloud-event.js';
import { isNotFound } from './jetstream-streams.js';
import type { OutboxWriter } from './outbox-writer.js';
import type { SubjectNamespace } from './subject-namespace.js';

export interface HandlerContext {
  /** The transaction the handler's effects must use; the inbox row commits with them. */
  em: EntityManager;
  logger: Logger;
  deliveryCount: number;
}

export type EventHandler<S extends EventSubject> = (event: CloudEvent<EventPayload<S>>, ctx: HandlerContext) => Promise<void>;

/**
 * Handles every new event of one subject in a delivery batch at once, in delivery order, inside
 * the batch transaction (for projections that write many rows in one statement).
 */
export type BatchEventHandler<S extends EventSubject> = (events: CloudEvent<EventPayload<S>>[], ctx: HandlerContext) => Promise<void>;

export type EventHandlers = { [S in EventSubject]?: EventHandler<S> | { batch: BatchEventHandler<S> } };

export interface ConsumerDefinition {
  /** The purpose, unique within the service: the durable is `<service>-<name>`. */
  name: string;
  handlers: EventHandlers;
  /**
   * Most events in one transaction, when not the default (100): a consumer whose events each take
   * milliseconds of work takes fewer, so a backlog's first effects commit (and are seen) sooner.
   */
  maxBatch?: number;
  /**
   * Batch transactions at once, when not the service's setting (`CONSUMER_CONCURRENCY`): 1 for a
   * consumer whose batches serialise anyway (a projection lock), so that what arrives while one
   * batch runs forms the next batch instead of several small transactions queueing on the lock.
   */
  concurrency?: number;
  /**
   * Runs once per batch transaction after its handlers, before the commit: for consumers whose
   * handlers gather effects in memory and write them for the whole batch in one set of statements.
   * A failure rolls the batch back like a handler's.
   */
  beforeCommit?: (em: EntityManager) => Promise<void>;
}

export interface ConsumerSettings {
  /** Attempts before the dead letters (the last failing attempt goes there). */
  maxAttempts: number;
  /** First redelivery delay; doubles per attempt, capped at 5 minutes, with jitter. */
  backoffMs: number;
  /** Most messages handled in one transaction. */
  maxBatch: number;
  /**
   * Batch transactions run at once. Above 1, events of one batch commit in order but batches may
   * overlap, so handlers must tolerate reordering (they must anyway: redeliveries reorder too).
   */
  concurrency: number;
  /** Time the server waits for an ack before redelivering (a crashed handler). */
  ackWaitMs: number;
}

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = { maxAttempts: 5, backoffMs: 1000, maxBatch: 100, concurrency: 4, ackWaitMs: 30_000 };

interface Deps {
  service: string;
  schema: string;
  dataSource: DataSource;
  js: JetStreamClient;
  jsm: JetStreamManager;
  ns: SubjectNamespace;
  outbox: OutboxWriter;
  metrics: PlatformMetrics;
  logger: Logger;
}

interface Parsed {
  msg: JsMsg;
  subject: EventSubject;
  event: CloudEvent;
}

class PermanentFailure extends Error {}

/**
 * A durable pull consumer whose handlers run exactly once per event: each delivery batch runs in
 * one database transaction together with inbox rows (unique per consumer and event id), and is
 * acknowledged only after that transaction commits. A batch that fails is retried message by
 * message so one poison message cannot hold back the others; a message that keeps failing is
 * redelivered with backoff, then written to the dead-letter table and subject, never dropped.
 */
export class EventConsumer {
  private readonly durable: string;
  private readonly settings: ConsumerSettings;
  private readonly subscriptions: ConsumerMessages[] = [];
  private buffer: JsMsg[] = [];
  private readonly workers = new Set<Promise<void>>();
  private scheduled = false;
  private stopped = false;
  /** Every batch runs it: prepared once per connection (PreparedSql). */
  private readonly claimInbox: PreparedSql;

  constructor(
    private readonly deps: Deps,
    private readonly definition: ConsumerDefinition,
    settings: Partial<ConsumerSettings> = {},
  ) {
    this.durable = `${deps.service}-${definition.name}`;
    this.claimInbox = prepared(
      `INSERT INTO ${deps.schema}.inbox (consumer, event_id)
       SELECT $1, id FROM unnest($2::uuid[]) AS id
       ON CONFLICT DO NOTHING RETURNING event_id`,
    );
    this.settings = {
      ...DEFAULT_CONSUMER_SETTINGS,
      ...settings,
      ...(definition.maxBatch === undefined ? {} : { maxBatch: definition.maxBatch }),
      ...(definition.concurrency === undefined ? {} : { concurrency: definition.concurrency }),
    };
  }

  get consumerName(): string {
    return this.durable;
  }

  /** The JetStream consumer per stream this definition reads, with its filter subject. */
  private plan(): { stream: string; filter: string }[] {
    const byStream = new Map<string, EventSubject[]>();
    for (const subject of Object.keys(this.definition.handlers) as EventSubject[]) {
      const stream = streamOf(subject);
      byStream.set(stream, [...(byStream.get(stream) ?? []), subject]);
    }
    return [...byStream.entries()].map(([stream, subjects]) => ({
      stream: this.deps.ns.stream(stream),
      // nats-server 2.9 allows one filter per consumer: the subject itself, or the stream's space.
      filter:
        subjects.length === 1
          ? this.deps.ns.subject(subjects[0]!)
          : this.deps.ns.subject(STREAMS[stream as keyof typeof STREAMS].subjects[0]),
    }));
  }

  async start(): Promise<void> {
    for (const { stream, filter } of this.plan()) {
      const config = {
        durable_name: this.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: filter,
        ack_wait: nanos(this.settings.ackWaitMs),
        max_deliver: -1,
        max_ack_pending: 1000,
      };
      try {
        await this.deps.jsm.consumers.info(stream, this.durable);
        await this.deps.jsm.consumers.update(stream, this.durable, config);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        try {
          await this.deps.jsm.consumers.add(stream, config);
        } catch (addError) {
          if (!/already (in use|exists)/i.test(String(addError))) throw addError;
        }
      }
      const consumer = await this.deps.js.consumers.get(stream, this.durable);
      const messages = await consumer.consume({
        max_messages: this.settings.maxBatch * (this.settings.concurrency + 1),
        callback: (msg) => this.enqueue(msg),
      });
      this.subscriptions.push(messages);
    }
  }

  /** Stops pulling, finishes the batch in hand, and hands buffered messages back for redelivery. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.subscriptions.map((s) => s.close().catch(() => undefined)));
    this.subscriptions.length = 0;
    while (this.workers.size > 0) await Promise.all([...this.workers]);
    for (const msg of this.buffer.splice(0)) msg.nak();
  }

  private enqueue(msg: JsMsg): void {
    if (this.stopped) {
      msg.nak();
      return;
    }
    this.buffer.push(msg);
    if (this.scheduled) return;
    this.scheduled = true;
    // Everything that arrives in the same turn of the event loop forms one batch.
    setImmediate(() => {
      this.scheduled = false;
      this.startWorkers();
    });
  }

  private startWorkers(): void {
    while (this.workers.size < this.settings.concurrency && this.buffer.length > 0 && !this.stopped) {
      const batch = this.buffer.splice(0, this.settings.maxBatch);
      const worker: Promise<void> = this.runBatch(batch).finally(() => {
        this.workers.delete(worker);
        this.startWorkers();
      });
      this.workers.add(worker);
    }
  }

  private async runBatch(batch: JsMsg[]): Promise<void> {
    try {
      await this.processBatch(batch);
    } catch (error) {
      // Only infrastructure failures reach here (database gone): hand the batch back.
      this.deps.logger.error({ err: error, consumer: this.durable }, 'batch failed; returning messages for redelivery');
      for (const msg of batch) msg.nak(this.backoff(msg.info.deliveryCount));
    }
  }

  private async processBatch(batch: JsMsg[]): Promise<void> {
    const parsed: Parsed[] = [];
    for (const msg of batch) {
      if (msg.info.deliveryCount > 1) this.deps.metrics.redeliveries.inc({ consumer: this.durable });
      const subject = this.deps.ns.logical(msg.subject);
      if (!isEventSubject(subject) || !this.definition.handlers[subject]) {
        msg.ack(); // another subject of a shared stream filter: not ours to handle
        continue;
      }
      try {
        parsed.push({ msg, subject, event: this.parse(msg, subject) });
      } catch (error) {
        await this.deadLetter(msg, subject, error);
      }
    }
    if (parsed.length === 0) return;
    const started = process.hrtime.bigint();
    try {
      await this.handleInTransaction(parsed);
      this.observe(parsed, started, 'ok');
      for (const p of parsed) p.msg.ack();
    } catch (error) {
      if (parsed.length > 1) {
        for (const single of parsed) await this.processParsedAlone(single);
        return;
      }
      this.observe(parsed, started, 'error');
      await this.failed(parsed[0]!, error);
    }
  }

  private async processParsedAlone(single: Parsed): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await this.handleInTransaction([single]);
      this.observe([single], started, 'ok');
      single.msg.ack();
    } catch (error) {
      this.observe([single], started, 'error');
      await this.failed(single, error);
    }
  }

  private async handleInTransaction(parsed: Parsed[]): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const rows = await queryRows<{ event_id: string }>(em, this.claimInbox, [this.durable, parsed.map((p) => p.event.id)]);
      const fresh = new Set(rows.map((r) => r.event_id));
      const batches = new Map<EventSubject, { events: CloudEvent[]; first: JsMsg }>();
      for (const { msg, subject, event } of parsed) {
        if (!fresh.delete(event.id)) {
          this.deps.metrics.duplicates.inc({ consumer: this.durable });
          continue;
        }
        const handler = this.definition.handlers[subject]!;
        if (typeof handler !== 'function') {
          const group = batches.get(subject) ?? { events: [], first: msg };
          group.events.push(event);
          batches.set(subject, group);
          continue;
        }
        await runInTrace(continueTrace(msg.headers?.get(HEADER_TRACEPARENT)), () =>
          (handler as EventHandler<EventSubject>)(event as CloudEvent<EventPayload<EventSubject>>, this.context(em, msg, { eventId: event.id, subject })),
        );
      }
      for (const [subject, { events, first }] of batches) {
        const handler = this.definition.handlers[subject] as { batch: BatchEventHandler<EventSubject> };
        await runInTrace(continueTrace(first.headers?.get(HEADER_TRACEPARENT)), () =>
          handler.batch(events as CloudEvent<EventPayload<EventSubject>>[], this.context(em, first, { subject, events: events.length })),
        );
      }
      await this.definition.beforeCommit?.(em);
    });
  }

  private context(em: EntityManager, msg: JsMsg, bindings: Record<string, unknown>): HandlerContext {
    const base = this.deps.logger;
    const consumer = this.durable;
    let logger: Logger | undefined;
    return {
      em,
      deliveryCount: msg.info.deliveryCount,
      // Built on first use: most handlers never log, and child loggers are not free.
      get logger() {
        return (logger ??= base.child({ consumer, ...bindings }));
      },
    };
  }

  private parse(msg: JsMsg, subject: EventSubject): CloudEvent {
    let envelope: unknown;
    try {
      envelope = JSON.parse(msg.string());
    } catch {
      throw new PermanentFailure('message is not JSON');
    }
    if (!isCloudEvent(envelope)) throw new PermanentFailure('message is not a CloudEvents 1.0 envelope');
    const cls = EVENTS[subject] as unknown as new () => object;
    const errors = validateSync(plainToInstance(cls, envelope.data), { forbidUnknownValues: true });
    if (errors.length > 0) {
      throw new PermanentFailure(`payload violates ${subject}: ${errors.map((e) => Object.values(e.constraints ?? {}).join(', ')).join('; ')}`);
    }
    return envelope;
  }

  private async failed(parsed: Parsed, error: unknown): Promise<void> {
    const attempts = parsed.msg.info.deliveryCount;
    if (attempts >= this.settings.maxAttempts || error instanceof PermanentFailure) {
      await this.deadLetter(parsed.msg, parsed.subject, error, parsed.event.id);
      return;
    }
    const delay = this.backoff(attempts);
    this.deps.logger.warn(
      { err: error, consumer: this.durable, eventId: parsed.event.id, attempts, retryInMs: delay },
      'event handler failed; will retry',
    );
    parsed.msg.nak(delay);
  }

  private backoff(attempts: number): number {
    const base = this.settings.backoffMs * 2 ** Math.max(0, attempts - 1);
    return Math.min(300_000, Math.round(base * (0.8 + Math.random() * 0.4)));
  }

  private async deadLetter(msg: JsMsg, subject: string, error: unknown, eventId?: string): Promise<void> {
    const { schema, outbox, service } = this.deps;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const payload = msg.string();
    const attempts = msg.info.deliveryCount;
    try {
      await this.deps.dataSource.transaction(async (em) => {
        await em.query(
          `INSERT INTO ${schema}.dead_letters (consumer, event_id, subject, payload, error, attempts) VALUES ($1, $2, $3, $4, $5, $6)`,
          [this.durable, eventId ?? null, subject, payload, reason, attempts],
        );
        if (eventId) {
          await em.query(`INSERT INTO ${schema}.inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [this.durable, eventId]);
        }
        const deadSubject = `${DEAD_LETTER_SUBJECT_PREFIX}.${service}.${this.definition.name}`;
        await outbox.addRaw(
          em,
          deadSubject,
          buildCloudEvent(service, 'deadletter.v1', { consumer: this.durable, subject, eventId: eventId ?? null, error: reason, attempts, payload }),
        );
      });
      this.deps.metrics.deadLetters.inc({ consumer: this.durable });
      this.deps.logger.error({ consumer: this.durable, eventId, subject, attempts, error: reason }, 'message moved to dead letters');
      // Plain +TERM: nats-server 2.9 ignores a TERM that carries a reason and would redeliver.
      msg.term();
    } catch (storeError) {
      // Could not record it: leave it to the server to redeliver rather than lose it.
      this.deps.logger.error({ err: storeError, consumer: this.durable, eventId }, 'could not store dead letter; will retry');
      msg.nak(this.backoff(attempts));
    }
  }

  private observe(parsed: Parsed[], started: bigint, outcome: string): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const p of parsed) {
      this.deps.metrics.handlerDuration.observe({ consumer: this.durable, subject: p.subject, outcome }, seconds / parsed.length);
    }
  }
}
