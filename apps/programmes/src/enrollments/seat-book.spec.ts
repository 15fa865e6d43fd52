import fc from 'fast-check';
import { SeatBook, type Capacity } from './seat-book.js';

type Op = { kind: 'enrol'; country: string } | { kind: 'cancel'; pick: number } | { kind: 'resize'; seats: number; quota: number | null };

interface Person {
  id: string;
  seq: number;
  country: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

const COUNTRIES = ['QA', 'SN', 'JO', 'MA', 'TR'];

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('enrol' as const), country: fc.constantFrom(...COUNTRIES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('resize' as const), seats: fc.integer({ min: 1, max: 12 }), quota: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }),
  },
);

/** Checks invariants 1–4 of SeatBook against the people the test has been tracking. */
function checkInvariants(book: SeatBook, people: Person[], capacity: Capacity): void {
  const confirmed = people.filter((p) => p.status === 'confirmed');
  const waiting = people.filter((p) => p.status === 'waitlisted');
  // 1. seats
  expect(confirmed.length).toBeLessThanOrEqual(capacity.seats);
  expect(book.confirmed).toBe(confirmed.length);
  const byCountry = new Map<string, number>();
  for (const p of confirmed) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + 1);
  for (const [country, count] of byCountry) {
    // 2. quota
    if (capacity.quota !== null) expect(count).toBeLessThanOrEqual(capacity.quota);
    expect(book.confirmedIn(country)).toBe(count);
  }
  // 3. nobody waits who could be seated
  const free = capacity.seats - confirmed.length;
  for (const w of waiting) {
    const blocked = free <= 0 || (capacity.quota !== null && (byCountry.get(w.country) ?? 0) >= capacity.quota);
    expect(blocked).toBe(true);
  }
  // The book's queue is exactly the waiting people, in arrival order.
  expect(book.waitlist().map((e) => e.id)).toEqual(waiting.sort((a, b) => a.seq - b.seq).map((p) => p.id));
}

describe('SeatBook', () => {
  it('keeps seats, quotas and the waitlist order over any sequence of enrol / cancel / resize', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        fc.array(op, { minLength: 1, maxLength: 120 }),
        (seats, quota, ops) => {
          let capacity: Capacity = { seats, quota };
          const book = new SeatBook(capacity);
          const people: Person[] = [];
          const promote = (ids: string[]) => {
            // 4. promotions follow arrival order among the eligible: within a country, nobody earlier is left waiting.
            for (const id of ids) {
              const person = people.find((p) => p.id === id)!;
              expect(person.status).toBe('waitlisted');
              const earlier = people.filter((p) => p.status === 'waitlisted' && p.country === person.country && p.seq < person.seq);
              expect(earlier).toEqual([]);
              person.status = 'confirmed';
            }
          };
          for (const step of ops) {
            if (step.kind === 'enrol') {
              const person: Person = { id: `e${people.length}`, seq: people.length, country: step.country, status: 'waitlisted' };
              people.push(person);
              person.status = book.admit({ id: person.id, country: person.country });
            } else if (step.kind === 'cancel') {
              const active = people.filter((p) => p.status !== 'cancelled');
              if (active.length === 0) continue;
              const person = active[step.pick % active.length]!;
              const wasConfirmed = person.status === 'confirmed';
              person.status = 'cancelled';
              promote(book.leave(person.id, person.country, wasConfirmed));
            } else {
              const next = { seats: step.seats, quota: step.quota };
              const problems = book.capacityProblems(next);
              const confirmed = people.filter((p) => p.status === 'confirmed');
              const fullest = Math.max(0, ...COUNTRIES.map((c) => confirmed.filter((p) => p.country === c).length));
              expect(problems.length > 0).toBe(next.seats < confirmed.length || (next.quota !== null && next.quota < fullest));
              if (problems.length > 0) {
                expect(() => book.resize(next)).toThrow();
                continue;
              }
              capacity = next;
              promote(book.resize(next));
            }
            checkInvariants(book, people, capacity);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('confirms the first arrivals up to the quota and seats, waitlists the rest in order', () => {
    const book = new SeatBook({ seats: 3, quota: 2 });
    expect(['a', 'b', 'c', 'd'].map((id) => book.admit({ id, country: 'QA' }))).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(book.admit({ id: 'e', country: 'SN' })).toBe('confirmed');
    expect(book.admit({ id: 'f', country: 'SN' })).toBe('waitlisted');
    expect(book.waitlist().map((e) => e.id)).toEqual(['c', 'd', 'f']);
    // A Senegalese seat frees: Qatar is at its quota, so the next eligible is f, not c.
    expect(book.leave('e', 'SN', true)).toEqual(['f']);
    // A Qatari seat frees: c (earliest) goes, d keeps waiting.
    expect(book.leave('a', 'QA', true)).toEqual(['c']);
    expect(book.waitlist().map((e) => e.id)).toEqual(['d']);
  });

  it('trainers are not its business, and more seats promote at once', () => {
    const book = new SeatBook({ seats: 1, quota: null }, [['QA', 1]], [
      { id: 'x', country: 'JO' },
      { id: 'y', country: 'JO' },
    ]);
    expect(book.resize({ seats: 2, quota: null })).toEqual(['x']);
    expect(book.capacityProblems({ seats: 1, quota: null })).toEqual([{ field: 'seats', min: 2 }]);
    expect(book.capacityProblems({ seats: 5, quota: 0 + 1 })).toEqual([]);
  });
});
