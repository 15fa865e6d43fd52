import { DEFAULT_WEIGHTS, type ScoringWeights, type SeekerFeatures, type VacancyFeatures } from '../scoring/match-model.js';
import {
  compileSeeker,
  compileVacancy,
  compileWeights,
  dateNumber,
  isOpen,
  mayApply,
  packedNationalityAllowed,
  packedOpen,
  packedOverflow,
  packedScore,
  boundedScore,
  educationBound,
  educationByte,
  MAJOR_GROUP_PROXIMITY,
  packSeeker,
  packVacancy,
  PACKED_STRIDE,
  RELOCATE_ANY,
  RELOCATE_LISTED,
  scoreCounted,
  Vocabulary,
  type CompiledSeeker,
  type CompiledVacancy,
  type CompiledWeights,
} from '../scoring/compiled-score.js';
import { isMatchable, seekerOccupationCodes, type VacancyEntry } from './features.js';
import { compareRanked, type Ranked } from './top-list.js';

/** The country, relocation and remote rule of the hard filters (the same as `eligibility`'s). */
export function mayWorkIn(seeker: SeekerFeatures, vacancy: VacancyFeatures): boolean {
  return (
    seeker.residenceCountry === vacancy.country ||
    seeker.relocate === 'any-member-state' ||
    (seeker.relocate === 'listed' && seeker.relocateCountries.includes(vacancy.country)) ||
    (vacancy.workMode === 'remote' && seeker.remote)
  );
}

function vacancySkills(v: VacancyFeatures): string[] {
  return [...v.essentialSkills, ...v.optionalSkills];
}

/** Whether a pair shares a skill or an ISCO-08 sub-major group: the rule that makes it a candidate. */
export function related(seeker: SeekerFeatures, vacancy: VacancyFeatures): boolean {
  const subMajor = vacancy.iscoCode.slice(0, 2);
  if (seekerOccupationCodes(seeker).some((code) => code.length >= 2 && code.slice(0, 2) === subMajor)) return true;
  const skills = new Set(seeker.skills);
  return vacancySkills(vacancy).some((id) => skills.has(id));
}

/** Partition of a posting key: a country id, or one of these. */
const STRIDE = 65_536;
/** Seekers who would relocate to any member state; on the vacancy side, every vacancy (any country). */
const PARTITION_ANY = STRIDE - 2;
/** Seekers who work remotely; remote vacancies. */
const PARTITION_REMOTE = STRIDE - 1;

/**
 * Slot lists per (term, location partition): a term is a skill or an ISCO-08 sub-major group,
 * a partition a country, "anywhere" or "remote", so that a query only walks pairs that pass the
 * location rule. Lists are growable Int32Arrays; removal swaps in the last slot.
 */
class Postings {
  private readonly lists = new Map<number, { slots: Int32Array; n: number }>();

  add(term: number, partition: number, slot: number): void {
    const key = term * STRIDE + partition;
    let entry = this.lists.get(key);
    if (!entry) this.lists.set(key, (entry = { slots: new Int32Array(4), n: 0 }));
    if (entry.n === entry.slots.length) {
      const grown = new Int32Array(entry.n * 2);
      grown.set(entry.slots);
      entry.slots = grown;
    }
    entry.slots[entry.n++] = slot;
  }

  remove(term: number, partition: number, slot: number): void {
    const key = term * STRIDE + partition;
    const entry = this.lists.get(key);
    if (!entry) return;
    const { slots, n } = entry;
    for (let i = 0; i < n; i++) {
      if (slots[i] === slot) {
        slots[i] = slots[n - 1]!;
        entry.n = n - 1;
        if (entry.n === 0) this.lists.delete(key);
        return;
      }
    }
  }

  get(term: number, partition: number): { slots: Int32Array; n: number } | undefined {
    return this.lists.get(term * STRIDE + partition);
  }

  clear(): void {
    this.lists.clear();
  }

  /** Bytes held by the slot arrays. */
  bytes(): number {
    let total = 0;
    for (const entry of this.lists.values()) total += entry.slots.byteLength;
    return total;
  }
}

/**
 * Per-query scratch: which slots a query touched and how many of the other side's essential and
 * optional skills each one shares (term-at-a-time counting over the postings). Reused, never
 * cleared: a slot counts as touched in this query when its mark equals the query's round.
 */
class Tally {
  mark = new Int32Array(0);
  /** A slot is counted once per term even when it sits in two of the walked partitions (e.g. its country and remote). */
  termMark = new Int32Array(0);
  essential = new Uint16Array(0);
  optional = new Uint16Array(0);
  /** 1 when the slot was reached through the ISCO-08 sub-major group's postings (shares the group). */
  group = new Uint8Array(0);
  touched = new Int32Array(0);
  count = 0;
  private round = 0;
  private termRound = 0;

  begin(capacity: number): void {
    if (this.mark.length < capacity || this.round >= 0x3fffffff || this.termRound >= 0x3fffffff) {
      const size = Math.max(capacity, this.mark.length * 2, 64);
      this.mark = new Int32Array(size);
      this.termMark = new Int32Array(size);
      this.termRound = 0;
      this.essential = new Uint16Array(size);
      this.group = new Uint8Array(size);
      this.optional = new Uint16Array(size);
      this.touched = new Int32Array(size);
      this.round = 0;
    }
    this.round++;
    this.count = 0;
  }

