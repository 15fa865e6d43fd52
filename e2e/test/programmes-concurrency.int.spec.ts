import { SeatBook } from '../../apps/programmes/src/enrollments/seat-book.js';
import { PlatformHarness } from '../src/platform-harness.js';
import { adminToken, coordinator, createExpert, openActivity, type Staff } from '../src/programme-fixtures.js';

type Enrollment = { id: string; expertId: string; expertCountry: string; status: string; waitlistPosition?: number };

const COUNTRIES = ['SN', 'JO', 'MA', 'QA', 'TR', 'EG', 'PK', 'ID', 'MY', 'NG', 'BD', 'DZ', 'TN', 'AZ', 'KZ', 'UZ', 'SA', 'AE', 'OM', 'KW'];
const SEATS = 20;
const QUOTA = 2;

const h = new PlatformHarness();
let osh: Staff;
let activityId: string;
const experts: { id: string; country: string }[] = [];

beforeAll(async () => {
  // Two hundred requests queue on one row lock: give the slowest the time it needs on a loaded machine.
  await h.start('progconc', { RPC_TIMEOUT_MS: '60000' }, { identityOnly: true, programmes: true });
  const admin = await adminToken(h);
  osh = await coordinator(h, admin, 'osh@sesric.org', 'OSH-CaB');
  activityId = await openActivity(h, osh.token, 'OSH-CaB', { seats: SEATS, countryQuota: QUOTA });
  // 200 experts, 10 from each of 20 countries, registered 10 at a time.
  const wanted = Array.from({ length: 200 }, (_, i) => COUNTRIES[i % COUNTRIES.length]!);
  for (let i = 0; i < wanted.length; i += 10) {
    experts.push(...(await Promise.all(wanted.slice(i, i + 10).map((country) => createExpert(h, osh.token, country)))));
  }
}, 180_000);

afterAll(async () => {
  await h.stop();
});

async function allEnrollments(): Promise<Enrollment[]> {
  const items: Enrollment[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Enrollment[]; nextCursor: string | null } } = await h.call('GET', `/api/v1/activities/${activityId}/enrollments?limit=100${cursor ? `&cursor=${cursor}` : ''}`, undefined, { token: osh.token });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** Rows of the programmes outbox for one subject, per enrolment id. */
async function eventsPerEnrollment(subject: string): Promise<Map<string, number>> {
  const found = await h.db.query<{ about: string; n: number }>(`SELECT envelope->>'subject' AS about, count(*)::int AS n FROM programmes.outbox WHERE subject = $1 GROUP BY 1`, [subject]);
  return new Map(found.map((r) => [r.about, r.n]));
}

describe('200 enrolment requests at once for 20 seats with a quota of 2 per country, through the gateway', () => {
  let enrollments: Enrollment[];

  it('confirms exactly the seats, no country above its quota, waitlists the rest in arrival order, with no errors', async () => {
    const responses = await Promise.all(
      experts.map((expert, i) =>
        h.call<Enrollment>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: expert.id, role: 'participant' }, { token: osh.token, headers: { 'idempotency-key': `conc-${i}-key` } }),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);

    enrollments = await allEnrollments();
    expect(enrollments).toHaveLength(200);
    const confirmed = enrollments.filter((e) => e.status === 'confirmed');
    const waitlisted = enrollments.filter((e) => e.status === 'waitlisted');
    expect(confirmed).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(200 - SEATS);
    const perCountry = new Map<string, number>();
    for (const e of confirmed) perCountry.set(e.expertCountry, (perCountry.get(e.expertCountry) ?? 0) + 1);
    expect(Math.max(...perCountry.values())).toBeLessThanOrEqual(QUOTA);
    // The list is in arrival order: replaying the arrivals one by one gives the same outcome.
    const replay = new SeatBook({ seats: SEATS, quota: QUOTA });
    expect(enrollments.map((e) => replay.admit({ id: e.id, country: e.expertCountry }))).toEqual(enrollments.map((e) => e.status));
    expect(waitlisted.map((e) => e.waitlistPosition)).toEqual(waitlisted.map((_, i) => i + 1));

    const activity = await h.call<{ confirmed: number; waitlisted: number }>('GET', `/api/v1/activities/${activityId}`);
    expect(activity.body).toMatchObject({ confirmed: SEATS, waitlisted: 200 - SEATS });

    // The same request again, with its key: the first answer, not a second enrolment.
    const again = await h.call<Enrollment>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: experts[7]!.id, role: 'participant' }, { token: osh.token, headers: { 'idempotency-key': 'conc-7-key' } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(responses[7]!.body.id);
    const reused = await h.call<{ code: string }>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: experts[8]!.id, role: 'participant' }, { token: osh.token, headers: { 'idempotency-key': 'conc-7-key' } });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const twice = await h.call<{ code: string }>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: experts[7]!.id, role: 'participant' }, { token: osh.token });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_ENROLLED');
  }, 180_000);

  it('promotes the right waitlisted participants exactly once when two cancellations race', async () => {
    const before = enrollments;
    const [a, b] = before.filter((e) => e.status === 'confirmed').slice(0, 2) as [Enrollment, Enrollment];
    const bookBefore = () =>
      new SeatBook(
        { seats: SEATS, quota: QUOTA },
        [...before.filter((e) => e.status === 'confirmed').reduce((m, e) => m.set(e.expertCountry, (m.get(e.expertCountry) ?? 0) + 1), new Map<string, number>())],
        before.filter((e) => e.status === 'waitlisted').map((e) => ({ id: e.id, country: e.expertCountry })),
      );
    // Whichever of the two commits first, the promotions are these:
    const abBook = bookBefore();
    const ab = [...abBook.leave(a.id, a.expertCountry, true), ...abBook.leave(b.id, b.expertCountry, true)].sort();
    const baBook = bookBefore();
    const ba = [...baBook.leave(b.id, b.expertCountry, true), ...baBook.leave(a.id, a.expertCountry, true)].sort();

    const [ra, rb] = await Promise.all([h.call('DELETE', `/api/v1/enrollments/${a.id}`, undefined, { token: osh.token }), h.call('DELETE', `/api/v1/enrollments/${b.id}`, undefined, { token: osh.token })]);
    expect([ra.status, rb.status]).toEqual([200, 200]);

    const after = await allEnrollments();
    const promoted = after.filter((e) => e.status === 'confirmed' && before.find((x) => x.id === e.id)!.status === 'waitlisted').map((e) => e.id).sort();
    expect([ab, ba]).toContainEqual(promoted);
    expect(after.filter((e) => e.status === 'confirmed')).toHaveLength(SEATS);
    const events = await eventsPerEnrollment('programmes.enrollment.promoted.v1');
    expect([...events.entries()].sort()).toEqual(promoted.map((id) => [id, 1]));
  }, 60_000);

  it('lets only one of two racing cancellations of the same enrolment win, and promotes once', async () => {
    const before = await allEnrollments();
    const target = before.find((e) => e.status === 'confirmed')!;
    const results = await Promise.all([1, 2].map(() => h.call<{ code?: string }>('DELETE', `/api/v1/enrollments/${target.id}`, undefined, { token: osh.token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('ENROLLMENT_NOT_ACTIVE');
    const after = await allEnrollments();
    expect(after.filter((e) => e.status === 'confirmed')).toHaveLength(SEATS);
    const events = await eventsPerEnrollment('programmes.enrollment.promoted.v1');
    expect([...events.values()].every((n) => n === 1)).toBe(true);
    expect(events.size).toBe(3);
  }, 60_000);
});
