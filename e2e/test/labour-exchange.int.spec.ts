import { eventually } from '@olp/testing';
import { actor, personalDataLeft, platformSchemas, profileBody, vacancyBody, type Actor } from '../src/labour-fixtures.js';
import { PlatformHarness } from '../src/platform-harness.js';

type Problem = { code: string; status: number; title: string; detail: string; errors?: { field: string; rule: string }[] };
type Vacancy = { id: string; version: number; status: string; applicationCount: number; resolved: { title: string } };
type Application = { id: string; status: string; profileSnapshot?: Record<string, unknown>; history: { status: string }[] };

const h = new PlatformHarness();
let employerA: Actor;
let employerB: Actor;
let seekerA: Actor;
let seekerB: Actor;
let orgA: string;

beforeAll(async () => {
  await h.start('labour');
  employerA = await actor(h, 'hr@doha-builders.qa', 'employer', 'QA', 'ar');
  employerB = await actor(h, 'hr@casablanca-textiles.ma', 'employer', 'MA', 'fr');
  seekerA = await actor(h, 'amina@example.jo', 'seeker', 'JO', 'ar');
  seekerB = await actor(h, 'karim@example.sn', 'seeker', 'SN', 'fr');
  const org = await h.call<{ id: string }>('POST', '/api/v1/employers', { name: { ar: 'شركة الدوحة للبناء', en: 'Doha Builders' }, country: 'QA', isicSection: 'F', size: 'medium' }, { token: employerA.token });
  expect(org.status).toBe(201);
  orgA = org.body.id;
  await h.call('POST', '/api/v1/employers', { name: { fr: 'Textiles de Casablanca' }, country: 'MA', isicSection: 'C', size: 'small' }, { token: employerB.token });
  expect((await h.call('PUT', '/api/v1/me/profile', profileBody(), { token: seekerA.token })).status).toBe(200);
});

afterAll(async () => {
  await h.stop();
});

async function newVacancy(overrides: Record<string, unknown> = {}, publish = true): Promise<Vacancy> {
  const created = await h.call<Vacancy>('POST', '/api/v1/vacancies', vacancyBody(orgA, overrides), { token: employerA.token });
  expect(created.status).toBe(201);
  if (!publish) return created.body;
  const published = await h.call<Vacancy>('POST', `/api/v1/vacancies/${created.body.id}/publish`, undefined, { token: employerA.token });
  expect(published.status).toBe(200);
  return published.body;
}

describe('an employer in Qatar publishes, a seeker from Jordan finds, applies and follows', () => {
  it('works end to end in three languages', async () => {
    const vacancy = await newVacancy();
    expect(vacancy.status).toBe('published');
    for (const [q, lang] of [
      ['مهندس سلامة', 'ar'],
      ['safety engineer', 'en'],
      ['ingenieur securite', 'fr'],
    ] as const) {
      const found = await h.call<{ items: { id: string; displayTitle: string }[] }>('GET', `/api/v1/vacancies?q=${encodeURIComponent(q)}`, undefined, { lang, token: seekerA.token });
      expect(found.status).toBe(200);
      const hit = found.body.items.find((i) => i.id === vacancy.id);
      expect(hit).toBeDefined();
      expect(hit!.displayTitle).toBe(vacancyBody(orgA).title[lang]);
    }
    const applied = await h.call<Application>('POST', `/api/v1/vacancies/${vacancy.id}/applications`, { coverNote: 'أتطلع إلى العمل معكم.' }, { token: seekerA.token });
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('submitted');
    const list = await h.call<{ items: Application[] }>('GET', `/api/v1/vacancies/${vacancy.id}/applications`, undefined, { token: employerA.token });
    expect(list.body.items[0]!.profileSnapshot).toMatchObject({ fullName: 'أمينة الحسن', nationality: 'JO' });
    const moved = await h.call<Application>('PATCH', `/api/v1/applications/${applied.body.id}`, { status: 'shortlisted' }, { token: employerA.token });
    expect(moved.status).toBe(200);
    const mine = await h.call<{ items: Application[] }>('GET', '/api/v1/me/applications', undefined, { token: seekerA.token, lang: 'ar' });
    const followed = mine.body.items.find((a) => a.id === applied.body.id)!;
    expect(followed.status).toBe('shortlisted');
    expect(followed.history.map((e) => e.status)).toEqual(['submitted', 'shortlisted']);
  });
});