  /** Starts the postings of the next term (a skill or a group). */
  nextTerm(): void {
    this.termRound++;
  }

  /** Adds every slot of a posting list; `kind` 1 counts an essential skill, 2 an optional one, 0 nothing. */
  add(entry: { slots: Int32Array; n: number } | undefined, kind: 0 | 1 | 2): void {
    if (!entry) return;
    const { mark, termMark, essential, optional, group, touched } = this;
    const list = entry.slots;
    const n = entry.n;
    const round = this.round;
    const termRound = this.termRound;
    let count = this.count;
    for (let i = 0; i < n; i++) {
      const slot = list[i]!;
      if (termMark[slot] === termRound) continue;
      termMark[slot] = termRound;
      if (mark[slot] !== round) {
        mark[slot] = round;
        essential[slot] = 0;
        optional[slot] = 0;
        group[slot] = 0;
        touched[count++] = slot;
      }
      if (kind === 0) group[slot] = 1;
      else if (kind === 1) essential[slot]!++;
      else if (kind === 2) optional[slot]!++;
    }
    this.count = count;
  }

  bytes(): number {
    return this.mark.byteLength + this.termMark.byteLength + this.group.byteLength + this.essential.byteLength + this.optional.byteLength + this.touched.byteLength;
  }
}

/** Dense integer slots for string ids, reused after removal. */
class Slots {
  readonly ids: (string | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  private readonly free: number[] = [];

  get(id: string): number | undefined {
    return this.byId.get(id);
  }

  take(id: string): number {
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.byId.set(id, slot);
    return slot;
  }

  release(id: string): number | undefined {
    const slot = this.byId.get(id);
    if (slot === undefined) return undefined;
    this.byId.delete(id);
    this.ids[slot] = undefined;
    this.free.push(slot);
    return slot;
  }

  get capacity(): number {
    return this.ids.length;
  }

  clear(): void {
    this.ids.length = 0;
    this.byId.clear();
    this.free.length = 0;
  }
}

const BUCKETS = 64;

/**
 * The exact best `k` of a tally's candidates, pruned by bound. Each admitted candidate gets an
 * upper bound from its skill counts alone (every other component at 1); candidates are bucketed
 * by that bound (counting sort) and scored fully from the highest bucket down, into a bounded heap.
 * Once the heap holds `k` and a whole bucket's bounds rank below its worst entry, the rest are
 * never scored. A bound equal to the worst score is still scored (the id may break the tie).
 */
class TopSelector {
  private candidates = new Int32Array(0);
  private bounds = new Float64Array(0);
  private buckets = new Uint8Array(0);
  private order = new Int32Array(0);
  private readonly bucketStart = new Int32Array(BUCKETS + 1);
  /** Heap of the best so far, worst at the root. */
  private heapSlots: number[] = [];
  private heapScores: number[] = [];

  /** Pairs fully scored in the last selection (for metrics and the bench). */
  scored = 0;

  select(
    tally: Tally,
    k: number,
    ids: readonly (string | undefined)[],
    bound: (slot: number, essential: number, optional: number) => number,
    /** The pair's score, or -1 when it fails the hard filters (it is then not a candidate). */
    score: (slot: number) => number,
  ): Ranked[] {
    this.scored = 0;
    if (k <= 0) return [];
    const n = tally.count;
    if (this.candidates.length < n) {
      const size = Math.max(n, this.candidates.length * 2);
      this.candidates = new Int32Array(size);
      this.bounds = new Float64Array(size);
      this.buckets = new Uint8Array(size);
      this.order = new Int32Array(size);
    }
    const { candidates, bounds, buckets, order, bucketStart } = this;
    const { touched, essential, optional } = tally;
    bucketStart.fill(0);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const slot = touched[i]!;
      const ub = bound(slot, essential[slot]!, optional[slot]!);
      const b = Math.min(BUCKETS - 1, Math.floor(ub * BUCKETS));
      candidates[m] = slot;
      bounds[m] = ub;
      buckets[m] = b;
      bucketStart[b + 1]!++;
      m++;
    }
    for (let b = 0; b < BUCKETS; b++) bucketStart[b + 1]! += bucketStart[b]!;
    const fill = bucketStart.slice(0, BUCKETS);
    for (let i = 0; i < m; i++) order[fill[buckets[i]!]!++] = i;

