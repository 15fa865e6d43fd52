import { ResponseCache, searchCacheKey, type CacheOutcome } from './search-response-cache.js';

describe('ResponseCache', () => {
  let now: number;
  let outcomes: CacheOutcome[];
  const cache = (ttlMs = 1000, staleMs = 2000, maxEntries = 10) => new ResponseCache({ ttlMs, staleMs, maxEntries, now: () => now }, (o) => outcomes.push(o));

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
