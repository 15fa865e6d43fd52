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
 */
export class TopList {
  private items: Ranked[];
  private readonly scores = new Map<string, number>();

  constructor(
    readonly k: number,
    entries: Iterable<Ranked> = [],
  ) {
    this.items = [...entries].sort(compareRanked).slice(0, k);
    for (const item of this.items) this.scores.set(item.id, item.score);
  }

  /** The best `k` of any number of scored entries. */
  static best(k: number, entries: Iterable<Ranked>): TopList {
    return new TopList(k, selectBest(k, entries));
  }

  get size(): number {
    return this.items.length;
  }

  get full(): boolean {
    return this.items.length >= this.k;
  }

  has(id: string): boolean {
    return this.scores.has(id);
  }

  score(id: string): number | undefined {
    return this.scores.get(id);
  }

  last(): Ranked | undefined {
    return this.items[this.items.length - 1];
  }

  entries(): readonly Ranked[] {
    return this.items;
  }

  ids(): string[] {
    return this.items.map((i) => i.id);
  }

  /**
   * One pair changed: `score` is its new score, or null when it is no longer eligible. Places it
   * and reports what happened; when the list cannot decide alone it says so (and the caller
   * recomputes the owner from scratch).
   */
  offer(id: string, score: number | null): OfferOutcome {
    const old = this.scores.get(id);
    if (score === null) {
      if (old === undefined) return NOTHING;
      const wasFull = this.full;
      this.remove(id);
      return { changed: true, needsBackfill: wasFull };
    }
    const entry = { id, score };
    if (old !== undefined) {
      if (old === score) return NOTHING;
      const wasFull = this.full;
      const bound = this.last()!;
      this.remove(id);
      this.insert(entry);
      // Pairs outside a full list rank after its old last entry; only a member that now ranks
      // after that bound may have been overtaken by one of them.
      return { changed: true, needsBackfill: wasFull && compareRanked(entry, bound) > 0 };
    }
    if (!this.full) {
      this.insert(entry);
      return { changed: true, needsBackfill: false };
    }
    const last = this.last()!;
    if (compareRanked(entry, last) >= 0) return NOTHING;
    this.remove(last.id);
    this.insert(entry);
    return { changed: true, evicted: last.id, needsBackfill: false };
  }

  private insert(entry: Ranked): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRanked(this.items[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, entry);
    this.scores.set(entry.id, entry.score);
  }

  private remove(id: string): void {
    const index = this.items.findIndex((i) => i.id === id);
    if (index >= 0) this.items.splice(index, 1);
    this.scores.delete(id);
  }
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
  return list.full ? list.last()!.score : -1;
}