    const heapSlots = this.heapSlots;
    const heapScores = this.heapScores;
    heapSlots.length = 0;
    heapScores.length = 0;
    // a ranks after b (lower score, or equal score and higher id)
    const after = (sa: number, ia: number, sb: number, ib: number): boolean => sa < sb || (sa === sb && ids[ia]! > ids[ib]!);
    const siftUp = (i: number): void => {
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!after(heapScores[i]!, heapSlots[i]!, heapScores[p]!, heapSlots[p]!)) break;
        [heapScores[i], heapScores[p]] = [heapScores[p]!, heapScores[i]!];
        [heapSlots[i], heapSlots[p]] = [heapSlots[p]!, heapSlots[i]!];
        i = p;
      }
    };
    const siftDown = (i: number): void => {
      const size = heapSlots.length;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < size && after(heapScores[l]!, heapSlots[l]!, heapScores[worst]!, heapSlots[worst]!)) worst = l;
        if (r < size && after(heapScores[r]!, heapSlots[r]!, heapScores[worst]!, heapSlots[worst]!)) worst = r;
        if (worst === i) return;
        [heapScores[i], heapScores[worst]] = [heapScores[worst]!, heapScores[i]!];
        [heapSlots[i], heapSlots[worst]] = [heapSlots[worst]!, heapSlots[i]!];
        i = worst;
      }
    };

    let scored = 0;
    for (let b = BUCKETS - 1; b >= 0; b--) {
      // Every bound in bucket b is below (b + 1) / BUCKETS.
      // (The top bucket also holds bounds of exactly 1, so it is never skipped as a whole.)
      if (b < BUCKETS - 1 && heapSlots.length >= k && (b + 1) / BUCKETS <= heapScores[0]!) break;
      for (let j = bucketStart[b]!; j < bucketStart[b + 1]!; j++) {
        const i = order[j]!;
        const slot = candidates[i]!;
        if (heapSlots.length >= k && bounds[i]! < heapScores[0]!) continue;
        const s = score(slot);
        scored++;
        if (s < 0) continue;
        if (heapSlots.length < k) {
          heapSlots.push(slot);
          heapScores.push(s);
          siftUp(heapSlots.length - 1);
        } else if (after(heapScores[0]!, heapSlots[0]!, s, slot)) {
          heapSlots[0] = slot;
          heapScores[0] = s;
          siftDown(0);
        }
      }
    }
    this.scored = scored;
    const out: Ranked[] = heapSlots.map((slot, i) => ({ id: ids[slot]!, score: heapScores[i]! }));
    return out.sort(compareRanked);
  }

  bytes(): number {
    return this.candidates.byteLength + this.bounds.byteLength + this.buckets.byteLength + this.order.byteLength;
  }
}

/** A query's candidates (the shared tally), an upper bound of each one's score, and its scorer (-1: not eligible). */
interface Query {
  tally: Tally;
  bound: (slot: number, essential: number, optional: number) => number;
  score: (slot: number) => number;
}

/** One changed side against its candidates: its own best K, and the pairs the caller asked to have scored. */
export interface Rescored {
  top: Ranked[];
  /** The other side's id → the pair's score, or null when the pair is not eligible. */
  offers: Map<string, number | null>;
  /** Candidates looked at (related, location allowed or not). */
  candidates: number;
  /** Pairs fully scored (the best K's selection and the offers). */
  scored: number;
}

/** Results of scoring a changed vacancy or profile against all its candidates. */
export interface ScoredCandidates {
  /** Eligible pairs only: the other side's id → score (equal to `scoreMatch`'s). */
  scores: Map<string, number>;
  /** Candidates looked at (related, location allowed or not). */
  candidates: number;
}

/**
 * One replica's in-memory index of the read model: matchable seekers (consented, visible) and
 * open vacancies, compiled once into integer features (`compiled-score.ts`), with posting lists
 * of integer slots per skill (vacancies: essential and optional apart) and per ISCO-08 sub-major
 * group, so that a changed vacancy or profile is scored only against the other side's candidates.
 *
 * A candidate pair shares at least one skill or the ISCO-08 sub-major group (of the vacancy's code
 * and any of the seeker's desired or experience codes of two characters or more), and the seeker
 * may work in the vacancy's country (lives there, would relocate there or anywhere, or the
 * vacancy is remote and they work remotely). Pairs outside that are never scored.
 *
 * A query walks the postings of the changed side's skills and group term-at-a-time, counting per
 * candidate the essential and optional skills shared (typed arrays indexed by slot). With those
 * counts the skill components are exact and the rest of the score is a handful of integer
 * comparisons. `top*For` return the exact best K with bound-based pruning (`TopSelector`);
 * `score*For` score every eligible candidate (the engine offers each pair to the other side's
 * list).
 */
