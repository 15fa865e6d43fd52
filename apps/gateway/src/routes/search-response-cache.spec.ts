import { GenerationTracker, type GenerationSource } from './search-generation.js';
import { ResponseCache, searchCacheKey, type CacheOutcome, type RevalidationResult } from './search-response-cache.js';

describe('ResponseCache', () => {
  let now: number;
  let outcomes: CacheOutcome[];
  const cache = (ttlMs = 1000, staleMs = 2000, maxEntries = 10) => new ResponseCache({ ttlMs, staleMs, maxAgeMs: 60_000, maxEntries, now: () => now }, (o) => outcomes.push(o));

  /** A computation that resolves when told to, counting its runs. */
  function deferred() {
    let runs = 0;
    const pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
    const compute = () => {
      runs++;
      return new Promise<unknown>((resolve, reject) => pending.push({ resolve, reject }));
    };
    return { compute, pending, runs: () => runs };
  }

  beforeEach(() => {
    now = 1_000_000;
    outcomes = [];
  });

  it('computes once, then serves the serialized body while fresh', async () => {
    const c = cache();
    let runs = 0;
    const compute = async () => ({ items: [++runs], total: 1 });
    expect(await c.get('k', compute)).toBe('{"items":[1],"total":1}');
    now += 999;
    expect(await c.get('k', compute)).toBe('{"items":[1],"total":1}');
    expect(runs).toBe(1);
    expect(outcomes).toEqual(['miss', 'hit']);
  });

  it('shares one computation between concurrent misses', async () => {
    const c = cache();
    const d = deferred();
    const a = c.get('k', d.compute);
    const b = c.get('k', d.compute);
    d.pending[0]!.resolve({ n: 1 });
    expect(await Promise.all([a, b])).toEqual(['{"n":1}', '{"n":1}']);
    expect(d.runs()).toBe(1);
    expect(outcomes).toEqual(['miss', 'joined']);
  });

  it('serves a stale body while one refresh runs, then the refreshed one', async () => {
    const c = cache();
    const d = deferred();
    const first = c.get('k', d.compute);
    d.pending[0]!.resolve({ v: 'old' });
    await first;
    now += 1500; // past the TTL, within the stale window
    expect(await c.get('k', d.compute)).toBe('{"v":"old"}');
    expect(await c.get('k', d.compute)).toBe('{"v":"old"}');
    expect(d.runs()).toBe(2); // one refresh for both
    d.pending[1]!.resolve({ v: 'new' });
    await new Promise((r) => setImmediate(r));
    expect(await c.get('k', d.compute)).toBe('{"v":"new"}');
    expect(outcomes).toEqual(['miss', 'stale', 'stale', 'hit']);
  });

  it('computes again, and waits, once the stale window has passed', async () => {
    const c = cache();
    await c.get('k', async () => 1);
    now += 3001;
    expect(await c.get('k', async () => 2)).toBe('2');
    expect(outcomes).toEqual(['miss', 'miss']);
  });

  it('never stores a failure, and keeps the stale body when a refresh fails', async () => {
    const c = cache();
    await expect(c.get('k', async () => Promise.reject(new Error('invalid')))).rejects.toThrow('invalid');
    expect(c.size).toBe(0);
    expect(await c.get('k', async () => 'ok')).toBe('"ok"');
    now += 1500;
    expect(await c.get('k', async () => Promise.reject(new Error('timeout')))).toBe('"ok"');
    await new Promise((r) => setImmediate(r));
    expect(await c.get('k', async () => 'later')).toBe('"ok"'); // still stale, refreshing again
    await new Promise((r) => setImmediate(r));
    expect(await c.get('k', async () => 'unused')).toBe('"later"');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const c = cache(1000, 0, 2);
    for (const k of ['a', 'b', 'c']) await c.get(k, async () => k);
    expect(c.size).toBe(2);
    let runs = 0;
    await c.get('a', async () => ++runs);
    await c.get('c', async () => ++runs);
    expect(runs).toBe(1);
  });

  it('is a pass-through with a TTL of 0', async () => {
    const c = cache(0);
    let runs = 0;
    await c.get('k', async () => ++runs);
    await c.get('k', async () => ++runs);
    expect(runs).toBe(2);
    expect(c.enabled).toBe(false);
  });
});

describe('searchCacheKey', () => {
  it('depends on the language and the parameters, not on their order or on lang', () => {
    const key = searchCacheKey({ q: 'engineer', country: ['QA', 'SA'], lang: 'ar' }, 'ar');
    expect(searchCacheKey({ country: ['QA', 'SA'], q: 'engineer' }, 'ar')).toBe(key);
    expect(searchCacheKey({ country: ['QA', 'SA'], q: 'engineer' }, 'en')).not.toBe(key);
    expect(searchCacheKey({ country: ['SA'], q: 'engineer' }, 'ar')).not.toBe(key);
    expect(searchCacheKey({ q: 'engineer' }, 'ar')).not.toBe(searchCacheKey({ q: 'engineers' }, 'ar'));
  });
});

