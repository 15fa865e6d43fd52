import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import type { EntityManager } from 'typeorm';
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
 * and its events commit or roll back together. The relay publishes them afterwards.
 */
export class OutboxWriter {
  /** Every event written runs it: prepared once per connection (PreparedSql). */
  private readonly insertEvents: PreparedSql;

  constructor(
    private readonly source: string,
    schema: string,
  ) {
    this.insertEvents = prepared(
      `INSERT INTO ${schema}.outbox (id, subject, envelope, traceparent)
       SELECT id, $2, envelope, $4 FROM unnest($1::uuid[], $3::jsonb[]) AS e(id, envelope)`,
    );
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
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`OutboxWriter.add(${subject}) must run inside a transaction`);
    }
    const cls = EVENTS[subject] as unknown as new () => object;
    const events = items.map(({ payload, about }) => {
      const errors = validateSync(plainToInstance(cls, payload), { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        throw new Error(`Event ${subject} violates its contract: ${errors.map((e) => e.toString()).join('; ')}`);
      }
      return buildCloudEvent(this.source, subject, payload, about);
    });
    await this.insert(em, subject, events);
    return events;
  }

  /** For the messaging library itself (dead letters): a subject outside the typed registry. */
  async addRaw(em: EntityManager, subject: string, event: CloudEvent): Promise<void> {
    await this.insert(em, subject, [event]);
  }

  private async insert(em: EntityManager, subject: string, events: CloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    await queryRows(em, this.insertEvents, [events.map((e) => e.id), subject, events.map((e) => JSON.stringify(e)), outgoingTraceparent()]);
  }
}
