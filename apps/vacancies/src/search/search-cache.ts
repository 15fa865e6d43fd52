import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@olp/platform';
import type { VacanciesConfig } from '../vacancies.config.js';

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

/**
 * A short-lived, per-replica memo of search work (result pages and facet counts), keyed by the
 * search generation and the normalised query (VacancySearch makes the keys). Identical searches
 * arriving together share one database round trip (the promise is stored before it settles), and
 * a popular query costs one aggregate per TTL instead of one per request. A change to what search
 * returns, through any replica, changes the generation and so the keys: it shows at once, and
 * SEARCH_CACHE_TTL_MS only bounds how long an entry is kept.
 */
@Injectable()
export class SearchCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  /** Pages of up to 51 summaries and facet counts: a few tens of MB at most. */
  private readonly maxEntries = 1000;

  constructor(@Inject(CONFIG) config: VacanciesConfig) {
    this.ttlMs = config.SEARCH_CACHE_TTL_MS;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached value for `key`, if any and still fresh. */
  peek<T>(key: string): Promise<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as Promise<T>;
  }

  /** Remembers a value being computed; a failure forgets it so the next request retries. */
  remember<T>(key: string, value: Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return value;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry: Entry = { expires: Date.now() + this.ttlMs, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets everything (tests: take the uncached path). Changes need no call: see the class comment. */
  invalidate(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