describe('ResponseCache with a search generation', () => {
  let now: number;
  let generation: string | undefined;
  let asked: number;
  let outcomes: CacheOutcome[];
  let revalidations: RevalidationResult[];
  let unreachable: boolean;
  /** The generation as the vacancies service would tell it (undefined: it cannot be asked; unreachable: the request fails). */
  const source: GenerationSource = {
    latest: () => generation,
    current: async () => {
      asked++;
      if (unreachable) throw new Error('no responders');
      return generation;
    },
  };
  const cache = (maxAgeMs = 60_000) =>
    new ResponseCache({ ttlMs: 1000, staleMs: 2000, maxAgeMs, maxEntries: 10, now: () => now }, (o) => outcomes.push(o), source, (r) => revalidations.push(r));
  const settle = () => new Promise((r) => setImmediate(r));

  beforeEach(() => {
    now = 1_000_000;
    generation = '1@2026-11-20';
    asked = 0;
    unreachable = false;
    outcomes = [];
    revalidations = [];
  });

  it('keeps a stale body without a search while the generation is unchanged', async () => {
    const c = cache();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await c.get('k', compute)).toBe('1');
    for (let i = 0; i < 5; i++) {
      now += 1500; // past the TTL
      expect(await c.get('k', compute)).toBe('1'); // stale, revalidated in the background
      await settle();
      expect(await c.get('k', compute)).toBe('1'); // fresh again
    }
    expect(runs).toBe(1);
    expect(asked).toBe(5);
    expect(revalidations).toEqual(Array(5).fill('unchanged'));
    expect(outcomes).toEqual(['miss', ...Array(5).fill(['stale', 'hit']).flat()]);
  });

  it('searches again once the generation has changed, and tags the new body with the new generation', async () => {
    const c = cache();
    let runs = 0;
    const compute = async () => ++runs;
    await c.get('k', compute);
    generation = '2@2026-11-20';
    now += 1500;
    expect(await c.get('k', compute)).toBe('1'); // stale while searching again
    await settle();
    expect(await c.get('k', compute)).toBe('2');
    now += 1500;
    await c.get('k', compute);
    await settle();
    expect(await c.get('k', compute)).toBe('2'); // generation 2 unchanged since
    expect(runs).toBe(2);
    expect(revalidations).toEqual(['recomputed', 'unchanged']);
  });

  it('keeps a stale body when the generation moved on but no change since concerns the search', async () => {
    const c = cache();
    let runs = 0;
    const compute = async () => ++runs;
    const asks: string[] = [];
    let concerned = false;
    const changedSince = async (since: string) => {
      asks.push(since);
      return { changed: concerned, generation: generation! };
    };
    await c.get('k', compute, changedSince);
    generation = '2@2026-11-20';
    now += 1500;
    await c.get('k', compute, changedSince);
    await settle();
    expect(await c.get('k', compute, changedSince)).toBe('1'); // kept
    generation = '3@2026-11-20';
    now += 1500;
    await c.get('k', compute, changedSince);
    await settle();
    // Asked since the generation of the last check, not since the computation.
    expect(asks).toEqual(['1@2026-11-20', '2@2026-11-20']);
    concerned = true;
    generation = '4@2026-11-20';
    now += 1500;
    await c.get('k', compute, changedSince);
    await settle();
    expect(await c.get('k', compute, changedSince)).toBe('2');
    expect(revalidations).toEqual(['unaffected', 'unaffected', 'recomputed']);
  });

  it('drops the least recently computed or kept body first', async () => {
    const c = new ResponseCache({ ttlMs: 1000, staleMs: 2000, maxAgeMs: 60_000, maxEntries: 2, now: () => now }, () => undefined, source, (r) => revalidations.push(r));
    let runs = 0;
    const compute = async () => ++runs;
    await c.get('a', compute);
    await c.get('b', compute);
    now += 1500;
    await c.get('a', compute); // stale: kept, so now the most recent
    await settle();
    await c.get('c', compute); // drops b
    expect(revalidations).toEqual(['unchanged']);
    expect(await c.get('a', compute)).toBe('1');
    expect(await c.get('b', compute)).toBe('4');
  });

  it('searches again when the change check fails', async () => {
    const c = cache();
    let runs = 0;
    const compute = async () => ++runs;
    await c.get('k', compute);
    generation = '2@2026-11-20';
    now += 1500;
    await c.get('k', compute, async () => Promise.reject(new Error('timeout')));
    await settle();
    expect(await c.get('k', compute)).toBe('2');
    expect(revalidations).toEqual(['recomputed']);
  });

  it('searches again when the generation cannot be read, or was unknown when the body was computed', async () => {
    generation = undefined;
    const c = cache();
    let runs = 0;
    const compute = async () => ++runs;
    await c.get('k', compute); // computed with no generation known
    generation = '1@2026-11-20';
    now += 1500;
    await c.get('k', compute);
    await settle();
    expect(await c.get('k', compute)).toBe('2'); // untagged: searched again, now tagged
    generation = undefined; // the service cannot be asked
    now += 1500;
    await c.get('k', compute);
    await settle();
    expect(await c.get('k', compute)).toBe('3');
    expect(revalidations).toEqual(['recomputed', 'recomputed']);
  });

  it('never keeps a body fresh beyond the maximum age without a search', async () => {
    const c = cache(4000);
    let runs = 0;
    const compute = async () => ++runs;
    await c.get('k', compute); // computed at t0
    for (let i = 0; i < 3; i++) {
      now += 1500; // t0 + 1.5, 3, 4.5 s
      await c.get('k', compute);
      await settle();
    }
    // At 1.5 and 3 s the generation was unchanged: kept, fresh until 4 s at most; at 4.5 s the body
    // was too old to keep: searched again although nothing changed.
    expect(revalidations).toEqual(['unchanged', 'unchanged', 'recomputed']);
    expect(await c.get('k', compute)).toBe('2');
  });

  it('past the stale window, revalidates while the caller waits: kept while unchanged, searched when changed or too old', async () => {
    const c = cache(10_000);
    let runs = 0;
    const compute = async () => ++runs;
    await c.get('k', compute);
    now += 3500; // past TTL + stale
    expect(await c.get('k', compute)).toBe('1');
    expect(await c.get('k', compute)).toBe('1'); // fresh again
    generation = '2@2026-11-20';
    now += 3500;
    expect(await c.get('k', compute)).toBe('2');
    now += 10_500; // 10.5 s after the second computation: too old to keep
    expect(await c.get('k', compute)).toBe('3');
    expect(outcomes).toEqual(['miss', 'revalidated', 'hit', 'revalidated', 'miss']);
    expect(revalidations).toEqual(['unchanged', 'recomputed']);
  });

  it('revalidates once for many stale requests, and a failed search keeps the stale body', async () => {
    const c = cache();
    await c.get('k', async () => 'ok');
    generation = '2@2026-11-20';
    now += 1500;
    const failing = async () => Promise.reject(new Error('timeout'));
    expect(await c.get('k', failing)).toBe('"ok"');
    expect(await c.get('k', failing)).toBe('"ok"');
    await settle();
    expect(revalidations).toEqual(['failed']);
    expect(await c.get('k', async () => 'new')).toBe('"ok"'); // still stale: tries again
    await settle();
    expect(await c.get('k', async () => 'unused')).toBe('"new"');
  });

  it('counts a revalidation that cannot read the generation as failed, and keeps the stale body', async () => {
    const c = cache();
    await c.get('k', async () => 'ok');
    now += 1500;
    unreachable = true;
    expect(await c.get('k', async () => 'unused')).toBe('"ok"');
    await settle();
    expect(revalidations).toEqual(['failed']);
    unreachable = false;
    expect(await c.get('k', async () => 'unused')).toBe('"ok"'); // still stale: tries again, unchanged
    await settle();
    expect(revalidations).toEqual(['failed', 'unchanged']);
  });
});

describe('GenerationTracker', () => {
  let now: number;
  let reads: number;
  let value: string;
  let fail: boolean;
  const tracker = () =>
    new GenerationTracker(
      async () => {
        reads++;
        if (fail) throw new Error('no responders');
        return value;
      },
      1000,
      () => now,
    );

  beforeEach(() => {
    now = 1_000_000;
    reads = 0;
    value = 'g1';
    fail = false;
  });

  it('reads at most once per interval, one read at a time', async () => {
    const t = tracker();
    expect(t.latest()).toBeUndefined(); // nothing yet: starts a read
    expect(await Promise.all([t.current(), t.current()])).toEqual(['g1', 'g1']);
    expect(reads).toBe(1);
    value = 'g2';
    now += 999;
    expect(await t.current()).toBe('g1');
    now += 1;
    expect(await t.current()).toBe('g2');
    expect(t.latest()).toBe('g2');
    expect(reads).toBe(2);
  });

  it('answers undefined when the read fails, and keeps the last value for tagging', async () => {
    const t = tracker();
    await t.current();
    fail = true;
    now += 1000;
    expect(await t.current()).toBeUndefined();
    expect(t.latest()).toBe('g1');
  });
});
