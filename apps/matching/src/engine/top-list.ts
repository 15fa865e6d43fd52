/** One side of a pair in a top list: the other party's id and the pair's score. */
export interface Ranked {
  id: string;
  score: number;
}

/**
 * The one order every top list uses, so incremental updates and a full recomputation agree:
 * higher score first, then the lower id. Negative when `a` ranks before `b`.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What one offer did to a list. */
export interface OfferOutcome {
  /** The entry was added, removed or its score changed. */
  changed: boolean;
  /** An entry pushed out of a full list by the offered one. */
  evicted?: string;
  /**
   * Entries outside the list might now belong in it (a member left a full list or fell to its
   * end): the owner must be recomputed from all its candidates.
   */
  needsBackfill: boolean;
}

const NOTHING: OfferOutcome = { changed: false, needsBackfill: false };

/**
 * The best `k` pairs of one vacancy or one seeker, sorted by {@link compareRanked}. Invariant
 * (kept by the callers): a list shorter than `k` holds every eligible pair of its owner, and
 * every pair outside a full list ranks after its last entry. That is what lets one changed pair
 * be placed without looking at the others, and tells when it cannot ({@link OfferOutcome.needsBackfill}).
 *
 * Held as two parallel arrays (the other sides' ids, which are the index's own strings, and the
 * scores, unboxed), not as an object and a map entry per pair: every list of the market is in
 * memory (~7 M pairs at 100,000 seekers), so ~16 bytes a pair instead of ~120, and far less for
 * the garbage collector to trace. Lookups scan at most `k` fingerprints ({@link fingerprint}), small
 * integers beside the ids, and compare the strings only where a fingerprint matches: comparing two
 * different strings is a call, comparing two small integers is not, and a batch looks its touched
 * pairs up in both sides' lists (bench:e2e: ~4 µs a pair with string scans, most of `persist`).
 */
export class TopList {
  private readonly ids_: string[] = [];
  private readonly scores: number[] = [];
  private readonly prints: number[] = [];

  constructor(
    readonly k: number,
    entries: Iterable<Ranked> = [],
  ) {
    for (const item of [...entries].sort(compareRanked).slice(0, k)) {
      this.ids_.push(item.id);
      this.scores.push(item.score);
      this.prints.push(fingerprint(item.id));
    }
  }

  /** The best `k` of any number of scored entries. */
  static best(k: number, entries: Iterable<Ranked>): TopList {
    return new TopList(k, selectBest(k, entries));
  }

  get size(): number {
    return this.ids_.length;
  }

