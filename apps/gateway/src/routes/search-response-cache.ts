import { Inject, Injectable, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CONFIG, PlatformMetrics } from '@olp/platform';
import type { GatewayConfig } from '../gateway.config.js';

/** How a request was answered: fresh copy, stale copy (refresh started), joined a computation in flight, computed. */
export type CacheOutcome = 'hit' | 'stale' | 'joined' | 'miss';

interface Entry {
  /** The serialized response body, sent as is. */
  body: string;
  freshUntil: number;
  staleUntil: number;
}

export interface SearchResponseCacheOptions {
  /** How long an entry is served as is (0: the cache is off). */
  ttlMs: number;
  /** How much longer an expired entry is still served while one refresh runs in the background. */
  staleMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * The gateway's cache of public search responses (GET /vacancies without a token): one serialized
 * body per normalized query and language, in this replica's memory.
 *
 * - Fresh for `ttlMs`, then served stale for up to `staleMs` more while a single background
 *   refresh runs (stale-while-revalidate): a popular search is recomputed at most once per TTL and
 *   nobody waits for it.
 * - Single flight: concurrent misses for one key share one computation.
 * - Failures (validation errors, a service timeout) are never stored; each waiter gets the error.
 *   A failed background refresh leaves the stale copy until it runs out.
 * - Staleness: an answer is at most `ttlMs + staleMs` old here (plus the vacancies service's own
 *   SEARCH_CACHE_TTL_MS). No invalidation: replicas share nothing, and clearing every search on
 *   each publish would make the cache useless at a normal publishing rate. That bound is the
 *   contract for anonymous readers; signed-in callers bypass this cache (see the controller).
 * - Bounded: at most `maxEntries` (oldest inserted dropped first).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly now: () => number;

  constructor(
    private readonly options: SearchResponseCacheOptions,
    private readonly onOutcome: (outcome: CacheOutcome) => void = () => undefined,
  ) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** The body for `key`: cached, or computed once by `compute` (its result serialized as JSON). */
  async get(key: string, compute: () => Promise<unknown>): Promise<string> {
    if (!this.enabled) return JSON.stringify(await compute());
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.staleUntil > now) {
      if (entry.freshUntil > now) {
        this.onOutcome('hit');
      } else {
        this.onOutcome('stale');
        if (!this.inFlight.has(key)) this.refresh(key, compute).catch(() => undefined);
      }
      return entry.body;
    }
    if (entry) this.entries.delete(key);
    const running = this.inFlight.get(key);
    if (running) {
      this.onOutcome('joined');
      return running;
    }
    this.onOutcome('miss');
    return this.refresh(key, compute);
  }

  get size(): number {
    return this.entries.size;
  }

  private refresh(key: string, compute: () => Promise<unknown>): Promise<string> {
    const running = compute()
      .then((value) => {
        const body = JSON.stringify(value);
        this.store(key, body);
        return body;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, running);
    return running;
  }

  private store(key: string, body: string): void {
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const now = this.now();
    this.entries.set(key, { body, freshUntil: now + this.options.ttlMs, staleUntil: now + this.options.ttlMs + this.options.staleMs });
  }
}

/** The search route's ResponseCache, configured from the environment, counting outcomes in /metrics. */
@Injectable()
export class SearchResponseCache extends ResponseCache {
  constructor(@Inject(CONFIG) config: GatewayConfig, @Optional() @Inject(PlatformMetrics) metrics?: PlatformMetrics) {
    const requests = new Counter({
      name: 'olp_search_response_cache_requests_total',
      help: "Public searches by how the gateway's response cache answered them: hit, stale (served while refreshing), joined (waited for a computation in flight), miss",
      labelNames: ['outcome'] as const,
      registers: metrics ? [metrics.registry] : [],
    });
    super(
      { ttlMs: config.SEARCH_RESPONSE_CACHE_TTL_MS, staleMs: config.SEARCH_RESPONSE_CACHE_STALE_MS, maxEntries: config.SEARCH_RESPONSE_CACHE_MAX_ENTRIES },
      (outcome) => requests.inc({ outcome }),
    );
  }
}

/**
 * The cache key of a search: the language and the query parameters as received (keys sorted,
 * `lang` left out since the language is given), so equal requests share an entry before any
 * validation runs. A request that fails validation is never stored.
 */
export function searchCacheKey(query: Record<string, unknown>, locale: string): string {
  const keys = Object.keys(query)
    .filter((k) => k !== 'lang')
    .sort();
  return JSON.stringify([locale, ...keys.map((k) => [k, query[k]])]);
}