export class MatchIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly weights: CompiledWeights;

  private readonly seekers = new Map<string, SeekerFeatures>();
  private readonly seekerSlots = new Slots();
  private seekerCompiled: (CompiledSeeker | undefined)[] = [];
  /** Packed scoring records by slot (`PACKED_STRIDE` int32 each). */
  private seekerPacked = new Int32Array(0);
  /** Dense per-slot facts for bounds (one byte each, so the bound pass stays in cache): education, and whether codes are trimmed. */
  private seekerEducation = new Int8Array(0);
  private seekerRegular = new Uint8Array(0);
  /** Sub-major group keys (raw first two characters of codes of length ≥ 2) per seeker slot. */
  private seekerGroups: (number[] | undefined)[] = [];
  private readonly seekersBySkill = new Postings();
  private readonly seekersByGroup = new Postings();

  private readonly vacancies = new Map<string, VacancyEntry>();
  private readonly vacancySlots = new Slots();
  private vacancyCompiled: (CompiledVacancy | undefined)[] = [];
  private vacancyPacked = new Int32Array(0);
  /** Minimum ISCED level (0 none, -1 not a small integer: bounded by 1). */
  private vacancyMinEducation = new Int8Array(0);
  /** REGULAR_CODE | NEEDS_EXPERIENCE. */
  private vacancyFlags = new Uint8Array(0);
  /** Essential and optional skill counts (a bound needs them for every candidate vacancy). */
  private vacancyEssentialTotal = new Uint16Array(0);
  private vacancyOptionalTotal = new Uint16Array(0);
  private vacancyGroup: number[] = [];
  private readonly vacanciesByEssential = new Postings();
  private readonly vacanciesByOptional = new Postings();
  private readonly vacanciesByGroup = new Postings();

  /**
   * Per slot, the score a pair must reach to enter that seeker's (vacancy's) own top list: the
   * last score of a full list the engine holds, or -1 when the list has room or is not in memory
   * (then every candidate pair is offered). Kept by the engine ({@link setSeekerFloor}); lets a
   * changed vacancy skip, without a lookup, the thousands of candidates whose lists it cannot enter.
   */
  private seekerFloor = new Float64Array(0);
  private vacancyFloor = new Float64Array(0);

  private readonly tally = new Tally();
  private readonly selector = new TopSelector();

  constructor(weights: ScoringWeights = DEFAULT_WEIGHTS) {
    this.weights = compileWeights(weights);
  }

  get seekerCount(): number {
    return this.seekers.size;
  }

  get vacancyCount(): number {
    return this.vacancies.size;
  }

  /** Candidates (related pairs, before the location and nationality filters) of the last query. */
  get lastCandidates(): number {
    return this.tally.count;
  }

  /** Pairs fully scored by the last `topSeekersFor` / `topVacanciesFor` (the rest were pruned). */
  get lastScored(): number {
    return this.selector.scored;
  }

  seeker(id: string): SeekerFeatures | undefined {
    return this.seekers.get(id);
  }

  vacancy(id: string): VacancyEntry | undefined {
    return this.vacancies.get(id);
  }

  vacancyIds(): string[] {
    return [...this.vacancies.keys()];
  }

  seekerIds(): string[] {
    return [...this.seekers.keys()];
  }

  clear(): void {
    this.seekers.clear();
    this.seekerSlots.clear();
    this.seekerCompiled = [];
    this.seekerPacked = new Int32Array(0);
    this.seekerEducation = new Int8Array(0);
    this.seekerRegular = new Uint8Array(0);
    this.seekerGroups = [];
    this.seekerFloor = new Float64Array(0);
    this.vacancyFloor = new Float64Array(0);
    this.seekersBySkill.clear();
    this.seekersByGroup.clear();
    this.vacancies.clear();
    this.vacancySlots.clear();
    this.vacancyCompiled = [];
    this.vacancyPacked = new Int32Array(0);
    this.vacancyMinEducation = new Int8Array(0);
    this.vacancyFlags = new Uint8Array(0);
    this.vacancyEssentialTotal = new Uint16Array(0);
    this.vacancyOptionalTotal = new Uint16Array(0);
    this.vacancyGroup = [];
    this.vacanciesByEssential.clear();
    this.vacanciesByOptional.clear();
    this.vacanciesByGroup.clear();
  }

  /** Bytes in typed arrays (postings, scratch); the JS objects (features, compiled arrays, maps) come on top. */
  typedArrayBytes(): number {
    return (
      this.seekersBySkill.bytes() +
      this.seekersByGroup.bytes() +
      this.vacanciesByEssential.bytes() +
      this.vacanciesByOptional.bytes() +
      this.vacanciesByGroup.bytes() +
      this.seekerPacked.byteLength +
      this.vacancyPacked.byteLength +
      this.seekerEducation.byteLength +
      this.seekerRegular.byteLength +
      this.vacancyMinEducation.byteLength +
      this.vacancyFlags.byteLength +
      this.vacancyEssentialTotal.byteLength +
      this.vacancyOptionalTotal.byteLength +
      this.tally.bytes() +
      this.selector.bytes()
    );
  }

  private groupKeys(seeker: SeekerFeatures): number[] {
    const keys = new Set<number>();
    for (const code of seekerOccupationCodes(seeker)) if (code.length >= 2) keys.add(this.vocabulary.occupations.id(code.slice(0, 2)));
    return [...keys];
  }

  private vacancyGroupKey(v: VacancyFeatures): number {
    return v.iscoCode.length >= 2 ? this.vocabulary.occupations.id(v.iscoCode.slice(0, 2)) : -1;
  }

  /** The partitions a seeker is posted in: anywhere, or their country, the listed ones and remote. */
  private seekerPartitions(s: CompiledSeeker): number[] {
    if (s.relocate === RELOCATE_ANY) return [PARTITION_ANY];
    const partitions = new Set([s.residence]);
    if (s.relocate === RELOCATE_LISTED) for (const country of s.relocateCountries) partitions.add(country);
    if (s.remote) partitions.add(PARTITION_REMOTE);
    return [...partitions];
  }

  /** The seeker partitions a vacancy's query walks: its country, anywhere, and remote for a remote vacancy. */
  private static seekerQueryPartitions(v: CompiledVacancy): number[] {
    return v.remote ? [v.country, PARTITION_ANY, PARTITION_REMOTE] : [v.country, PARTITION_ANY];
  }

  /** The partitions a vacancy is posted in: its country, "any country", and remote when it is. */
  private static vacancyPartitions(v: CompiledVacancy): number[] {
    return v.remote ? [v.country, PARTITION_ANY, PARTITION_REMOTE] : [v.country, PARTITION_ANY];
  }

  /** The vacancy partitions a seeker's query walks: every vacancy, or those in their countries and remote ones. */
  private vacancyQueryPartitions(s: CompiledSeeker): number[] {
    if (s.relocate === RELOCATE_ANY) return [PARTITION_ANY];
    return this.seekerPartitions(s);
  }

  /** Adds or replaces a seeker; one who is not matchable (no consent, hidden) is taken out. */
  putSeeker(seeker: SeekerFeatures): void {
    this.removeSeeker(seeker.seekerId);
    if (!isMatchable(seeker)) return;
    const id = seeker.seekerId;
    this.seekers.set(id, seeker);
    const slot = this.seekerSlots.take(id);
    const compiled = compileSeeker(this.vocabulary, seeker);
    const groups = this.groupKeys(seeker);
    this.seekerCompiled[slot] = compiled;
    this.seekerGroups[slot] = groups;
    this.seekerPacked = withRoom(this.seekerPacked, slot);
    packSeeker(compiled, this.seekerPacked, slot * PACKED_STRIDE);
    if (this.seekerEducation.length <= slot) {
      this.seekerEducation = grownBytes(this.seekerEducation, slot, Int8Array);
      this.seekerRegular = grownBytes(this.seekerRegular, slot, Uint8Array);
    }
    this.seekerEducation[slot] = educationByte(compiled);
    this.seekerFloor = withFloorRoom(this.seekerFloor, slot);
    this.seekerFloor[slot] = -1;
    this.seekerRegular[slot] = seekerOccupationCodes(seeker).every((code) => code === code.trim()) ? 1 : 0;
    for (const partition of this.seekerPartitions(compiled)) {
      for (const skill of compiled.skills) this.seekersBySkill.add(skill, partition, slot);
      for (const key of groups) this.seekersByGroup.add(key, partition, slot);
    }
  }

  removeSeeker(id: string): void {
    if (!this.seekers.delete(id)) return;
    const slot = this.seekerSlots.release(id)!;
    const compiled = this.seekerCompiled[slot]!;
    for (const partition of this.seekerPartitions(compiled)) {
      for (const skill of compiled.skills) this.seekersBySkill.remove(skill, partition, slot);
      for (const key of this.seekerGroups[slot]!) this.seekersByGroup.remove(key, partition, slot);
    }
    this.seekerCompiled[slot] = undefined;
    this.seekerGroups[slot] = undefined;
  }

  /** Adds or replaces an open vacancy. */
  putVacancy(entry: VacancyEntry): void {
    const v = entry.features;
    this.removeVacancy(v.vacancyId);
    this.vacancies.set(v.vacancyId, entry);
    const slot = this.vacancySlots.take(v.vacancyId);
    const compiled = compileVacancy(this.vocabulary, v);
    const group = this.vacancyGroupKey(v);
    this.vacancyCompiled[slot] = compiled;
    this.vacancyGroup[slot] = group;
    this.vacancyPacked = withRoom(this.vacancyPacked, slot);
    packVacancy(compiled, this.vacancyPacked, slot * PACKED_STRIDE);
    if (this.vacancyFlags.length <= slot) {
      this.vacancyMinEducation = grownBytes(this.vacancyMinEducation, slot, Int8Array);
      this.vacancyFlags = grownBytes(this.vacancyFlags, slot, Uint8Array);
      this.vacancyEssentialTotal = grownBytes(this.vacancyEssentialTotal, slot, Uint16Array);
      this.vacancyOptionalTotal = grownBytes(this.vacancyOptionalTotal, slot, Uint16Array);
    }
    this.vacancyFloor = withFloorRoom(this.vacancyFloor, slot);
    this.vacancyFloor[slot] = -1;
    // Exact (the contract allows 50 skills a vacancy; Uint16 holds 65,535).
    this.vacancyEssentialTotal[slot] = compiled.essential.length;
    this.vacancyOptionalTotal[slot] = compiled.optional.length;
    this.vacancyMinEducation[slot] = Number.isInteger(compiled.minEducation) && compiled.minEducation < 127 ? compiled.minEducation : -1;
    this.vacancyFlags[slot] =
      (group >= 0 && v.iscoCode === v.iscoCode.trim() ? REGULAR_CODE : 0) | (compiled.hasMinExperience && compiled.minExperience > 0 ? NEEDS_EXPERIENCE : 0);
    for (const partition of MatchIndex.vacancyPartitions(compiled)) {
      for (const skill of compiled.essential) this.vacanciesByEssential.add(skill, partition, slot);
      for (const skill of compiled.optional) this.vacanciesByOptional.add(skill, partition, slot);
      if (group >= 0) this.vacanciesByGroup.add(group, partition, slot);
    }
  }

  removeVacancy(id: string): void {
    if (!this.vacancies.delete(id)) return;
    const slot = this.vacancySlots.release(id)!;
    const compiled = this.vacancyCompiled[slot]!;
    const group = this.vacancyGroup[slot]!;
    for (const partition of MatchIndex.vacancyPartitions(compiled)) {
      for (const skill of compiled.essential) this.vacanciesByEssential.remove(skill, partition, slot);
      for (const skill of compiled.optional) this.vacanciesByOptional.remove(skill, partition, slot);
      if (group >= 0) this.vacanciesByGroup.remove(group, partition, slot);
    }
    this.vacancyCompiled[slot] = undefined;
    this.vacancyGroup[slot] = -1;
  }

  // ---------------------------------------------------------------- candidate generation

  /**
   * Tallies the candidate seekers of a vacancy: related (shared skills counted, group members
   * touched) and, by the partitions walked, allowed to work in its country.
   */
  private gatherSeekers(v: CompiledVacancy, group: number): Tally {
    const tally = this.tally;
    tally.begin(this.seekerSlots.capacity);
    const partitions = MatchIndex.seekerQueryPartitions(v);
    const postings = this.seekersBySkill;
    for (const skill of v.essential) {
      tally.nextTerm();
      for (const partition of partitions) tally.add(postings.get(skill, partition), 1);
    }
    for (const skill of v.optional) {
      tally.nextTerm();
      for (const partition of partitions) tally.add(postings.get(skill, partition), 2);
    }
    if (group >= 0) {
      tally.nextTerm();
      for (const partition of partitions) tally.add(this.seekersByGroup.get(group, partition), 0);
    }
    return tally;
  }

  /** Tallies the candidate vacancies of a seeker. */
  private gatherVacancies(s: CompiledSeeker, groups: readonly number[]): Tally {
    const tally = this.tally;
    tally.begin(this.vacancySlots.capacity);
    const partitions = this.vacancyQueryPartitions(s);
    for (const skill of s.skills) {
      tally.nextTerm();
      for (const partition of partitions) tally.add(this.vacanciesByEssential.get(skill, partition), 1);
      tally.nextTerm();
      for (const partition of partitions) tally.add(this.vacanciesByOptional.get(skill, partition), 2);
    }
    for (const key of groups) {
      tally.nextTerm();
      for (const partition of partitions) tally.add(this.vacanciesByGroup.get(key, partition), 0);
    }
    return tally;
  }

  /** Matchable seekers related to the vacancy who may work in its country (the candidate rule). */
  seekerCandidates(vacancy: VacancyFeatures): SeekerFeatures[] {
    const tally = this.gatherSeekers(compileVacancy(this.vocabulary, vacancy), this.vacancyGroupKey(vacancy));
    const out: SeekerFeatures[] = [];
    for (let i = 0; i < tally.count; i++) out.push(this.seekers.get(this.seekerSlots.ids[tally.touched[i]!]!)!);
    return out;
  }

  /** Open vacancies related to the seeker in countries where they may work (the candidate rule). */
  vacancyCandidates(seeker: SeekerFeatures): VacancyEntry[] {
    const tally = this.gatherVacancies(compileSeeker(this.vocabulary, seeker), this.groupKeys(seeker));
    const out: VacancyEntry[] = [];
    for (let i = 0; i < tally.count; i++) out.push(this.vacancies.get(this.vacancySlots.ids[tally.touched[i]!]!)!);
    return out;
  }

  // ---------------------------------------------------------------- scoring

  /** Every eligible candidate seeker of an indexed vacancy with its score (empty when the vacancy is not indexed or not open). */
  scoreSeekersFor(vacancyId: string, today: string): ScoredCandidates {
    return eligible(this.rescoreSeekersFor(vacancyId, 0, today, 'all'));
  }

  /** Every eligible candidate vacancy of an indexed seeker with its score. */
  scoreVacanciesFor(seekerId: string, today: string): ScoredCandidates {
    return eligible(this.rescoreVacanciesFor(seekerId, 0, today, 'all'));
  }

  /** The exact best `k` seekers of an indexed vacancy (score descending, then id), pruned by bound. */
  topSeekersFor(vacancyId: string, k: number, today: string): Ranked[] {
    const query = this.seekerQuery(vacancyId, today);
    return query ? this.selector.select(query.tally, k, this.seekerSlots.ids, query.bound, query.score) : [];
  }

  /** The exact best `k` open vacancies of an indexed seeker, pruned by bound. */
  topVacanciesFor(seekerId: string, k: number, today: string): Ranked[] {
    const query = this.vacancyQuery(seekerId, today);
    return query ? this.selector.select(query.tally, k, this.vacancySlots.ids, query.bound, query.score) : [];
  }

  /** The score a pair must reach to enter the seeker's own list (-1: any eligible pair may). Ignored for a seeker not indexed. */
  setSeekerFloor(seekerId: string, floor: number): void {
    const slot = this.seekerSlots.get(seekerId);
    if (slot !== undefined) this.seekerFloor[slot] = floor;
  }

  setVacancyFloor(vacancyId: string, floor: number): void {
    const slot = this.vacancySlots.get(vacancyId);
    if (slot !== undefined) this.vacancyFloor[slot] = floor;
  }

  /** Every seeker's (vacancy's) list unknown again (the engine dropped the lists it held). */
  resetSeekerFloors(): void {
    this.seekerFloor.fill(-1);
  }

  resetVacancyFloors(): void {
    this.vacancyFloor.fill(-1);
  }

  /**
   * A changed vacancy against its candidate seekers in one pass: its own exact best `k` (pruned as
   * in {@link topSeekersFor}), and the candidates whose own list the pair might change, with the
   * pair's score: eligible ones whose floor is -1 or reached, and those in `keep` (seekers whose
   * list holds the vacancy; null when no longer eligible). The others are skipped on their bound,
   * or their score, against the floor, without looking them up. Empty when the vacancy is not
   * indexed or not open. `keep: 'all'` offers every eligible candidate (no floors).
   */
  rescoreSeekersFor(vacancyId: string, k: number, today: string, keep: ReadonlySet<string> | 'all'): Rescored {
    return this.rescore(this.seekerQuery(vacancyId, today), k, this.seekerSlots.ids, keep === 'all' ? null : { floors: this.seekerFloor, keep });
  }

  /** A changed profile against its candidate vacancies: the mirror of {@link rescoreSeekersFor}. */
  rescoreVacanciesFor(seekerId: string, k: number, today: string, keep: ReadonlySet<string> | 'all'): Rescored {
    return this.rescore(this.vacancyQuery(seekerId, today), k, this.vacancySlots.ids, keep === 'all' ? null : { floors: this.vacancyFloor, keep });
  }

  /** `pruned`: the floors to skip candidates by and the owners to offer to whatever their floor; null: offer every eligible candidate. */
  private rescore(
    query: Query | undefined,
    k: number,
    ids: readonly (string | undefined)[],
    pruned: { floors: Float64Array; keep: ReadonlySet<string> } | null,
  ): Rescored {
    const offers = new Map<string, number | null>();
    if (!query) return { top: [], offers, candidates: 0, scored: 0 };
    const { tally, bound, score } = query;
    const top = this.selector.select(tally, k, ids, bound, score);
    let scored = this.selector.scored;
    const { touched, essential, optional } = tally;
    const kept = (s: number): boolean => pruned !== null && pruned.keep.size > 0 && pruned.keep.has(ids[s]!);
    for (let i = 0; i < tally.count; i++) {
      const s = touched[i]!;
      const floor = pruned === null ? -1 : pruned.floors[s]!;
      if (floor >= 0 && bound(s, essential[s]!, optional[s]!) < floor && !kept(s)) continue;
      const result = score(s);
      scored++;
      // Below the floor (or not eligible): nothing to offer, unless the list holds the pair.
      if ((result < 0 || (floor >= 0 && result < floor)) && !kept(s)) continue;
      offers.set(ids[s]!, result >= 0 ? result : null);
    }
    return { top, offers, candidates: tally.count, scored };
  }

  /** The candidate seekers of an open indexed vacancy, with a bound and a scorer per candidate slot. */
  private seekerQuery(vacancyId: string, today: string): Query | undefined {
    const slot = this.vacancySlots.get(vacancyId);
    if (slot === undefined) return undefined;
    const v = this.vacancyCompiled[slot]!;
    if (!isOpen(v, today)) return undefined;
    const tally = this.gatherSeekers(v, this.vacancyGroup[slot]!);
    const weights = this.weights;
    const score = this.seekerScorer(slot);
    // Bounds: skills exact; a seeker outside the vacancy's sub-major group (not reached through its
    // postings, codes trimmed) shares at most the major group and has no experience in it;
    // education exact from one byte; languages at 1.
    const flags = this.vacancyFlags[slot]!;
    const regularVacancy = (flags & REGULAR_CODE) !== 0;
    const needsExperience = (flags & NEEDS_EXPERIENCE) !== 0;
    const minEducation = this.vacancyMinEducation[slot]!;
    const { group } = tally;
    const education = this.seekerEducation;
    const regular = this.seekerRegular;
    const essentialTotal = v.essential.length;
    const optionalTotal = v.optional.length;
    const bound = (s: number, e: number, o: number): number => {
      const outside = regularVacancy && group[s] === 0 && regular[s] === 1;
      return boundedScore(
        weights,
        essentialTotal,
        optionalTotal,
        e,
        o,
        outside ? MAJOR_GROUP_PROXIMITY : 1,
        minEducation < 0 ? 1 : educationBound(education[s]!, minEducation),
        outside && needsExperience ? 0 : 1,
      );
    };
    return { tally, bound, score };
  }

  /** The candidate vacancies of an indexed seeker, with a bound and a scorer per candidate slot. */
  private vacancyQuery(seekerId: string, today: string): Query | undefined {
    const slot = this.seekerSlots.get(seekerId);
    if (slot === undefined) return undefined;
    const tally = this.gatherVacancies(this.seekerCompiled[slot]!, this.seekerGroups[slot]!);
    const weights = this.weights;
    const score = this.vacancyScorer(slot, today);
    const { group } = tally;
    const regularSeeker = this.seekerRegular[slot] === 1;
    const level = this.seekerEducation[slot]!;
    const flagsOf = this.vacancyFlags;
    const minEducationOf = this.vacancyMinEducation;
    const essentialTotal = this.vacancyEssentialTotal;
    const optionalTotal = this.vacancyOptionalTotal;
    const bound = (s: number, e: number, o: number): number => {
      const flags = flagsOf[s]!;
      const outside = regularSeeker && (flags & REGULAR_CODE) !== 0 && group[s] === 0;
      const minEducation = minEducationOf[s]!;
      return boundedScore(
        weights,
        essentialTotal[s]!,
        optionalTotal[s]!,
        e,
        o,
        outside ? MAJOR_GROUP_PROXIMITY : 1,
        minEducation < 0 ? 1 : educationBound(level, minEducation),
        outside && (flags & NEEDS_EXPERIENCE) !== 0 ? 0 : 1,
      );
    };
    return { tally, bound, score };
  }

  /**
   * Scores a candidate seeker slot (from this query's tally) against the vacancy in `slot`: -1
   * when the pair fails the hard filters, else `scoreMatch`'s score. Packed records when both
   * fit, the compiled objects otherwise. The vacancy is open (checked by the caller) and the
   * postings already applied the location rule; the nationality rule is checked here.
   */
  private seekerScorer(slot: number): (s: number) => number {
    const weights = this.weights;
    const { essential, optional } = this.tally;
    const v = this.vacancyCompiled[slot]!;
    const V = this.vacancyPacked;
    const vo = slot * PACKED_STRIDE;
    const S = this.seekerPacked;
    const compiled = this.seekerCompiled;
    const vacancyFits = !packedOverflow(V, vo);
    return (s) => {
      const so = s * PACKED_STRIDE;
      if (vacancyFits && !packedOverflow(S, so)) {
        return packedNationalityAllowed(V, vo, S, so) ? packedScore(weights, V, vo, S, so, essential[s]!, optional[s]!) : -1;
      }
      const seeker = compiled[s]!;
      return mayApply(v, seeker) ? scoreCounted(weights, v, seeker, essential[s]!, optional[s]!) : -1;
    };
  }

  /** Scores a candidate vacancy slot against the seeker in `slot`: -1 when closed or ineligible. */
  private vacancyScorer(slot: number, today: string): (s: number) => number {
    const weights = this.weights;
    const { essential, optional } = this.tally;
    const seeker = this.seekerCompiled[slot]!;
    const S = this.seekerPacked;
    const so = slot * PACKED_STRIDE;
    const V = this.vacancyPacked;
    const compiled = this.vacancyCompiled;
    const todayNumber = dateNumber(today);
    const seekerFits = todayNumber !== null && !packedOverflow(S, so);
    return (s) => {
      const vo = s * PACKED_STRIDE;
      if (seekerFits && !packedOverflow(V, vo)) {
        return packedOpen(V, vo, todayNumber) && packedNationalityAllowed(V, vo, S, so) ? packedScore(weights, V, vo, S, so, essential[s]!, optional[s]!) : -1;
      }
      const v = compiled[s]!;
      return isOpen(v, today) && mayApply(v, seeker) ? scoreCounted(weights, v, seeker, essential[s]!, optional[s]!) : -1;
    };
  }
}

