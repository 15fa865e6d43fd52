import { Inject, Injectable, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CONFIG, PlatformMetrics } from '@olp/platform';
import type { GatewayConfig } from '../gateway.config.js';
import { SearchGenerationTracker, type GenerationSource } from './search-generation.js';

/**
 * How a request was answered: fresh copy, stale copy (revalidation started), expired copy
 * revalidated while it waited (`revalidated`: kept or computed), joined a computation in flight,
 * computed.
 */
export type CacheOutcome = 'hit' | 'stale' | 'revalidated' | 'joined' | 'miss';

/**
 * How a stale entry was revalidated: `unchanged` (same search generation: kept, no search),
 * `unaffected` (the generation moved, but no change since matches this search: kept, no search),
 * `recomputed` (searched again and stored), `failed` (the search failed; the stale copy stays).
 */
export type RevalidationResult = 'unchanged' | 'unaffected' | 'recomputed' | 'failed';

/** Asks whether a search may answer otherwise than at generation `since`, and the generation that answer is as of. */
export type ChangedSince = (since: string) => Promise<{ changed: boolean; generation: string }>;

interface Entry {
  /** The serialized response body, sent as is. */
  body: string;
  freshUntil: number;
  staleUntil: number;
  /** When the body was computed: it is never kept fresh beyond `maxAgeMs` after. */
  computedAt: number;
  /** The search generation read before computing it (undefined: unknown, so never kept without a search). */
  generation: string | undefined;
}

export interface SearchResponseCacheOptions {
  /** How long an entry is served as is (0: the cache is off). */
  ttlMs: number;
  /** How much longer an expired entry is still served while it is revalidated in the background. */
  staleMs: number;
  /**
   * How old a body may get by being kept fresh without a search (its generation unchanged);
   * older, it is searched again. The bound for anything the generation does not see.
   */
  maxAgeMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * The gateway's cache of public search responses (GET /vacancies without a token): one serialized
 * body per normalized query and language, in this replica's memory.
 *
 * - Fresh for `ttlMs`, then served stale for up to `staleMs` more while one background
 *   revalidation runs (stale-while-revalidate): nobody waits for it.
 * - Change-aware revalidation: each body is tagged with the search generation read before it was
 *   computed (see GenerationSource). Revalidating, the cache asks for the current generation
 *   (at most SEARCH_GENERATION_CHECK_MS old); if it is the body's, nothing search can return has
 *   changed, so the body is kept fresh for another TTL without a search (`unchanged`). If it
 *   moved on, the caller's `changedSince` (if given) asks whether any change since matches this
 *   search; if none does, the body is kept and tagged with the generation that answer is as of
 *   (`unaffected`). Otherwise, or when the body is `maxAgeMs` old or its generation unknown, it
 *   is searched again (`recomputed`). A popular search costs one search per change that concerns
 *   it, not one per TTL.
 * - Past the stale window, a body whose generation is known and that is younger than `maxAgeMs`
 *   is revalidated while the caller waits (`revalidated`): kept if unchanged (usually no round
 *   trip: the generation read this second), else searched again. A search asked less often than
 *   once per TTL + stale window thus stays cached while nothing concerning it changes.
 * - Single flight: concurrent misses for one key share one computation.
 * - Failures (validation errors, a service timeout) are never stored; each waiter gets the error.
 *   A failed background revalidation leaves the stale copy until it runs out.
 * - Staleness (the contract for anonymous readers; signed-in callers bypass this cache, see the
 *   controller): a change shows after at most `ttlMs` + the generation check interval + the time
 *   one search takes, and never later than `ttlMs + staleMs` after it when searches keep failing.
 *   A body older than `maxAgeMs` is never fresh: it is only served while it is searched again
 *   (and, if that keeps failing, for at most `ttlMs + staleMs` after it was last kept).
 * - Bounded: at most `maxEntries` (least recently computed or kept dropped first).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly now: () => number;