describe('authorisation matrix: every route × role × ownership', () => {
  type Who = 'anonymous' | 'seekerA' | 'seekerB' | 'employerA' | 'employerB';
  const token = (who: Who) => ({ anonymous: undefined, seekerA: seekerA.token, seekerB: seekerB.token, employerA: employerA.token, employerB: employerB.token })[who];

  async function expectCells(method: string, path: () => string, cells: [Who, number][], body?: (who: Who) => unknown, headers?: () => Record<string, string>) {
    const seen: [Who, number][] = [];
    for (const [who] of cells) {
      const response = await h.call(method, path(), body?.(who), { ...(token(who) ? { token: token(who)! } : {}), ...(headers ? { headers: headers() } : {}) });
      seen.push([who, response.status]);
    }
    expect(seen).toEqual(cells);
  }

  it('POST /employers', async () => {
    await expectCells('POST', () => '/api/v1/employers', [['anonymous', 401], ['seekerA', 403], ['employerB', 201]], () => ({ name: { en: 'Another Co' }, country: 'MA', isicSection: 'J', size: 'micro' }));
  });

  it('GET /employers/{id} is public', async () => {
    await expectCells('GET', () => `/api/v1/employers/${orgA}`, [['anonymous', 200], ['seekerB', 200], ['employerB', 200], ['employerA', 200]]);
  });

  it('POST /vacancies only for members of the organisation', async () => {
    await expectCells('POST', () => '/api/v1/vacancies', [['anonymous', 401], ['seekerA', 403], ['employerB', 403], ['employerA', 201]], () => vacancyBody(orgA));
  });

  it('GET /vacancies/{id}: drafts only for members, published for everyone', async () => {
    const draft = await newVacancy({}, false);
    await expectCells('GET', () => `/api/v1/vacancies/${draft.id}`, [['anonymous', 404], ['seekerA', 404], ['employerB', 404], ['employerA', 200]]);
    const published = await newVacancy();
    await expectCells('GET', () => `/api/v1/vacancies/${published.id}`, [['anonymous', 200], ['seekerA', 200], ['employerB', 200], ['employerA', 200]]);
  });

  it('PATCH /vacancies/{id} only for members', async () => {
    const vacancy = await newVacancy();
    await expectCells('PATCH', () => `/api/v1/vacancies/${vacancy.id}`, [['anonymous', 401], ['seekerA', 403], ['employerB', 403], ['employerA', 200]], () => ({ city: 'Lusail' }), () => ({ 'if-match': `"v${vacancy.version}"` }));
  });

  it('POST /vacancies/{id}/publish only for members', async () => {
    const draft = await newVacancy({}, false);
    await expectCells('POST', () => `/api/v1/vacancies/${draft.id}/publish`, [['anonymous', 401], ['seekerA', 403], ['employerB', 404], ['employerA', 200], ['employerA', 409]]);
  });

  it('POST /vacancies/{id}/close only for members', async () => {
    const vacancy = await newVacancy();
    await expectCells('POST', () => `/api/v1/vacancies/${vacancy.id}/close`, [['anonymous', 401], ['seekerA', 403], ['employerB', 403], ['employerA', 200], ['employerA', 409]], () => ({ reason: 'filled' }));
  });

  it('GET /vacancies (search) is public', async () => {
    await expectCells('GET', () => '/api/v1/vacancies?q=safety', [['anonymous', 200], ['seekerB', 200], ['employerB', 200]]);
  });

  it('POST /vacancies/{id}/applications only for seekers with a profile, once', async () => {
    const vacancy = await newVacancy();
    await expectCells('POST', () => `/api/v1/vacancies/${vacancy.id}/applications`, [['anonymous', 401], ['employerA', 403], ['seekerB', 409], ['seekerA', 201], ['seekerA', 409]], () => ({ coverNote: 'Hello' }));
  });

  it('GET /vacancies/{id}/applications only for members', async () => {
    const vacancy = await newVacancy();
    await expectCells('GET', () => `/api/v1/vacancies/${vacancy.id}/applications`, [['anonymous', 401], ['seekerA', 403], ['employerB', 403], ['employerA', 200]]);
  });

  it('PATCH /applications/{id}: employer members move it, the applicant withdraws, nobody else sees it', async () => {
    const vacancy = await newVacancy();
    const application = await h.call<Application>('POST', `/api/v1/vacancies/${vacancy.id}/applications`, { coverNote: 'Hi' }, { token: seekerA.token });
    await expectCells('PATCH', () => `/api/v1/applications/${application.body.id}`, [['anonymous', 401], ['seekerB', 404], ['employerB', 404], ['seekerA', 409], ['employerA', 200]], () => ({ status: 'shortlisted' }));
    await expectCells('PATCH', () => `/api/v1/applications/${application.body.id}`, [['employerA', 409], ['seekerA', 200]], () => ({ status: 'withdrawn' }));
  });

  it('GET /me/applications shows only the caller’s own', async () => {
    await expectCells('GET', () => '/api/v1/me/applications', [['anonymous', 401], ['seekerA', 200], ['seekerB', 200], ['employerA', 200]]);
    const others = await h.call<{ items: unknown[] }>('GET', '/api/v1/me/applications', undefined, { token: seekerB.token });
    expect(others.body.items).toEqual([]);
  });

  it('/me/profile routes are for seekers only', async () => {
    await expectCells('PUT', () => '/api/v1/me/profile', [['anonymous', 401], ['employerA', 403], ['seekerB', 200]], () => profileBody({ fullName: 'Karim Diop', nationality: 'SN', residenceCountry: 'SN' }));
    await expectCells('GET', () => '/api/v1/me/profile', [['anonymous', 401], ['employerA', 403], ['seekerB', 200]]);
    await expectCells('GET', () => '/api/v1/me/profile/export', [['anonymous', 401], ['employerA', 403], ['seekerB', 200]]);
    await expectCells('DELETE', () => '/api/v1/me/profile', [['anonymous', 401], ['employerA', 403]]);
  });

  it('reference typeahead is public', async () => {
    await expectCells('GET', () => '/api/v1/reference/occupations?q=engineer', [['anonymous', 200], ['seekerA', 200]]);
    await expectCells('GET', () => '/api/v1/reference/skills?q=risk', [['anonymous', 200], ['employerA', 200]]);
  });
});