function eligible(rescored: Rescored): ScoredCandidates {
  const scores = new Map<string, number>();
  for (const [id, score] of rescored.offers) if (score !== null) scores.set(id, score);
  return { scores, candidates: rescored.candidates };
}

const REGULAR_CODE = 1;
const NEEDS_EXPERIENCE = 2;

function grownBytes<T extends Int8Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(bytes: T, slot: number, make: new (n: number) => T): T {
  const grown = new make(Math.max(slot + 1, bytes.length * 2, 64));
  grown.set(bytes);
  return grown;
}

/** Floors with room for `slot` (grown by doubling; new slots unknown, -1). */
function withFloorRoom(floors: Float64Array<ArrayBuffer>, slot: number): Float64Array<ArrayBuffer> {
  if (floors.length > slot) return floors;
  const grown = new Float64Array(Math.max(slot + 1, floors.length * 2, 64)).fill(-1);
  grown.set(floors);
  return grown;
}

/** `arena` with room for the record of `slot` (grown by doubling). */
function withRoom(arena: Int32Array<ArrayBuffer>, slot: number): Int32Array<ArrayBuffer> {
  const needed = (slot + 1) * PACKED_STRIDE;
  if (arena.length >= needed) return arena;
  const grown = new Int32Array(Math.max(needed, arena.length * 2, 64 * PACKED_STRIDE));
  grown.set(arena);
  return grown;
}
