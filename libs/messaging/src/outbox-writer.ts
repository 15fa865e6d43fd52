import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { EVENTS, type EventPayload, type EventSubject } from '@olp/contracts';
import { prepared, queryRows, type PreparedSql } from '@olp/persistence';
import { outgoingTraceparent } from '@olp/platform';
import { buildCloudEvent, type CloudEvent } from './cloud-event.js';

export interface OutboxAddOptions {
  /** CloudEvents `subject`: the aggregate the event is about (e.g. the user id). */
  about?: string;
}

/**
 * Writes events into the service's outbox inside the caller's transaction, so the state change
 * and its events commit or roll back together. The relay publishes them afterwards; it is woken
 * when such a transaction commits ({@link onCommit}).
 */
export class OutboxWriter {
  /** Every event written runs it: prepared once per connection (PreparedSql). */
  private readonly insertEvents: PreparedSql;
  /** Transactions (their query runners) that wrote outbox rows and have not ended yet. */
  private readonly writing = new WeakSet<QueryRunner>();
  /** {@link onCommit}'s listeners per data source (one TypeORM subscriber each). */
  private readonly listeners = new WeakMap<DataSource, Set<() => void>>();

  constructor(
    private readonly source: string,
    private readonly schema: string,
  ) {
    this.insertEvents = prepared(this.insertSql(1));
  }

  async add<S extends EventSubject>(
    em: EntityManager,
    subject: S,
    payload: EventPayload<S>,
    options: OutboxAddOptions = {},
  ): Promise<CloudEvent<EventPayload<S>>> {
    const [event] = await this.addMany(em, subject, [{ payload, ...options }]);
    return event!;
  }

  /** Several events of one subject in a single statement (bulk changes, imports). */
  async addMany<S extends EventSubject>(
    em: EntityManager,
    subject: S,
    items: readonly ({ payload: EventPayload<S> } & OutboxAddOptions)[],
  ): Promise<CloudEvent<EventPayload<S>>[]> {
    const { events, params } = this.prepareMany(em, subject, items);
    if (events.length > 0) await queryRows(em, this.insertEvents, params);
    return events;
  }

  /**
   * Events for an insert that rides in the caller's own statement, as a data-modifying CTE (one
   * round trip fewer on a hot path): validated and built as {@link addMany} does; the caller puts
   * {@link insertSql}`(p)` in its statement and `params` at `$p` onwards. Only inside a transaction,
   * like every outbox write.
   */
  prepareMany<S extends EventSubject>(
    em: EntityManager,
    subject: S,
    items: readonly ({ payload: EventPayload<S> } & OutboxAddOptions)[],
  ): { events: CloudEvent<EventPayload<S>>[]; params: unknown[] } {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`OutboxWriter.add(${subject}) must run inside a transaction`);
    }
    // Nothing to write wakes nobody.
    if (items.length > 0) this.writing.add(em.queryRunner);
    const cls = EVENTS[subject] as unknown as new () => object;
    const events = items.map(({ payload, about }) => {
      const errors = validateSync(plainToInstance(cls, payload), { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        throw new Error(`Event ${subject} violates its contract: ${errors.map((e) => e.toString()).join('; ')}`);
      }
      return buildCloudEvent(this.source, subject, payload, about);
    });
    return { events, params: this.params(subject, events) };
  }

  /** The outbox insert of prepared events (four parameters from `$first`), for a caller's statement. */
  insertSql(first: number): string {
    return `INSERT INTO ${this.schema}.outbox (id, subject, envelope, traceparent)
       SELECT id, $${first + 1}, envelope, $${first + 3} FROM unnest($${first}::uuid[], $${first + 2}::jsonb[]) AS e(id, envelope)`;
  }

  /** For the messaging library itself (dead letters): a subject outside the typed registry. */
  async addRaw(em: EntityManager, subject: string, event: CloudEvent): Promise<void> {
    if (em.queryRunner) this.writing.add(em.queryRunner);
    await queryRows(em, this.insertEvents, this.params(subject, [event]));
  }

  /**
   * Calls `listener` after each commit of a `dataSource` transaction that wrote outbox rows
   * through this writer (the service's relay wakes at once). Returns a function that stops it.
   * Rows other processes write (another replica, a command-line tool) reach the relay's poll.
   */
  onCommit(dataSource: DataSource, listener: () => void): () => void {
    const listeners = this.listeners.get(dataSource) ?? this.subscribe(dataSource);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  /** One TypeORM subscriber on `dataSource` that wakes its listeners after a writing transaction commits. */
  private subscribe(dataSource: DataSource): Set<() => void> {
    const listeners = new Set<() => void>();
    this.listeners.set(dataSource, listeners);
    // A savepoint's release or rollback inside the transaction reports too: only the outermost end counts.
    dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }: { queryRunner: QueryRunner }) => {
        if (!queryRunner.isTransactionActive && this.writing.delete(queryRunner)) for (const wake of listeners) wake();
      },
      afterTransactionRollback: ({ queryRunner }: { queryRunner: QueryRunner }) => {
        if (!queryRunner.isTransactionActive) this.writing.delete(queryRunner);
      },
    });
    return listeners;
  }

  private params(subject: string, events: CloudEvent[]): unknown[] {
    return [events.map((e) => e.id), subject, events.map((e) => JSON.stringify(e)), outgoingTraceparent()];
  }
}
