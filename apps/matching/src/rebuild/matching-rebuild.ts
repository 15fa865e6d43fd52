import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { EVENTS, isEventSubject, type EventPayload, type EventSubject, type StreamName } from '@olp/contracts';
import { isCloudEvent, type BatchEventHandler, type CloudEvent, type EventHandler, type EventHandlers, type OutboxWriter, type SubjectNamespace } from '@olp/messaging';
import type { Logger } from '@olp/platform';
import { MatchingEngine, type MatchingSettings, type RecomputeReport } from '../engine/matching-engine.js';
import { projectionHandlers } from '../projection/projection.handlers.js';

/** The streams the read model comes from, in the order they are replayed. */
export const REPLAYED_STREAMS: readonly StreamName[] = ['VACANCIES', 'SEEKERS', 'IDENTITY'];

/** The read-model tables the replay refills (matches are recomputed; announcements are kept). */
const READ_MODEL_TABLES = ['employer_members', 'vacancies', 'seekers', 'erased_users'] as const;

export interface MatchingRebuildDeps {
  dataSource: DataSource;
  js: JetStreamClient;
  jsm: JetStreamManager;
  ns: SubjectNamespace;
  outbox: OutboxWriter;
  settings: MatchingSettings;
  logger: Logger;
  today?: () => string;
}

export interface RebuildReport extends RecomputeReport {
  /** Events handed to a handler, per stream. */
  replayed: Record<string, number>;
  /** Messages skipped: another subject of the stream, or a payload breaking its contract. */
  skipped: number;
  ms: number;
}

/**
 * The full rebuild (backfills, a changed scoring, a lost read model): in one transaction under
 * the projection lock, empties the read model, replays VACANCIES, SEEKERS and IDENTITY from their
 * first message with ordered (ephemeral, unacknowledged) consumers through the very handlers the
 * durable consumer runs (without the inbox, which is for the live consumer), then recomputes every
 * match. Readers see the old matches until it commits; running replicas wait on the lock and
 * reload their index afterwards (the epoch changes).
 *
 * What it can rebuild is what the streams still hold: events older than the streams' retention
 * (14 days by default) are gone, so run it with retention to match (see the README).
 */
export class MatchingRebuild {
  constructor(private readonly deps: MatchingRebuildDeps) {}

  /**
   * `replay: false` keeps the read model and only recomputes the matches (after a change of
   * weights, K or threshold, or when the streams no longer hold the whole history).
   * `announce: false` records the pairs it would announce as announced without telling anyone
   * (the first backfill of an existing market: its people are not all notified at once).
   */
  async run(options: { replay?: boolean; announce?: boolean } = {}): Promise<RebuildReport> {
    const replay = options.replay ?? true;
    const started = Date.now();
    const { dataSource, logger } = this.deps;
    const engine = new MatchingEngine({
      dataSource,
      outbox: this.deps.outbox,
      settings: this.deps.settings,
      logger,
      ...(this.deps.today ? { today: this.deps.today } : {}),
    });
    engine.replay = true;
    const handlers = projectionHandlers(engine);
    return dataSource.transaction(async (em) => {
      await engine.lock(em);
      const replayed: Record<string, number> = {};
      let skipped = 0;
      if (replay) for (const table of READ_MODEL_TABLES) await em.query(`DELETE FROM matching.${table}`);
      for (const stream of replay ? REPLAYED_STREAMS : []) {
        const counts = await this.replay(stream, em, handlers);
        replayed[stream] = counts.handled;
        skipped += counts.skipped;
        logger.info({ stream, ...counts }, 'stream replayed');
      }
      engine.replay = false;
      const report = await engine.recomputeAll(em, { announce: options.announce ?? true });
      const result = { ...report, replayed, skipped, ms: Date.now() - started };
      logger.info(result, 'matching rebuilt');
      return result;
    });
  }

  private async replay(stream: StreamName, em: EntityManager, handlers: EventHandlers): Promise<{ handled: number; skipped: number }> {
    const { js, jsm, ns, logger } = this.deps;
    const name = ns.stream(stream);
    const info = await jsm.streams.info(name);
    const last = info.state.last_seq;
    let handled = 0;
    let skipped = 0;
    if (info.state.messages === 0) return { handled, skipped };
    const consumer = await js.consumers.get(name, {});
    let seen = 0;
    while (seen < last) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 2000 });
      let received = 0;
      for await (const msg of batch) {
        received++;
        seen = msg.seq;
        const subject = ns.logical(msg.subject);
        const handler = isEventSubject(subject) ? handlers[subject] : undefined;
        const event = handler ? this.parse(msg.string(), subject as EventSubject) : undefined;
        if (!handler || !event) {
          if (handler && !event) logger.warn({ stream, seq: msg.seq, subject }, 'unreadable event skipped in replay');
          skipped++;
        } else {
          // In stream order, one event at a time (a batch handler gets a batch of one).
          const ctx = { em, logger, deliveryCount: 1 };
          const typed = event as CloudEvent<EventPayload<EventSubject>>;
          if (typeof handler === 'function') await (handler as EventHandler<EventSubject>)(typed, ctx);
          else await (handler as { batch: BatchEventHandler<EventSubject> }).batch([typed], ctx);
          handled++;
        }
        if (seen >= last) break;
      }
      if (received === 0 && seen < last) {
        // Nothing more arrives: the tail was deleted (retention) after we read the stream's state.
        break;
      }
    }
    return { handled, skipped };
  }

  /** The envelope and its payload checked against the contract, like the live consumer does; undefined when unreadable. */
  private parse(text: string, subject: EventSubject): CloudEvent | undefined {
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isCloudEvent(envelope)) return undefined;
    const cls = EVENTS[subject] as unknown as new () => object;
    const errors = validateSync(plainToInstance(cls, envelope.data), { forbidUnknownValues: true });
    return errors.length === 0 ? envelope : undefined;
  }
}
