import { randomUUID } from 'node:crypto';
import { PlatformHarness } from '../src/platform-harness.js';
import { activityBody, adminToken, coordinator, createExpert, expertBody, openActivity, staff, type Staff } from '../src/programme-fixtures.js';

type Who = 'anonymous' | 'seeker' | 'focalSN' | 'focalJO' | 'cooOSH' | 'cooPES' | 'admin';

const h = new PlatformHarness();
let admin: string;
let seeker: { token: string; user: { id: string } };
let focalSN: Staff;
let focalJO: Staff;
let cooOSH: Staff;
let cooPES: Staff;
let activityId: string;
let expertSN: { id: string };
let expertJO: { id: string };
let enrolmentSN: string;

const token = (who: Who): string | undefined =>
  ({ anonymous: undefined, seeker: seeker.token, focalSN: focalSN.token, focalJO: focalJO.token, cooOSH: cooOSH.token, cooPES: cooPES.token, admin })[who];

/** Calls the route as each caller in turn and compares the statuses (all cells at once, so a failure shows the whole row). */
async function expectCells(method: string, path: string | (() => string), cells: [Who, number][], body?: (who: Who) => unknown, headers?: () => Record<string, string>) {
  const seen: [Who, number][] = [];
  for (const [who] of cells) {
    const t = token(who);
    const response = await h.call(method, typeof path === 'string' ? path : path(), body?.(who), { ...(t ? { token: t } : {}), ...(headers ? { headers: headers() } : {}) });
    seen.push([who, response.status]);
  }
  expect(seen).toEqual(cells);
}

beforeAll(async () => {
  await h.start('progauthz', {}, { identityOnly: true, programmes: true });
  admin = await adminToken(h);
  const registered = await h.registerAndLogin('seeker@example.qa');
  seeker = { token: registered.accessToken, user: registered.user };
  focalSN = await staff(h, admin, 'focal@sn.example', ['focal-point'], ['SN'], 'fr');
  focalJO = await staff(h, admin, 'focal@jo.example', ['focal-point'], ['JO'], 'ar');
  cooOSH = await coordinator(h, admin, 'osh@sesric.example', 'OSH-CaB');
  cooPES = await coordinator(h, admin, 'pes@sesric.example', 'PES-CaB');
  activityId = await openActivity(h, cooOSH.token, 'OSH-CaB');
  expertSN = await createExpert(h, focalSN.token, 'SN');
  expertJO = await createExpert(h, focalJO.token, 'JO');
  const nominated = await h.call<{ id: string }>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: expertSN.id, role: 'participant' }, { token: focalSN.token });
  enrolmentSN = nominated.body.id;
}, 120_000);

afterAll(async () => {
  await h.stop();
});