  constructor(
    private readonly options: SearchResponseCacheOptions,
    private readonly onOutcome: (outcome: CacheOutcome) => void = () => undefined,
    private readonly generations?: GenerationSource,
    private readonly onRevalidation: (result: RevalidationResult) => void = () => undefined,
  ) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** The body for `key`: cached, or computed once by `compute` (its result serialized as JSON). */
  async get(key: string, compute: () => Promise<unknown>, changedSince?: ChangedSince): Promise<string> {
    if (!this.enabled) return JSON.stringify(await compute());
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.staleUntil > now) {
      if (entry.freshUntil > now) {
        this.onOutcome('hit');
      } else {
        this.onOutcome('stale');
        if (!this.inFlight.has(key)) this.track(key, this.revalidate(key, entry, compute, changedSince)).catch(() => undefined);
      }
      return entry.body;
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.onOutcome('joined');
      return running;
    }
    // Past the stale window, a body that may still be kept is revalidated while the caller waits:
    // usually against the generation already read this second, so without any round trip.
    if (entry && entry.generation !== undefined && now - entry.computedAt < this.options.maxAgeMs) {
      this.onOutcome('revalidated');
      return this.track(key, this.revalidate(key, entry, compute, changedSince));
    }
    if (entry) this.entries.delete(key);
    this.onOutcome('miss');
    return this.track(key, this.computeTagged(key, compute));
  }

  get size(): number {
    return this.entries.size;
  }

  private track(key: string, work: Promise<string>): Promise<string> {
    const running = work.finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, running);
    return running;
  }

  /**
   * Keeps a stale entry whose generation is still current or whose search no change concerns, else
   * searches again. Every revalidation ends counted: kept, recomputed, or failed (the generation
   * could not be read, or the search failed).
   */
  private async revalidate(key: string, entry: Entry, compute: () => Promise<unknown>, changedSince: ChangedSince | undefined): Promise<string> {
    try {
      const young = this.now() - entry.computedAt < this.options.maxAgeMs;
      const tag = young ? entry.generation : undefined;
      let current = tag !== undefined ? await this.generations?.current() : undefined;
      if (tag !== undefined && current === tag && this.entries.get(key) === entry) return this.keep(key, entry, tag, 'unchanged');
      if (tag !== undefined && current !== undefined && changedSince) {
        const check = await changedSince(tag).catch(() => undefined);
        if (check) current = check.generation;
        if (check && !check.changed && this.entries.get(key) === entry) return this.keep(key, entry, check.generation, 'unaffected');
      }
      const body = await this.compute(key, compute, current ?? this.generations?.latest());
      this.onRevalidation('recomputed');
      return body;
    } catch (error) {
      this.onRevalidation('failed');
      throw error;
    }
  }

  /** Another TTL for a body still right as of `generation` (never beyond its maximum age). */
  private keep(key: string, entry: Entry, generation: string, result: RevalidationResult): string {
    const now = this.now();
    // Last in the eviction order, like a body just computed.
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.generation = generation;
    entry.freshUntil = Math.min(now + this.options.ttlMs, entry.computedAt + this.options.maxAgeMs);
    entry.staleUntil = now + this.options.ttlMs + this.options.staleMs;
    this.onRevalidation(result);
    return entry.body;
  }

  /** A miss: tagged with the last generation read, or (none yet, after a start) one read now. */
  private async computeTagged(key: string, compute: () => Promise<unknown>): Promise<string> {
    const generation = this.generations ? (this.generations.latest() ?? (await this.generations.current())) : undefined;
    return this.compute(key, compute, generation);
  }

  /** Computes and stores the body, tagged with `generation`, which must have been read before. */
  private async compute(key: string, compute: () => Promise<unknown>, generation: string | undefined): Promise<string> {
    const computedAt = this.now();
    const body = JSON.stringify(await compute());
    this.store(key, body, computedAt, generation);
    return body;
  }

  private store(key: string, body: string, computedAt: number, generation: string | undefined): void {
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const now = this.now();
    this.entries.set(key, { body, freshUntil: now + this.options.ttlMs, staleUntil: now + this.options.ttlMs + this.options.staleMs, computedAt, generation });
  }
}

/**
 * The search route's ResponseCache, configured from the environment, revalidating against the
 * search generation, counting request outcomes and revalidations in /metrics.
 */
@Injectable()
export class SearchResponseCache extends ResponseCache {
  constructor(
    @Inject(CONFIG) config: GatewayConfig,
    @Inject(SearchGenerationTracker) generations: SearchGenerationTracker,
    @Optional() @Inject(PlatformMetrics) metrics?: PlatformMetrics,
  ) {
    const registers = metrics ? [metrics.registry] : [];
    const requests = new Counter({
      name: 'olp_search_response_cache_requests_total',
      help: "Public searches by how the gateway's response cache answered them: hit, stale (served while revalidating), revalidated (expired, waited for its revalidation), joined (waited for a computation in flight), miss",
      labelNames: ['outcome'] as const,
      registers,
    });
    const revalidations = new Counter({
      name: 'olp_search_response_cache_revalidations_total',
      help: "Background revalidations of stale public searches in the gateway's response cache: unchanged (search generation unchanged) and unaffected (no change since concerns the search), both kept without a search; recomputed; failed",
      labelNames: ['result'] as const,
      registers,
    });
    super(
      {
        ttlMs: config.SEARCH_RESPONSE_CACHE_TTL_MS,
        staleMs: config.SEARCH_RESPONSE_CACHE_STALE_MS,
        maxAgeMs: config.SEARCH_RESPONSE_CACHE_MAX_AGE_MS,
        maxEntries: config.SEARCH_RESPONSE_CACHE_MAX_ENTRIES,
      },
      (outcome) => requests.inc({ outcome }),
      generations,
      (result) => revalidations.inc({ result }),
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
