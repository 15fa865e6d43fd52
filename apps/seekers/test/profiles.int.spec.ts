import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ErrorCode, type PutProfileRequest } from '@olp/contracts';
import { scrubOutbox, scrubOutboxEntries } from '@olp/messaging';
import { DATA_SOURCE } from '@olp/persistence';
import { latestAvailableFrom } from '../src/profiles/profile-rules.js';
import { employer, failure, FULL_NAME, profileRequest, SeekersHarness, seeker, SNAPSHOT_SKILL } from './seekers-harness.js';

const h = new SeekersHarness();

beforeAll(async () => {
  await h.start('seekers');
});

afterAll(async () => {
  await h.stop();
});

const put = (userId: string, request: PutProfileRequest = profileRequest()) =>
  h.rpc.request('rpc.seekers.put-profile.v1', request, { principal: seeker(userId) });
const get = (userId: string) => h.rpc.request('rpc.seekers.get-profile.v1', {}, { principal: seeker(userId) });
const erase = (userId: string) => h.rpc.request('rpc.seekers.erase-profile.v1', {}, { principal: seeker(userId) });
const exportOf = (userId: string) => h.rpc.request('rpc.seekers.export.v1', {}, { principal: seeker(userId) });

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('put and get', () => {
  it('stores a profile and gives it back with Arabic text byte for byte', async () => {
    const userId = randomUUID();
    const request = profileRequest();
    const created = await put(userId, request);
    expect(created).toMatchObject({ ...request, userId, version: 1 });
    expect(created.createdAt).toBe(created.updatedAt);

    const read = await get(userId);
    expect(read).toEqual(created);
    expect(Buffer.from(read.fullName, 'utf8').equals(Buffer.from(FULL_NAME, 'utf8'))).toBe(true);
    expect(read.education?.field).toBe('الهندسة المدنية');
    expect(read.experience[0]!.employer).toBe('وزارة الأشغال العامة');
    expect(read.availableFrom).toBe('2027-01-15');

    const [row] = await h.db.query<{ full_name: string; available_from: string; skills: string[] }>(
      `SELECT full_name, available_from::text, skills FROM seekers.profiles WHERE user_id = $1`,
      [userId],
    );
    expect(row).toEqual({ full_name: FULL_NAME, available_from: '2027-01-15', skills: ['osh.risk-assessment'] });
  });

  it('keeps optional parts absent when they are not given', async () => {
    const userId = randomUUID();
    const { education: _education, availableFrom: _availableFrom, ...rest } = profileRequest({ mobility: { relocate: 'none', remote: false } });
    const created = await put(userId, rest);
    expect(created).not.toHaveProperty('education');
    expect(created).not.toHaveProperty('availableFrom');
    expect(created.mobility).toEqual({ relocate: 'none', remote: false });
    expect(await get(userId)).toEqual(created);
  });

  it('replaces the profile and increments the version on every put, keeping the creation time', async () => {
    const userId = randomUUID();
    const first = await put(userId);
    const second = await put(userId, profileRequest({ skills: ['osh.risk-assessment', SNAPSHOT_SKILL], visibility: 'public' }));
    const third = await put(userId, profileRequest({ skills: ['osh.risk-assessment', SNAPSHOT_SKILL], visibility: 'public' }));
    expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
    expect(third.createdAt).toBe(first.createdAt);
    expect(Date.parse(third.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
    expect(await get(userId)).toMatchObject({ version: 3, visibility: 'public', skills: ['osh.risk-assessment', SNAPSHOT_SKILL] });
    const [{ count }] = (await h.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM seekers.profiles WHERE user_id = $1`, [userId])) as [
      { count: number },
    ];
    expect(count).toBe(1);
  });

  it('serialises concurrent puts of one seeker, the very first included', async () => {
    const userId = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => put(userId)));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await get(userId)).version).toBe(5);
  });

  it('accepts skills from the ESCO snapshot given in TAXONOMY_FILE', async () => {
    const userId = randomUUID();
    expect((await put(userId, profileRequest({ skills: [SNAPSHOT_SKILL] }))).skills).toEqual([SNAPSHOT_SKILL]);
  });

  it('gives PROFILE_NOT_FOUND for a seeker without a profile', async () => {
    expect((await failure(get(randomUUID()))).code).toBe(ErrorCode.ProfileNotFound);
  });
});

describe('validation beyond the contract', () => {
  it('reports every problem with its field path and changes nothing', async () => {
    const userId = randomUUID();
    const before = await put(userId);
    const [{ rows: outboxBefore }] = (await h.db.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM seekers.outbox`)) as [{ rows: number }];

    const error = await failure(
      put(
        userId,
        profileRequest({
          languages: [
            { code: 'ar', level: 'C2' },
            { code: 'en', level: 'B2' },
            { code: 'ar', level: 'B1' },
          ],
          experience: [
            { iscoCode: '2142', years: 5 },
            { iscoCode: '9999', years: 2 },
          ],
          skills: ['osh.risk-assessment', 'osh.no-such-skill', 'nothing.at-all'],
          desiredOccupations: ['2', '99'],
          mobility: { relocate: 'listed', countries: [], remote: false },
          availableFrom: '1949-12-31',
        }),
      ),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.params).toEqual({ count: 7 });
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'languages[2].code', rule: 'arrayUnique' },
        { field: 'experience[1].iscoCode', rule: 'unknownOccupation' },
        { field: 'skills[1]', rule: 'unknownSkill' },
        { field: 'skills[2]', rule: 'unknownSkill' },
        { field: 'desiredOccupations[1]', rule: 'unknownOccupation' },
        { field: 'mobility.countries', rule: 'requiredWhenListed' },
        { field: 'availableFrom', rule: 'isDateInRange', params: { min: '1950-01-01', max: latestAvailableFrom(new Date()) } },
      ]),
    );

    expect(await get(userId)).toEqual(before);
    const [{ rows: outboxAfter }] = (await h.db.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM seekers.outbox`)) as [{ rows: number }];
    expect(outboxAfter).toBe(outboxBefore);
  });

  it('needs at least one country when relocation is "listed", and none otherwise', async () => {
    const userId = randomUUID();
    const { countries: _countries, ...withoutCountries } = profileRequest().mobility;
    expect((await failure(put(userId, profileRequest({ mobility: { ...withoutCountries, relocate: 'listed' } })))).fields).toEqual([
      { field: 'mobility.countries', rule: 'requiredWhenListed' },
    ]);
    for (const relocate of ['none', 'any-member-state'] as const) {
      expect((await failure(put(userId, profileRequest({ mobility: { relocate, countries: ['QA'], remote: true } })))).fields).toEqual([
        { field: 'mobility.countries', rule: 'arrayMaxSize', params: { max: 0 } },
      ]);
      expect((await put(userId, profileRequest({ mobility: { relocate, countries: [], remote: true } }))).mobility.relocate).toBe(relocate);
    }
  });

  it('rejects an experience at a level above the unit group, but takes desired occupations at any level', async () => {
    const userId = randomUUID();
    // '2142' is a unit group; its parents '214', '21' and '2' exist but are not unit groups.
    expect((await put(userId, profileRequest({ desiredOccupations: ['2', '21', '214', '2142'] }))).desiredOccupations).toEqual(['2', '21', '214', '2142']);
    expect((await failure(put(userId, profileRequest({ experience: [{ iscoCode: '2140', years: 1 }] })))).fields).toEqual([
      { field: 'experience[0].iscoCode', rule: 'unknownOccupation' },
    ]);
  });

  it('takes availableFrom from 1950-01-01 to five years from today, and nothing outside', async () => {
    const userId = randomUUID();
    const max = latestAvailableFrom(new Date());
    expect((await put(userId, profileRequest({ availableFrom: '1950-01-01' }))).availableFrom).toBe('1950-01-01');
    expect((await put(userId, profileRequest({ availableFrom: max }))).availableFrom).toBe(max);
    const late = await failure(put(userId, profileRequest({ availableFrom: dayAfter(max) })));
    expect(late.fields).toEqual([{ field: 'availableFrom', rule: 'isDateInRange', params: { min: '1950-01-01', max } }]);
  });

  it('still applies the contract first (the request class rejects malformed fields)', async () => {
    const error = await failure(put(randomUUID(), profileRequest({ experience: [{ iscoCode: '214', years: 1 }] })));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields).toEqual([expect.objectContaining({ field: 'experience[0].iscoCode', rule: 'matches' })]);
  });
});

describe('who may call', () => {
  it('refuses callers without a principal with UNAUTHENTICATED', async () => {
    expect((await failure(h.rpc.request('rpc.seekers.put-profile.v1', profileRequest()))).code).toBe(ErrorCode.Unauthenticated);
    expect((await failure(h.rpc.request('rpc.seekers.get-profile.v1', {}))).code).toBe(ErrorCode.Unauthenticated);
    expect((await failure(h.rpc.request('rpc.seekers.erase-profile.v1', {}))).code).toBe(ErrorCode.Unauthenticated);
    expect((await failure(h.rpc.request('rpc.seekers.export.v1', {}))).code).toBe(ErrorCode.Unauthenticated);
  });

  it('refuses an employer with FORBIDDEN and stores nothing', async () => {
    const userId = randomUUID();
    const principal = employer(userId);
    expect((await failure(h.rpc.request('rpc.seekers.put-profile.v1', profileRequest(), { principal }))).code).toBe(ErrorCode.Forbidden);
    expect((await failure(h.rpc.request('rpc.seekers.erase-profile.v1', {}, { principal }))).code).toBe(ErrorCode.Forbidden);
    expect(await h.db.query(`SELECT 1 FROM seekers.profiles WHERE user_id = $1`, [userId])).toEqual([]);
    expect(await h.outboxAbout(userId)).toEqual([]);
  });
});

describe('events', () => {
  it('announces every put without the name, and consent only when it changes', async () => {
    const userId = randomUUID();
    const subjects = async () => (await h.outboxAbout(userId)).map((row) => row.subject);

    const v1 = await put(userId, profileRequest({ consentToMatching: false }));
    expect(v1).not.toHaveProperty('consentGivenAt');
    expect(await subjects()).toEqual(['seekers.profile.updated.v1']);

    const v2 = await put(userId, profileRequest({ consentToMatching: true }));
    expect(v2.consentGivenAt).toBeDefined();
    expect(await subjects()).toEqual(['seekers.profile.updated.v1', 'seekers.profile.updated.v1', 'seekers.consent.changed.v1']);

    const v3 = await put(userId, profileRequest({ consentToMatching: true, visibility: 'public' }));
    expect(v3.consentGivenAt).toBe(v2.consentGivenAt);
    expect((await subjects()).slice(3)).toEqual(['seekers.profile.updated.v1']);

    const v4 = await put(userId, profileRequest({ consentToMatching: false }));
    expect(v4).not.toHaveProperty('consentGivenAt');
    expect((await subjects()).slice(4)).toEqual(['seekers.profile.updated.v1', 'seekers.consent.changed.v1']);

    const rows = await h.outboxAbout(userId);
    expect(rows.filter((r) => r.subject === 'seekers.consent.changed.v1').map((r) => r.envelope.data)).toEqual([
      { userId, consentToMatching: true, changedAt: v2.updatedAt },
      { userId, consentToMatching: false, changedAt: v4.updatedAt },
    ]);
    const updates = rows.filter((r) => r.subject === 'seekers.profile.updated.v1');
    expect(updates.map((r) => r.envelope.data['version'])).toEqual([1, 2, 3, 4]);
    const { fullName: _fullName, ...withoutName } = profileRequest({ consentToMatching: false });
    expect(updates[3]!.envelope.data).toEqual({ ...withoutName, userId, version: 4, updatedAt: v4.updatedAt });
    for (const row of rows) expect(row.envelope.subject).toBe(userId);
  });

  it('announces consent given at creation', async () => {
    const userId = randomUUID();
    const created = await put(userId, profileRequest({ consentToMatching: true }));
    expect(created.consentGivenAt).toBe(created.createdAt);
    expect((await h.outboxAbout(userId)).map((r) => [r.subject, r.envelope.data['consentToMatching']])).toEqual([
      ['seekers.profile.updated.v1', true],
      ['seekers.consent.changed.v1', true],
    ]);
  });

  it('never puts a name in the outbox', async () => {
    const [{ count }] = (await h.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM seekers.outbox WHERE strpos(envelope::text, $1) > 0 OR envelope::text ILIKE '%fullName%' OR envelope::text ILIKE '%full_name%'`,
      [FULL_NAME],
    )) as [{ count: number }];
    expect(count).toBe(0);
    const [{ total }] = (await h.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM seekers.outbox`)) as [{ total: number }];
    expect(total).toBeGreaterThan(0);
  });
});

describe('erasure and export', () => {
  it('exports the profile, or null when there is none', async () => {
    const userId = randomUUID();
    expect(await exportOf(userId)).toEqual({ profile: null });
    const created = await put(userId);
    expect(await exportOf(userId)).toEqual({ profile: created });
    expect(await h.rpc.request('rpc.seekers.export.v1', {}, { principal: employer(randomUUID()) })).toEqual({ profile: null });
  });

  it('deletes the profile, scrubs published events about the seeker and announces the erasure', async () => {
    const userId = randomUUID();
    const other = randomUUID();
    await put(userId, profileRequest({ consentToMatching: true }));
    await put(userId);
    await put(other);
    // What the relay does once it has published them.
    await h.db.query(`UPDATE seekers.outbox SET published_at = now() WHERE published_at IS NULL AND envelope->>'subject' = ANY($1)`, [[userId, other]]);
    await h.db.query(
      `INSERT INTO seekers.dead_letters (consumer, subject, payload, error, attempts) VALUES
         ('seekers-test', 'x.v1', $1, 'boom', 5), ('seekers-test', 'x.v1', $2, 'boom', 5)`,
      [JSON.stringify({ data: { userId } }), JSON.stringify({ data: { userId: other } })],
    );
    const before = (await h.outboxAbout(userId)).length;
    expect(before).toBe(4);

    const startedAt = Date.now();
    expect(await erase(userId)).toEqual({ ok: true });

    expect(await h.db.query(`SELECT 1 FROM seekers.profiles WHERE user_id = $1`, [userId])).toEqual([]);
    const rows = await h.outboxAbout(userId);
    expect(rows.map((r) => r.subject)).toEqual(['seekers.seeker.erased.v1']);
    expect(rows[0]!.envelope.data).toEqual({ userId, erasedAt: expect.any(String) });
    expect(Date.parse(rows[0]!.envelope.data['erasedAt'] as string)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(await h.db.query(`SELECT 1 FROM seekers.dead_letters WHERE strpos(payload, $1) > 0`, [userId])).toEqual([]);

    // Nobody else's data is touched.
    expect((await h.outboxAbout(other)).length).toBe(1);
    expect(await h.db.query(`SELECT 1 FROM seekers.dead_letters WHERE strpos(payload, $1) > 0`, [other])).toHaveLength(1);
    expect((await get(other)).version).toBe(1);

    expect((await failure(get(userId))).code).toBe(ErrorCode.ProfileNotFound);
    expect(await exportOf(userId)).toEqual({ profile: null });
  });

  it('announces the erasure even when there was no profile', async () => {
    const userId = randomUUID();
    expect(await erase(userId)).toEqual({ ok: true });
    expect((await h.outboxAbout(userId)).map((r) => r.subject)).toEqual(['seekers.seeker.erased.v1']);
  });

  it('lets a seeker start over after erasure', async () => {
    const userId = randomUUID();
    await put(userId);
    await erase(userId);
    expect((await put(userId)).version).toBe(1);
  });
});

describe('scrubOutbox', () => {
  class Rollback extends Error {}

  it('deletes every outbox row (published or not) and dead letter about one person, and nothing else', async () => {
    const dataSource = h.app.get<DataSource>(DATA_SOURCE);
    const about = randomUUID();
    const envelope = (subject?: string) => JSON.stringify({ specversion: '1.0', id: randomUUID(), ...(subject ? { subject } : {}), data: { userId: about } });
    await expect(
      dataSource.transaction(async (em) => {
        // Rows inserted in this (rolled back) transaction are invisible to the running relay.
        await em.query(
          `INSERT INTO seekers.outbox (id, subject, envelope, published_at) VALUES
             ($1, 'x.published.v1', $2, now()),
             ($3, 'x.pending.v1', $4, NULL),
             ($5, 'x.other.v1', $6, now())`,
          [randomUUID(), envelope(about), randomUUID(), envelope(about), randomUUID(), envelope(randomUUID())],
        );
        await em.query(
          `INSERT INTO seekers.dead_letters (consumer, subject, payload, error, attempts) VALUES ('c', 's', $1, 'e', 1), ('c', 's', 'unrelated', 'e', 1)`,
          [envelope()],
        );
        expect(await scrubOutbox(em, 'seekers', about)).toBe(3);
        const left = (await em.query(`SELECT subject FROM seekers.outbox WHERE subject LIKE 'x.%' ORDER BY seq`)) as { subject: string }[];
        expect(left.map((r) => r.subject)).toEqual(['x.other.v1']);
        expect(await em.query(`SELECT payload FROM seekers.dead_letters WHERE consumer = 'c'`)).toEqual([{ payload: 'unrelated' }]);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
  });

  it('refuses an empty subject (it would match every dead letter) and a bad schema name', async () => {
    const dataSource = h.app.get<DataSource>(DATA_SOURCE);
    await expect(dataSource.transaction((em) => scrubOutbox(em, 'seekers', ' '))).rejects.toThrow(/must not be empty/);
    await expect(dataSource.transaction((em) => scrubOutbox(em, 'seekers; DROP TABLE x', 'a'))).rejects.toThrow(/invalid schema/);
  });
});

describe('scrubOutboxEntries', () => {
  class Rollback extends Error {}
  const LIST = { subject: 'x.batch.v1', list: 'people', key: 'personId' };

  it('takes one person out of the events naming several, deletes an event left naming nobody, and touches nothing else', async () => {
    const dataSource = h.app.get<DataSource>(DATA_SOURCE);
    const [who, other] = [randomUUID(), randomUUID()];
    const event = (people: string[]) => JSON.stringify({ specversion: '1.0', id: randomUUID(), data: { people: people.map((personId) => ({ personId, n: 1 })), at: 'x' } });
    await expect(
      dataSource.transaction(async (em) => {
        await em.query(
          `INSERT INTO seekers.outbox (id, subject, envelope, published_at) VALUES
             ($1, 'x.batch.v1', $2, now()), ($3, 'x.batch.v1', $4, NULL), ($5, 'x.batch.v1', $6, NULL), ($7, 'x.other.v1', $8, NULL)`,
          [randomUUID(), event([who, other]), randomUUID(), event([who]), randomUUID(), event([other]), randomUUID(), event([who])],
        );
        await scrubOutboxEntries(em, 'seekers', LIST, who);
        const left = (await em.query(`SELECT subject, envelope->'data' AS data FROM seekers.outbox WHERE subject LIKE 'x.%' ORDER BY seq`)) as { subject: string; data: unknown }[];
        expect(left).toEqual([
          { subject: 'x.batch.v1', data: { people: [{ personId: other, n: 1 }], at: 'x' } },
          { subject: 'x.batch.v1', data: { people: [{ personId: other, n: 1 }], at: 'x' } },
          { subject: 'x.other.v1', data: { people: [{ personId: who, n: 1 }], at: 'x' } },
        ]);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
  });

  it('refuses an empty id and names that would be spliced into the statement', async () => {
    const dataSource = h.app.get<DataSource>(DATA_SOURCE);
    await expect(dataSource.transaction((em) => scrubOutboxEntries(em, 'seekers', LIST, ' '))).rejects.toThrow(/must not be empty/);
    await expect(dataSource.transaction((em) => scrubOutboxEntries(em, 'seekers; x', LIST, 'a'))).rejects.toThrow(/invalid schema/);
    await expect(dataSource.transaction((em) => scrubOutboxEntries(em, 'seekers', { ...LIST, key: "a' OR '1" }, 'a'))).rejects.toThrow(/invalid field/);
  });
});