  get full(): boolean {
    return this.ids_.length >= this.k;
  }

  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  score(id: string): number | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.scores[i];
  }

  private indexOf(id: string): number {
    const print = fingerprint(id);
    for (let i = this.prints.indexOf(print); i >= 0; i = this.prints.indexOf(print, i + 1)) {
      if (this.ids_[i] === id) return i;
    }
    return -1;
  }

  last(): Ranked | undefined {
    const n = this.ids_.length;
    return n === 0 ? undefined : { id: this.ids_[n - 1]!, score: this.scores[n - 1]! };
  }

  /** The last entry's score (the list's floor when it is full), or undefined when empty. */
  lastScore(): number | undefined {
    return this.scores[this.scores.length - 1];
  }

  entries(): Ranked[] {
    return this.ids_.map((id, i) => ({ id, score: this.scores[i]! }));
  }

  ids(): string[] {
    return [...this.ids_];
  }

  /**
   * One pair changed: `score` is its new score, or null when it is no longer eligible. Places it
   * and reports what happened; when the list cannot decide alone it says so (and the caller
   * recomputes the owner from scratch).
   */
  offer(id: string, score: number | null): OfferOutcome {
    const at = this.indexOf(id);
    if (score === null) {
      if (at < 0) return NOTHING;
      const wasFull = this.full;
      this.removeAt(at);
      return { changed: true, needsBackfill: wasFull };
    }
    if (at >= 0) {
      if (this.scores[at] === score) return NOTHING;
      const wasFull = this.full;
      const n = this.ids_.length;
      const boundId = this.ids_[n - 1]!;
      const boundScore = this.scores[n - 1]!;
      this.removeAt(at);
      this.insert(id, score);
      // Pairs outside a full list rank after its old last entry; only a member that now ranks
      // after that bound may have been overtaken by one of them.
      return { changed: true, needsBackfill: wasFull && rankedBefore(boundId, boundScore, id, score) };
    }
    if (!this.full) {
      this.insert(id, score);
      return { changed: true, needsBackfill: false };
    }
    const n = this.ids_.length;
    const lastId = this.ids_[n - 1]!;
    if (!rankedBefore(id, score, lastId, this.scores[n - 1]!)) return NOTHING;
    this.removeAt(n - 1);
    this.insert(id, score);
    return { changed: true, evicted: lastId, needsBackfill: false };
  }

  private insert(id: string, score: number): void {
    let lo = 0;
    let hi = this.ids_.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rankedBefore(this.ids_[mid]!, this.scores[mid]!, id, score)) lo = mid + 1;
      else hi = mid;
    }
    this.ids_.splice(lo, 0, id);
    this.scores.splice(lo, 0, score);
    this.prints.splice(lo, 0, fingerprint(id));
  }

  private removeAt(index: number): void {
    this.ids_.splice(index, 1);
    this.scores.splice(index, 1);
    this.prints.splice(index, 1);
  }
}

/**
 * A small integer standing for an id in list scans: equal ids have equal fingerprints. For a UUID
 * the last eight hex digits (random in versions 4 and 7 alike), so different ids rarely share one;
 * anything else (ids in tests) falls back to 0, which is still correct, only slower.
 */
export function fingerprint(id: string): number {
  return parseInt(id.slice(-8), 16) | 0;
}

/** (id a, score a) ranks strictly before (id b, score b) in {@link compareRanked}'s order. */
function rankedBefore(a: string, sa: number, b: string, sb: number): boolean {
  return sa !== sb ? sa > sb : a < b;
}

/** The best `k` entries without sorting them all (a bounded selection; k is small next to the candidates). */
export function selectBest(k: number, entries: Iterable<Ranked>): Ranked[] {
  const kept: Ranked[] = [];
  for (const entry of entries) {
    if (kept.length >= k && compareRanked(entry, kept[kept.length - 1]!) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRanked(kept[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, entry);
    if (kept.length > k) kept.pop();
  }
  return kept;
}

/**
 * One side's top lists by owner id, with each owner's floor (the score a pair must reach to enter
 * its list: the last entry's of a full list, else -1) reported to `floor` whenever a list is set,
 * offered to or dropped, so the index can skip candidates without looking their lists up. Every
 * change to a list goes through here.
 */
export class TopLists {
  private readonly lists = new Map<string, TopList>();

  constructor(
    private readonly floor: (id: string, floor: number) => void,
    private readonly resetFloors: () => void,
  ) {}

  get(id: string): TopList | undefined {
    return this.lists.get(id);
  }

  has(id: string): boolean {
    return this.lists.has(id);
  }

  set(id: string, list: TopList): void {
    this.lists.set(id, list);
    this.floor(id, floorOf(list));
  }

  delete(id: string): void {
    if (this.lists.delete(id)) this.floor(id, -1);
  }

  clear(): void {
    this.lists.clear();
    this.resetFloors();
  }

  /** {@link TopList.offer} on the owner's list (which must be held). */
  offer(owner: string, id: string, score: number | null): OfferOutcome {
    const list = this.lists.get(owner)!;
    const outcome = list.offer(id, score);
    if (outcome.changed) this.floor(owner, floorOf(list));
    return outcome;
  }
}

function floorOf(list: TopList): number {
  return list.full ? list.lastScore()! : -1;
}
