import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { prepared, queryRows, type PreparedSql } from '@olp/persistence';
import type { Logger, PlatformMetrics } from '@olp/platform';
import { HEADER_EVENT_ID, HEADER_EVENT_TYPE, HEADER_TRACEPARENT } from './cloud-event.js';
import type { SubjectNamespace } from './subject-namespace.js';

export interface OutboxRelayOptions {
  schema: string;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Poll interval when not woken ({@link OutboxRelay.wake}): rows other processes wrote wait for it at most this long. */
  pollIntervalMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionHours?: number;
}

interface OutboxRow {
  id: string;
  subject: string;
  /** The stored CloudEvent's JSON text, published as it is (never parsed here). */
  envelope: string;
  type: string;
  traceparent: string | null;
}

/**
 * Publishes committed outbox rows to JetStream and marks them sent. Rows are claimed and marked in
 * one statement (`FOR UPDATE SKIP LOCKED`, so replicas share the work without publishing a row
 * twice) whose transaction commits only after JetStream acknowledged every row; the
 * event id is the `Nats-Msg-Id`, so a row re-published after a crash between publish and mark
 * is dropped by the server's de-duplication window (and by consumers' inboxes beyond it).
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private waker?: () => void;
  /** A wake-up arrived while no one was sleeping: skip the next sleep. */
  private pendingWake = false;
  private lastHousekeeping = 0;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionHours: number;
  private readonly claim: PreparedSql;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly ns: SubjectNamespace,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retentionHours = options.retentionHours ?? 24;
    // Every batch runs it: prepared once per connection (PreparedSql). Claiming and marking are one
    // statement (one round trip fewer a batch); the mark only commits once every row is published,
    // and a failed publish rolls it back.
    this.claim = prepared(
      `WITH claimed AS (
         UPDATE ${options.schema}.outbox o SET published_at = now()
         FROM (SELECT seq FROM ${options.schema}.outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED) c
         WHERE o.seq = c.seq
         RETURNING o.seq, o.id, o.subject, o.envelope::text AS envelope, o.envelope->>'type' AS type, o.traceparent
       )
       SELECT id, subject, envelope, type, traceparent FROM claimed ORDER BY seq`,
    );
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Publishes at once instead of at the next poll: called when a transaction of this process that
   * wrote outbox rows commits (`OutboxWriter.onCommit`). It replaced `LISTEN`/`NOTIFY`: PostgreSQL
   * signals every listening backend of the database at each notifying commit, whatever the
   * channel, so each service's listener woke for every other service's events.
   */
  wake(): void {
    if (this.waker) this.waker();
    else this.pendingWake = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const { schema } = this.options;
    return this.dataSource.transaction(async (em) => {
      const rows = await queryRows<OutboxRow>(em, this.claim, [this.batchSize]);
      if (rows.length === 0) return 0;
      // Sent in order on one connection; acknowledgements are awaited together. The rows were
      // marked sent by the claim: that commits only now, after every acknowledgement.
      await Promise.all(rows.map((row) => this.publish(row)));
      this.metrics.outboxPublished.inc({ schema }, rows.length);
      return rows.length;
    });
  }

  private async publish(row: OutboxRow): Promise<void> {
    const h = natsHeaders();
    h.set(HEADER_EVENT_ID, row.id);
    h.set(HEADER_EVENT_TYPE, row.type);
    if (row.traceparent) h.set(HEADER_TRACEPARENT, row.traceparent);
    await this.js.publish(this.ns.subject(row.subject), row.envelope, { msgID: row.id, headers: h });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        failures = 0;
        await this.housekeeping();
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: error, failures }, 'outbox relay could not publish; will retry');
      }
      if (published === this.batchSize && failures === 0) continue;
      const delay = failures > 0 ? Math.min(30_000, 250 * 2 ** Math.min(failures, 7)) : this.pollIntervalMs;
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = () => {
        clearTimeout(timer);
        this.waker = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.waker = done;
    });
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping < 5000) return;
    this.lastHousekeeping = now;
    const { schema } = this.options;
    const [lag] = await this.dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS seconds
       FROM ${schema}.outbox WHERE published_at IS NULL`,
    );
    this.metrics.outboxLag.set({ schema }, Number(lag?.seconds ?? 0));
    await this.dataSource.query(
      `DELETE FROM ${schema}.outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(hours => $1)`,
      [this.retentionHours],
    );
  }
}
