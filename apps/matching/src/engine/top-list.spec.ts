import fc from 'fast-check';
import { compareRanked, fingerprint, selectBest, TopList, type Ranked } from './top-list.js';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('TopList', () => {
  it('orders by score, then id', () => {
    const list = TopList.best(3, [
      { id: 'b', score: 0.5 },
      { id: 'a', score: 0.5 },
      { id: 'c', score: 0.9 },
      { id: 'd', score: 0.1 },
    ]);
    expect(list.entries()).toEqual([
      { id: 'c', score: 0.9 },
      { id: 'a', score: 0.5 },
      { id: 'b', score: 0.5 },
    ]);
    expect(compareRanked({ id: 'a', score: 0.5 }, { id: 'b', score: 0.5 })).toBeLessThan(0);
  });

  it('tells ids apart that share a fingerprint (the scans compare the ids where fingerprints match)', () => {
    const a = '3f2b8c1e-0000-4000-8000-00000000beef';
    const b = '9d41aa07-1111-4111-9111-11110000beef';
    const c = '5c6d7e8f-2222-4222-a222-22220000beef';
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint('5c6d7e8f-2222-4222-a222-22220000bee0'));
    const list = TopList.best(3, [
      { id: a, score: 0.5 },
      { id: b, score: 0.7 },
    ]);
    expect(list.score(a)).toBe(0.5);
    expect(list.score(b)).toBe(0.7);
    expect(list.has(c)).toBe(false);
    expect(list.offer(a, null)).toEqual({ changed: true, needsBackfill: false });
    expect(list.score(b)).toBe(0.7);
    expect(list.has(a)).toBe(false);
    expect(list.offer(c, 0.9)).toEqual({ changed: true, needsBackfill: false });
    expect(list.entries()).toEqual([
      { id: c, score: 0.9 },
      { id: b, score: 0.7 },
    ]);
    expect(list.offer(b, 0.95)).toEqual({ changed: true, needsBackfill: false });
    expect(list.ids()).toEqual([b, c]);
    expect(list.score(c)).toBe(0.9);
  });

  it('evicts the last entry of a full list for a better one, and ignores worse ones', () => {
    const list = TopList.best(2, [
      { id: 'a', score: 0.9 },
      { id: 'b', score: 0.5 },
    ]);
    expect(list.offer('c', 0.4)).toEqual({ changed: false, needsBackfill: false });
    expect(list.offer('c', 0.6)).toEqual({ changed: true, evicted: 'b', needsBackfill: false });
    expect(list.ids()).toEqual(['a', 'c']);
  });

  it('asks for a backfill when a member of a full list leaves or falls behind its old last entry', () => {
    const list = TopList.best(2, [
      { id: 'a', score: 0.9 },
      { id: 'b', score: 0.5 },
    ]);
    expect(list.offer('a', 0.7).needsBackfill).toBe(false);
    expect(list.offer('a', 0.4).needsBackfill).toBe(true);
    const other = TopList.best(2, [
      { id: 'a', score: 0.9 },
      { id: 'b', score: 0.5 },
    ]);
    expect(other.offer('a', null)).toEqual({ changed: true, needsBackfill: true });
    const short = TopList.best(3, [{ id: 'a', score: 0.9 }]);
    expect(short.offer('a', null)).toEqual({ changed: true, needsBackfill: false });
  });

  it('always equals the best k of all eligible pairs when offers (and the backfills they ask for) are applied', () => {
    const change = fc.record({ id: fc.constantFrom(...ids), score: fc.option(fc.integer({ min: 0, max: 20 }).map((n) => n / 20), { nil: null }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(change, { maxLength: 60 }), (k, changes) => {
        const truth = new Map<string, number>();
        let list = new TopList(k);
        for (const { id, score } of changes) {
          if (score === null) truth.delete(id);
          else truth.set(id, score);
          const outcome = list.offer(id, score);
          if (outcome.needsBackfill) list = TopList.best(k, [...truth].map(([i, s]): Ranked => ({ id: i, score: s })));
          const expected = selectBest(k, [...truth].map(([i, s]) => ({ id: i, score: s })));
          expect(list.entries()).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
