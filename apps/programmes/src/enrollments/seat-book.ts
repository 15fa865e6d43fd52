/**
 * The seat, quota and waitlist rules of one activity, with no I/O. The service loads an activity's
 * state into a SeatBook inside the transaction that holds the activity's row lock, asks it what
 * to do, and writes the answer back; so the rules live here once and are property-tested
 * (`seat-book.spec.ts`), and Postgres only has to serialise callers.
 *
 * Only participants count: trainers use no seat. Invariants after every operation:
 *   1. confirmed participants ≤ seats;
 *   2. confirmed participants of any country ≤ the quota (when there is one);
 *   3. no waitlisted participant could take a seat: either no seat is free or its country is at
 *      its quota (so a seat that frees is taken at once);
 *   4. the waitlist is served in arrival order among the eligible (a later arrival of the same
 *      country never passes an earlier one).
 */
export interface WaitingEntry {
  id: string;
  country: string;
}

export interface Capacity {
  seats: number;
  /** Most confirmed participants per country; null: no quota. */
  quota: number | null;
}

export type CapacityProblem = { field: 'seats'; min: number } | { field: 'countryQuota'; min: number };

export class SeatBook {
  private readonly confirmedBy = new Map<string, number>();
  private confirmedTotal = 0;
  private readonly queue: WaitingEntry[];

  /**
   * @param confirmedByCountry confirmed participants per country now
   * @param waitlist waitlisted participants in arrival order
   */
  constructor(
    private capacity: Capacity,
    confirmedByCountry: Iterable<[string, number]> = [],
    waitlist: readonly WaitingEntry[] = [],
  ) {
    for (const [country, count] of confirmedByCountry) {
      if (count <= 0) continue;
      this.confirmedBy.set(country, count);
      this.confirmedTotal += count;
    }
    this.queue = [...waitlist];
  }

  get seats(): number {
    return this.capacity.seats;
  }

  get quota(): number | null {
    return this.capacity.quota;
  }

  get confirmed(): number {
    return this.confirmedTotal;
  }

  get freeSeats(): number {
    return Math.max(0, this.capacity.seats - this.confirmedTotal);
  }

  confirmedIn(country: string): number {
    return this.confirmedBy.get(country) ?? 0;
  }

  waitlist(): readonly WaitingEntry[] {
    return this.queue;
  }

  /** Whether a participant of `country` could be confirmed now. */
  canConfirm(country: string): boolean {
    return this.freeSeats > 0 && (this.capacity.quota === null || this.confirmedIn(country) < this.capacity.quota);
  }

  /**
   * A new participant arrives (direct enrolment, or an approved nomination). Confirmed if a seat
   * is free and the country is under its quota, else appended to the waitlist. Invariant 3 means
   * nobody already waiting could have taken that seat, so the newcomer passes no one eligible.
   */
  admit(entry: WaitingEntry): 'confirmed' | 'waitlisted' {
    if (this.canConfirm(entry.country)) {
      this.add(entry.country, 1);
      return 'confirmed';
    }
    this.queue.push(entry);
    return 'waitlisted';
  }

  /** A participant leaves (cancelled); returns the waitlisted ids promoted into the freed room, in order. */
  leave(id: string, country: string, wasConfirmed: boolean): string[] {
    if (wasConfirmed) {
      this.add(country, -1);
    } else {
      const at = this.queue.findIndex((e) => e.id === id);
      if (at >= 0) this.queue.splice(at, 1);
    }
    return this.promote();
  }

  /** Problems with a new capacity (never below what is already confirmed); empty when acceptable. */
  capacityProblems(next: Capacity): CapacityProblem[] {
    const problems: CapacityProblem[] = [];
    if (next.seats < this.confirmedTotal) problems.push({ field: 'seats', min: this.confirmedTotal });
    const fullest = Math.max(0, ...this.confirmedBy.values());
    if (next.quota !== null && next.quota < fullest) problems.push({ field: 'countryQuota', min: fullest });
    return problems;
  }

  /** New seats or quota (checked with capacityProblems first); returns the ids promoted. */
  resize(next: Capacity): string[] {
    if (this.capacityProblems(next).length > 0) throw new Error('capacity below the confirmed participants');
    this.capacity = { ...next };
    return this.promote();
  }

  /** Confirms waitlisted participants, earliest eligible first, while seats are free. */
  private promote(): string[] {
    const promoted: string[] = [];
    for (let i = 0; i < this.queue.length && this.freeSeats > 0; ) {
      const entry = this.queue[i]!;
      if (this.canConfirm(entry.country)) {
        this.queue.splice(i, 1);
        this.add(entry.country, 1);
        promoted.push(entry.id);
      } else {
        i += 1;
      }
    }
    return promoted;
  }

  private add(country: string, delta: number): void {
    const next = this.confirmedIn(country) + delta;
    if (next < 0) throw new Error(`no confirmed participant of ${country} to remove`);
    if (next === 0) this.confirmedBy.delete(country);
    else this.confirmedBy.set(country, next);
    this.confirmedTotal += delta;
  }
}
