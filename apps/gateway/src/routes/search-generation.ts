import { Inject, Injectable } from '@nestjs/common';
import { RpcClient } from '@olp/messaging';
import { CONFIG } from '@olp/platform';
import type { GatewayConfig } from '../gateway.config.js';

/** Where a response cache learns the search generation (contract `SearchGenerationView`). */
export interface GenerationSource {
  /**
   * The last generation read, however old, without waiting (undefined before the first read);
   * starts a new read in the background if it is older than the check interval. Good for tagging
   * a result computed from now on: a tag may be older than the data, never newer.
   */
  latest(): string | undefined;
  /**
   * A generation read at most the check interval ago: the cached one, or a new read (concurrent
   * callers share it). Undefined if the vacancies service cannot be asked.
   */
  current(): Promise<string | undefined>;
}

/** Reads a generation through `read`, at most once per `checkMs` and one read at a time. */
export class GenerationTracker implements GenerationSource {
  private value: string | undefined;
  /** When the read that produced `value` started: the value is at least this new. */
  private readAt = -Infinity;
  private reading: Promise<string | undefined> | undefined;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly checkMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  latest(): string | undefined {
    if (this.now() - this.readAt >= this.checkMs) this.refresh().catch(() => undefined);
    return this.value;
  }

  current(): Promise<string | undefined> {
    if (this.value !== undefined && this.now() - this.readAt < this.checkMs) return Promise.resolve(this.value);
    return this.refresh();
  }

  private refresh(): Promise<string | undefined> {
    if (this.reading) return this.reading;
    const startedAt = this.now();
    this.reading = this.read()
      .then(
        (value) => {
          if (startedAt >= this.readAt) {
            this.value = value;
            this.readAt = startedAt;
          }
          return value;
        },
        () => undefined,
      )
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

/** The search generation, asked of the vacancies service (any replica: it lives in their database). */
@Injectable()
export class SearchGenerationTracker extends GenerationTracker {
  constructor(@Inject(RpcClient) rpc: RpcClient, @Inject(CONFIG) config: GatewayConfig) {
    super(async () => (await rpc.request('rpc.vacancies.search-generation.v1', {})).generation, config.SEARCH_GENERATION_CHECK_MS);
  }
}