describe('programmes authorisation matrix: every route × role × ownership', () => {
  it('programmes: public reads; only admins add programmes and assign coordinators', async () => {
    await expectCells('GET', '/api/v1/programmes', [['anonymous', 200], ['seeker', 200], ['focalSN', 200], ['cooOSH', 200]]);
    await expectCells('GET', '/api/v1/programmes/OSH-CaB', [['anonymous', 200], ['cooPES', 200]]);
    let n = 0;
    const programme = () => ({ code: `TEST-${++n}x`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!), name: { en: 'Test' }, description: { en: 'Test' }, institution: { en: 'SESRIC' }, thematicArea: 'employability' });
    await expectCells('POST', '/api/v1/programmes', [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooOSH', 403], ['admin', 201]], programme);
    await expectCells('PUT', `/api/v1/programmes/OSH-CaB/coordinators/${cooPES.id}`, [['anonymous', 401], ['focalSN', 403], ['cooOSH', 403]]);
    await expectCells('DELETE', `/api/v1/programmes/OSH-CaB/coordinators/${cooPES.id}`, [['anonymous', 401], ['cooOSH', 403], ['admin', 200]]);
    const view = await h.call<{ coordinatorIds: string[]; isCoordinator: boolean }>('GET', '/api/v1/programmes/OSH-CaB', undefined, { token: cooOSH.token });
    expect(view.body).toMatchObject({ coordinatorIds: [cooOSH.id], isCoordinator: true });
    expect((await h.call<{ coordinatorIds: string[] }>('GET', '/api/v1/programmes/OSH-CaB', undefined, { token: focalSN.token })).body.coordinatorIds).toEqual([]);
  });

  it('activities: a coordinator of one programme cannot create or edit another programme\'s activities', async () => {
    await expectCells('POST', '/api/v1/programmes/OSH-CaB/activities', [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['admin', 403], ['cooPES', 403], ['cooOSH', 201]], () => activityBody());
    const etag = async () => (await h.call('GET', `/api/v1/activities/${activityId}`)).headers.get('etag')!;
    const current = await etag();
    await expectCells('PATCH', `/api/v1/activities/${activityId}`, [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 403], ['cooOSH', 200]], () => ({ modality: 'online' }), () => ({ 'if-match': current }));
    // A stale ETag is refused, a missing one is required.
    await expectCells('PATCH', `/api/v1/activities/${activityId}`, [['cooOSH', 412]], () => ({ modality: 'hybrid' }), () => ({ 'if-match': current }));
    await expectCells('PATCH', `/api/v1/activities/${activityId}`, [['cooOSH', 428]], () => ({ modality: 'hybrid' }));
    await expectCells('POST', `/api/v1/activities/${activityId}/status`, [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 403]], () => ({ status: 'closed' }));
    await expectCells('GET', '/api/v1/activities?programme=OSH-CaB', [['anonymous', 200], ['seeker', 200]]);
    await expectCells('GET', '/api/v1/activities?country=XX', [['anonymous', 400]]);
  });

  it('experts: focal points manage their own country only; coordinators see all', async () => {
    await expectCells('POST', '/api/v1/experts', [['anonymous', 401], ['seeker', 403], ['focalJO', 403], ['focalSN', 201], ['cooOSH', 201]], () => expertBody('SN'));
    const taken = await h.call<{ code: string }>('POST', '/api/v1/experts', expertBody('SN', { email: 'dup@example.sn' }), { token: focalSN.token });
    expect(taken.status).toBe(201);
    const dup = await h.call<{ code: string }>('POST', '/api/v1/experts', expertBody('SN', { email: 'DUP@example.sn' }), { token: focalSN.token });
    expect([dup.status, dup.body.code]).toEqual([409, 'EXPERT_EMAIL_TAKEN']);
    await expectCells('GET', `/api/v1/experts/${expertSN.id}`, [['anonymous', 401], ['seeker', 404], ['focalJO', 404], ['focalSN', 200], ['cooPES', 200]]);
    await expectCells('GET', '/api/v1/experts?country=JO', [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['focalJO', 200], ['cooPES', 200]]);
    const seen = await h.call<{ items: { country: string }[] }>('GET', '/api/v1/experts', undefined, { token: focalJO.token });
    expect(new Set(seen.body.items.map((e) => e.country))).toEqual(new Set(['JO']));
  });

  it('enrolment: a focal point cannot nominate another country\'s expert; coordinators of other programmes cannot act', async () => {
    await expectCells(
      'POST',
      `/api/v1/activities/${activityId}/enrollments`,
      [['anonymous', 401], ['seeker', 403], ['admin', 403], ['focalSN', 403], ['cooPES', 403], ['focalJO', 201]],
      () => ({ expertId: expertJO.id, role: 'participant' }),
    );
    // Unknown expert: a focal point learns nothing; a trainer nomination is not theirs to make.
    await expectCells('POST', `/api/v1/activities/${activityId}/enrollments`, [['focalSN', 404]], () => ({ expertId: randomUUID(), role: 'participant' }));
    const other = await createExpert(h, focalSN.token, 'SN');
    await expectCells('POST', `/api/v1/activities/${activityId}/enrollments`, [['focalSN', 400]], () => ({ expertId: other.id, role: 'trainer' }));
    await expectCells('GET', `/api/v1/activities/${activityId}/enrollments`, [['anonymous', 401], ['seeker', 403], ['cooPES', 403], ['focalJO', 200], ['cooOSH', 200]]);
    await expectCells('POST', `/api/v1/enrollments/${enrolmentSN}/decision`, [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 403], ['cooOSH', 200]], () => ({ decision: 'approve' }));
    await expectCells('POST', `/api/v1/enrollments/${enrolmentSN}/attendance`, [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 403], ['cooOSH', 200]], () => ({ attendance: 'present', completed: true }));
    await expectCells('POST', `/api/v1/enrollments/${enrolmentSN}/certificate`, [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 403], ['cooOSH', 201]]);
    // As many seats as confirmed participants is allowed (fewer is refused: see the journey).
    const before = await h.call('GET', `/api/v1/activities/${activityId}`);
    const shrink = await h.call<{ errors: { field: string; rule: string }[] }>('PATCH', `/api/v1/activities/${activityId}`, { countryQuota: null, seats: 1 }, { token: cooOSH.token, headers: { 'if-match': before.headers.get('etag')! } });
    expect(shrink.status).toBe(200);
    const listed = await h.call<{ items: { id: string; certificateNumber?: string }[] }>('GET', `/api/v1/activities/${activityId}/enrollments`, undefined, { token: cooOSH.token });
    const certificate = listed.body.items.find((e) => e.id === enrolmentSN)!.certificateNumber!;
    await expectCells('GET', `/api/v1/certificates/${certificate}`, [['anonymous', 200]]);
    await expectCells('GET', '/api/v1/certificates/not-a-number', [['anonymous', 400]]);
    await expectCells('POST', `/api/v1/certificates/${certificate}/revoke`, [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 403], ['cooOSH', 200]]);
    await expectCells('DELETE', `/api/v1/enrollments/${enrolmentSN}`, [['anonymous', 401], ['seeker', 404], ['focalJO', 404], ['cooPES', 404], ['focalSN', 200]]);
  });

  it('reports are for coordinators and admins', async () => {
    await expectCells('GET', '/api/v1/programmes/reports/summary?year=2027', [['anonymous', 401], ['seeker', 403], ['focalSN', 403], ['cooPES', 200], ['admin', 200]]);
    await expectCells('GET', '/api/v1/programmes/reports/summary?year=abc', [['admin', 400]]);
  });

  it('identity: only admins set roles, and a focal point is bound to exactly one member state', async () => {
    await expectCells('PUT', `/api/v1/users/${seeker.user.id}/roles`, [['anonymous', 401], ['seeker', 403], ['cooOSH', 403]], () => ({ roles: ['focal-point'], countryScope: ['QA'] }));
    await expectCells('PUT', `/api/v1/users/${seeker.user.id}/roles`, [['admin', 400]], () => ({ roles: ['focal-point'], countryScope: ['QA', 'SN'] }));
    await expectCells('PUT', `/api/v1/users/${seeker.user.id}/roles`, [['admin', 400]], () => ({ roles: ['focal-point'] }));
    await expectCells('PUT', `/api/v1/users/${randomUUID()}/roles`, [['admin', 404]], () => ({ roles: ['seeker'] }));
    const made = await h.call<{ roles: string[]; countryScope: string[] }>('PUT', `/api/v1/users/${seeker.user.id}/roles`, { roles: ['focal-point'], countryScope: ['QA'] }, { token: admin });
    expect(made.body).toMatchObject({ roles: ['focal-point'], countryScope: ['QA'] });
    // The change reaches the other services as identity.user.updated.v1.
    const [event] = await h.db.query<{ envelope: { data: { roles: string[]; countryScope: string[] } } }>(
      `SELECT envelope FROM identity.outbox WHERE subject = 'identity.user.updated.v1' AND envelope->>'subject' = $1 ORDER BY seq DESC LIMIT 1`,
      [seeker.user.id],
    );
    expect(event!.envelope.data).toMatchObject({ roles: ['focal-point'], countryScope: ['QA'] });
    const createdTwo = await h.call('POST', '/api/v1/users', { email: 'two@example.org', password: 'Programme-Staff-2026', displayName: 'Two', locale: 'en', country: 'QA', roles: ['focal-point'], countryScope: ['QA', 'JO'] }, { token: admin });
    expect(createdTwo.status).toBe(400);
  });
});