describe('reference typeahead', () => {
  type Hits = { items: { id: string; label: string; path: { code: string; label: string }[] }[] };

  it('finds occupations in any language, Arabic letter forms and diacritics ignored, with the hierarchy in the request language', async () => {
    for (const q of ['مطورو البرمجيات', 'مُطَوِّرو البرمجيات', 'software developers', 'concepteurs de logiciels', 'sofware developer']) {
      const response = await h.call<Hits>('GET', `/api/v1/reference/occupations?q=${encodeURIComponent(q)}&lang=fr`);
      expect([q, response.status]).toEqual([q, 200]);
      expect([q, response.body.items.map((i) => i.id)]).toEqual([q, expect.arrayContaining(['2512'])]);
    }
    const hit = (await h.call<Hits>('GET', '/api/v1/reference/occupations?q=2512', undefined, { lang: 'ar' })).body.items[0]!;
    expect(hit.path.map((p) => p.code)).toEqual(['2', '25', '251', '2512']);
    expect(hit.label).toMatch(/\p{Script=Arabic}/u);
    const majors = await h.call<Hits>('GET', '/api/v1/reference/occupations');
    expect(majors.body.items.map((i) => i.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('finds skills by prefix and with typos, and refuses an empty query', async () => {
    const hits = await h.call<Hits>('GET', `/api/v1/reference/skills?q=${encodeURIComponent('evaluation risq')}`, undefined, { lang: 'fr' });
    expect(hits.body.items.map((i) => i.id)).toContain('osh.risk-assessment');
    const empty = await h.call<Problem>('GET', '/api/v1/reference/skills?q=');
    expect(empty.status).toBe(400);
  });
});

describe('validation in the request language, changing nothing', () => {
  it('rejects a vacancy with unknown codes, min > max salary and a past closing date, naming each field', async () => {
    const response = await h.call<Problem>(
      'POST',
      '/api/v1/vacancies',
      vacancyBody(orgA, {
        iscoCode: '9999',
        skills: [{ skillId: 'osh.not-a-skill', essential: true }],
        salary: { min: 500, max: 100, currency: 'QAR', period: 'month' },
        closingDate: '2020-01-01',
        country: 'FR',
      }),
      { token: employerA.token, lang: 'ar' },
    );
    expect(response.status).toBe(400);
    expect(response.body.title).toBe('بيانات غير صالحة');
    expect(response.body.errors?.map((e) => e.field)).toContain('country');
    // Without the shape error, the owning service names every rule it checks against reference data.
    const [before] = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies.vacancies`);
    const domain = await h.call<Problem>(
      'POST',
      '/api/v1/vacancies',
      vacancyBody(orgA, {
        iscoCode: '9999',
        skills: [{ skillId: 'osh.not-a-skill', essential: true }],
        salary: { min: 500, max: 100, currency: 'QAR', period: 'month' },
        closingDate: '2020-01-01',
      }),
      { token: employerA.token, lang: 'fr' },
    );
    expect(domain.status).toBe(400);
    expect(domain.body.errors?.map((e) => e.rule).sort()).toEqual(['isFutureDate', 'lessThanOrEqualMax', 'unknownOccupation', 'unknownSkill']);
    const [after] = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies.vacancies`);
    expect(after!.n).toBe(before!.n);
  });
});

describe('concurrency', () => {
  it('two edits with the same If-Match: one wins, the other gets 412', async () => {
    const vacancy = await newVacancy();
    const results = await Promise.all(
      ['Lusail', 'Al Wakrah'].map((city) => h.call('PATCH', `/api/v1/vacancies/${vacancy.id}`, { city }, { token: employerA.token, headers: { 'if-match': `"v${vacancy.version}"` } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const missing = await h.call<Problem>('PATCH', `/api/v1/vacancies/${vacancy.id}`, { city: 'Doha' }, { token: employerA.token });
    expect(missing.status).toBe(428);
  });

  it('two applications by the same seeker at once: one succeeds', async () => {
    const vacancy = await newVacancy();
    const results = await Promise.all([1, 2].map(() => h.call<Problem>('POST', `/api/v1/vacancies/${vacancy.id}/applications`, { coverNote: 'Once' }, { token: seekerA.token })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('ALREADY_APPLIED');
    const after = await h.call<Vacancy>('GET', `/api/v1/vacancies/${vacancy.id}`);
    expect(after.body.applicationCount).toBe(1);
  });
});

describe('erasure', () => {
  it('leaves no row in any schema with the seeker’s name, e-mail or profile data; vacancies keep their counts', async () => {
    const leaver = await actor(h, 'leaving.seeker@example.tn', 'seeker', 'TN', 'fr');
    const fullName = 'Zeynep Erasmus-Quintero';
    const field = 'Cartographie subaquatique';
    expect((await h.call('PUT', '/api/v1/me/profile', profileBody({ fullName, nationality: 'TN', residenceCountry: 'TN', education: { level: 7, field } }), { token: leaver.token })).status).toBe(200);
    const vacancy = await newVacancy();
    const coverNote = 'Lettre de motivation unique 7f3a';
    expect((await h.call('POST', `/api/v1/vacancies/${vacancy.id}/applications`, { coverNote }, { token: leaver.token })).status).toBe(201);
    const exported = await h.call<{ account: { email: string }; profile: { fullName: string }; applications: { coverNote: string }[] }>('GET', '/api/v1/me/profile/export', undefined, { token: leaver.token });
    expect(exported.body.account.email).toBe(leaver.email);
    expect(exported.body.profile.fullName).toBe(fullName);
    expect(exported.body.applications.map((a) => a.coverNote)).toEqual([coverNote]);

    // Let the relays publish what they hold, as they would long before anyone asks for erasure.
    await eventually(async () => (await h.db.query(`SELECT 1 FROM identity.outbox WHERE published_at IS NULL`)).length === 0);
    expect((await h.call('DELETE', '/api/v1/me/profile', undefined, { token: leaver.token })).status).toBe(204);

    const needles = [fullName, leaver.email, field, coverNote, 'leaving.seeker'];
    const schemas = await platformSchemas(h.db);
    expect(schemas).toEqual(expect.arrayContaining(['identity', 'vacancies', 'seekers', 'matching', 'notifications']));
    await eventually(async () => (await personalDataLeft(h.db, schemas, needles)).length === 0, 20_000, 200).catch(async () => {
      throw new Error(`personal data left after erasure: ${(await personalDataLeft(h.db, schemas, needles)).join('; ')}`);
    });
    const after = await h.call<Vacancy>('GET', `/api/v1/vacancies/${vacancy.id}`);
    expect(after.body.applicationCount).toBe(1);
    expect((await h.login(leaver.email, 'correct horse 7 battery')).status).toBe(401);
  });
});

describe('matching through the public API', () => {
  type SeekerMatches = { items: { vacancyId: string; score: number; reasons: { code: string; text: string }[] }[] };
  type VacancyMatches = { items: { seekerId: string; score: number; reasons: { code: string; text: string }[] }[] };

  it('lists a fitting vacancy for the seeker with reasons in Arabic, and the seeker for the owning employer only', async () => {
    const vacancy = await newVacancy({ title: { ar: 'مهندس مطابقة السلامة', en: 'Safety matching engineer' } });
    const mine = await eventually(async () => {
      const response = await h.call<SeekerMatches>('GET', '/api/v1/me/matches', undefined, { token: seekerA.token, lang: 'ar' });
      return response.body.items?.find((m) => m.vacancyId === vacancy.id);
    });
    expect(mine.score).toBeGreaterThan(0.5);
    expect(mine.reasons.find((r) => r.code === 'location-relocate')?.text).toMatch(/قطر/);
    expect(mine.reasons.every((r) => /\p{Script=Arabic}/u.test(r.text))).toBe(true);

    const forVacancy = await h.call<VacancyMatches>('GET', `/api/v1/vacancies/${vacancy.id}/matches`, undefined, { token: employerA.token });
    expect(forVacancy.status).toBe(200);
    expect(forVacancy.body.items.map((m) => m.seekerId)).toContain(seekerA.id);
    expect(JSON.stringify(forVacancy.body)).not.toContain('أمينة');
    expect((await h.call('GET', `/api/v1/vacancies/${vacancy.id}/matches`, undefined, { token: employerB.token })).status).toBe(403);
    expect((await h.call('GET', `/api/v1/vacancies/${vacancy.id}/matches`, undefined, { token: seekerA.token })).status).toBe(403);
    expect((await h.call('GET', `/api/v1/vacancies/${vacancy.id}/matches`)).status).toBe(401);
  });

  it('drops the seeker from every result once consent is withdrawn', async () => {
    const vacancy = await newVacancy({ title: { en: 'Consent check engineer' } });
    const listed = async () => (await h.call<VacancyMatches>('GET', `/api/v1/vacancies/${vacancy.id}/matches`, undefined, { token: employerA.token })).body.items ?? [];
    await eventually(async () => (await listed()).some((m) => m.seekerId === seekerA.id));
    expect((await h.call('PUT', '/api/v1/me/profile', profileBody({ consentToMatching: false }), { token: seekerA.token })).status).toBe(200);
    await eventually(async () => !(await listed()).some((m) => m.seekerId === seekerA.id));
    const mine = await h.call<SeekerMatches>('GET', '/api/v1/me/matches', undefined, { token: seekerA.token });
    expect(mine.body.items).toEqual([]);
    expect((await h.call('PUT', '/api/v1/me/profile', profileBody(), { token: seekerA.token })).status).toBe(200);
  });
});
