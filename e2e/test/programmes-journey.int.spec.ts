import { eventually } from '@olp/testing';
import { PlatformHarness } from '../src/platform-harness.js';
import { activityBody, adminToken, coordinator, createExpert, staff, type Staff } from '../src/programme-fixtures.js';

type Enrollment = { id: string; status: string; expertId: string; waitlistPosition?: number; nominatedBy?: string; certificateNumber?: string };
type Envelope = { subject: string; data: Record<string, unknown> };

const h = new PlatformHarness();
let admin: string;
let osh: Staff;
let focalSN: Staff;
let focalJO: Staff;

beforeAll(async () => {
  // All services: notifications tells the experts, focal points and coordinators.
  await h.start('progjourney', {}, { programmes: true });
  admin = await adminToken(h);
  osh = await coordinator(h, admin, 'osh.coordinator@sesric.org', 'OSH-CaB');
  focalSN = await staff(h, admin, 'focal@travail.gouv.sn', ['focal-point'], ['SN'], 'fr');
  focalJO = await staff(h, admin, 'focal@mol.gov.jo', ['focal-point'], ['JO'], 'ar');
}, 120_000);

afterAll(async () => {
  await h.stop();
});

/** The events the programmes service has committed for one enrolment or activity, in order. */
async function eventsAbout(id: string): Promise<Envelope[]> {
  const rows = await h.db.query<{ subject: string; envelope: { data: Record<string, unknown> } }>(
    `SELECT subject, envelope FROM programmes.outbox WHERE envelope->>'subject' = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((r) => ({ subject: r.subject, data: r.envelope.data }));
}

describe('an OSH-CaB training course from nomination to certificate', () => {
  it('runs through the public API in three languages', async () => {
    // The coordinator creates an OSH-CaB activity: two seats, one per country.
    const body = activityBody({ seats: 2, countryQuota: 1, beneficiaryCountries: ['SN', 'JO'] });
    const created = await h.call<{ id: string; status: string; version: number }>('POST', '/api/v1/programmes/OSH-CaB/activities', body, { token: osh.token });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"v1"');
    const activityId = created.body.id;
    expect((await h.call('POST', `/api/v1/activities/${activityId}/status`, { status: 'open' }, { token: osh.token })).status).toBe(200);
    const listed = await h.call<{ items: { id: string; displayTitle: string }[] }>('GET', '/api/v1/activities?programme=OSH-CaB&country=SN&status=open&language=fr', undefined, { lang: 'fr' });
    expect(listed.body.items.map((a) => [a.id, a.displayTitle])).toEqual([[activityId, body.title.fr]]);

    // Experts with accounts, registered by their countries' focal points.
    const awaUser = await h.registerAndLogin('awa.diop@example.sn', 'seeker', { locale: 'fr', country: 'SN' });
    const moussaUser = await h.registerAndLogin('moussa.ndiaye@example.sn', 'seeker', { locale: 'fr', country: 'SN' });
    const laylaUser = await h.registerAndLogin('layla@example.jo', 'seeker', { locale: 'ar', country: 'JO' });
    const awa = await createExpert(h, focalSN.token, 'SN', { fullName: 'Awa Diop', userId: awaUser.user.id, gender: 'female' });
    const moussa = await createExpert(h, focalSN.token, 'SN', { fullName: 'Moussa Ndiaye', userId: moussaUser.user.id, gender: 'male' });
    const layla = await createExpert(h, focalJO.token, 'JO', { fullName: 'لَيْلى الخطيب', userId: laylaUser.user.id, gender: 'female', languages: ['ar', 'en'] });
    const omar = await createExpert(h, focalJO.token, 'JO', { fullName: 'عمر الحسن', gender: 'male' });
    const trainer = await createExpert(h, osh.token, 'TR', { fullName: 'Mehmet Yılmaz', gender: 'male' });
    // Arabic-normalised name search: no diacritics, alef maqsura typed as ya.
    const found = await h.call<{ items: { id: string }[] }>('GET', `/api/v1/experts?q=${encodeURIComponent('ليلي')}`, undefined, { token: focalJO.token });
    expect(found.body.items.map((e) => e.id)).toEqual([layla.id]);

    // Focal points of two countries nominate; the coordinator decides in arrival order of approval.
    const nominate = async (token: string, expertId: string) => {
      const r = await h.call<Enrollment>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId, role: 'participant' }, { token });
      expect(r.status).toBe(201);
      expect(r.body.status).toBe('nominated');
      return r.body;
    };
    const nAwa = await nominate(focalSN.token, awa.id);
    const nLayla = await nominate(focalJO.token, layla.id);
    const nMoussa = await nominate(focalSN.token, moussa.id);
    const nOmar = await nominate(focalJO.token, omar.id);
    const decide = async (id: string, decision: string) => {
      const r = await h.call<Enrollment>('POST', `/api/v1/enrollments/${id}/decision`, { decision }, { token: osh.token });
      expect(r.status).toBe(200);
      return r.body;
    };
    expect((await decide(nAwa.id, 'approve')).status).toBe('confirmed');
    expect((await decide(nLayla.id, 'approve')).status).toBe('confirmed');
    // Seats are full and Senegal is at its quota: Moussa waits.
    expect(await decide(nMoussa.id, 'approve')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await decide(nOmar.id, 'reject')).status).toBe('rejected');
    const trainerEnrolment = await h.call<Enrollment>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: trainer.id, role: 'trainer' }, { token: osh.token });
    expect(trainerEnrolment.body.status).toBe('confirmed');

    // Awa cancels herself: Moussa is promoted at once, and told in French.
    const cancelled = await h.call<Enrollment>('DELETE', `/api/v1/enrollments/${nAwa.id}`, undefined, { token: awaUser.accessToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const enrolments = await h.call<{ items: Enrollment[] }>('GET', `/api/v1/activities/${activityId}/enrollments`, undefined, { token: osh.token });
    expect(enrolments.body.items.find((e) => e.id === nMoussa.id)!.status).toBe('confirmed');
    const moussaEvents = await eventsAbout(nMoussa.id);
    expect(moussaEvents.map((e) => e.subject)).toEqual(['programmes.enrollment.nominated.v1', 'programmes.enrollment.waitlisted.v1', 'programmes.enrollment.promoted.v1']);
    // Everything a notifier needs, without calling back: whom to tell and what about.
    expect(moussaEvents[2]!.data).toMatchObject({
      expertUserId: moussaUser.user.id,
      nominatedBy: focalSN.id,
      coordinatorIds: [osh.id],
      activityTitle: body.title,
      startDate: body.startDate,
      endDate: body.endDate,
      status: 'confirmed',
    });
    // Moussa is told in French, in-app and by e-mail; his focal point and the coordinator are told too.
    type Notification = { type: string; title: string; body: string; link: string };
    const promotedNote = await eventually(async () => {
      const page = await h.call<{ items: Notification[] }>('GET', '/api/v1/me/notifications', undefined, { token: moussaUser.accessToken, lang: 'fr' });
      return page.body.items?.find((n) => n.type === 'programme.enrollment.promoted');
    });
    expect(promotedNote.title).toBe(`Une place vous revient : ${body.title.fr}`);
    expect(promotedNote.link).toBe(`/activities/${activityId}`);
    const promotedMail = await eventually(async () => h.smtp.to('moussa.ndiaye@example.sn').find((m) => m.subject === `Une place vous revient : ${body.title.fr}`));
    expect(promotedMail.html).toContain('<html lang="fr" dir="ltr">');
    const nomineeNote = await eventually(async () => {
      const page = await h.call<{ items: Notification[] }>('GET', '/api/v1/me/notifications', undefined, { token: focalSN.token, lang: 'fr' });
      return page.body.items?.find((n) => n.type === 'programme.nominee.update' && n.body.includes('passé·e de la liste d’attente'));
    });
    expect(nomineeNote.body).toContain('Sénégal');
    await eventually(async () => {
      const page = await h.call<{ items: Notification[] }>('GET', '/api/v1/me/notifications', undefined, { token: osh.token, lang: 'ar' });
      return page.body.items?.find((n) => n.type === 'programme.coordinator.update' && n.title.startsWith('ترقية من قائمة الانتظار'));
    });

    const focalView = await h.call<{ items: Enrollment[] }>('GET', `/api/v1/activities/${activityId}/enrollments`, undefined, { token: focalJO.token });
    expect(focalView.body.items.map((e) => e.expertId).sort()).toEqual([layla.id, omar.id].sort());

    // Fewer seats than the confirmed participants is refused, naming the field and the minimum.
    const current = await h.call('GET', `/api/v1/activities/${activityId}`);
    const shrink = await h.call<{ errors: { field: string; rule: string; detail: string }[] }>('PATCH', `/api/v1/activities/${activityId}`, { seats: 1 }, { token: osh.token, headers: { 'if-match': current.headers.get('etag')! }, lang: 'fr' });
    expect(shrink.status).toBe(400);
    expect(shrink.body.errors).toEqual([expect.objectContaining({ field: 'seats', rule: 'notBelowConfirmed', detail: 'Ne peut être inférieur à 2 (les participants confirmés).' })]);

    // The course runs; attendance is recorded; the activity closes and completes.
    for (const id of [nLayla.id, nMoussa.id]) {
      const r = await h.call<Enrollment>('POST', `/api/v1/enrollments/${id}/attendance`, { attendance: 'present', completed: true }, { token: osh.token });
      expect(r.status).toBe(200);
    }
    expect((await h.call('POST', `/api/v1/activities/${activityId}/status`, { status: 'closed' }, { token: osh.token })).status).toBe(200);
    expect((await h.call('POST', `/api/v1/activities/${activityId}/status`, { status: 'completed' }, { token: osh.token })).status).toBe(200);
    // The completion event names the accounts of the confirmed experts (Omar and the trainer have none), for notifications.
    const completed = (await eventsAbout(activityId)).filter((e) => e.subject === 'programmes.activity.completed.v1');
    expect(completed.map((e) => e.data['expertUserIds'])).toEqual([[laylaUser.user.id, moussaUser.user.id].sort()]);
    const late = await h.call<{ code: string; detail: string }>('POST', `/api/v1/activities/${activityId}/status`, { status: 'open' }, { token: osh.token, lang: 'fr' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_ACTIVITY_TRANSITION');
    expect(late.body.detail).toContain('completed');

    // A certificate is issued and verified by anyone; issuing again gives the same one.
    const notDone = await h.call<{ code: string }>('POST', `/api/v1/enrollments/${nOmar.id}/certificate`, undefined, { token: osh.token });
    expect(notDone.body.code).toBe('NOT_COMPLETED');
    const issued = await h.call<{ number: string; status: string }>('POST', `/api/v1/enrollments/${nMoussa.id}/certificate`, undefined, { token: osh.token });
    expect(issued.status).toBe(201);
    expect(issued.body.number).toMatch(/^OLP-\d{4}-[0-9A-Z]{8}$/);
    const reissued = await h.call<{ number: string }>('POST', `/api/v1/enrollments/${nMoussa.id}/certificate`, undefined, { token: osh.token });
    expect(reissued.body.number).toBe(issued.body.number);
    const verified = await h.call<Record<string, unknown>>('GET', `/api/v1/certificates/${issued.body.number.toLowerCase()}`, undefined, { lang: 'ar' });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      number: issued.body.number,
      status: 'valid',
      holderName: 'Moussa Ndiaye',
      programmeCode: 'OSH-CaB',
      activityId,
      activityTitle: body.title,
      displayTitle: body.title.ar,
      startDate: body.startDate,
      endDate: body.endDate,
      issuedAt: expect.any(String),
    });
    expect((await eventsAbout(nMoussa.id)).map((e) => e.subject)).toContain('programmes.certificate.issued.v1');
    // Layla's certificate is issued, then revoked: verification says so.
    const laylaCert = await h.call<{ number: string }>('POST', `/api/v1/enrollments/${nLayla.id}/certificate`, undefined, { token: osh.token });
    const revoked = await h.call<{ status: string }>('POST', `/api/v1/certificates/${laylaCert.body.number}/revoke`, undefined, { token: osh.token });
    expect(revoked.body.status).toBe('revoked');
    expect((await h.call<{ status: string; revokedAt?: string }>('GET', `/api/v1/certificates/${laylaCert.body.number}`)).body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect((await h.call('GET', '/api/v1/certificates/OLP-2027-ZZZZZZZZ')).status).toBe(404);

    // The summary report counts it all.
    const year = Number(body.startDate.slice(0, 4));
    const summary = await h.call<Record<string, unknown>>('GET', `/api/v1/programmes/reports/summary?year=${year}&programme=OSH-CaB`, undefined, { token: osh.token });
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      year,
      programme: 'OSH-CaB',
      activities: [{ type: 'training-course', status: 'completed', count: 1 }],
      distinctExperts: 3,
      participants: [
        { country: 'JO', gender: 'female', count: 1 },
        { country: 'SN', gender: 'male', count: 1 },
      ],
      trainers: 1,
    });
    const csv = await h.call('GET', `/api/v1/programmes/reports/summary?year=${year}&programme=OSH-CaB`, undefined, { token: osh.token, headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')).toEqual([
      'section,type,status,country,gender,count',
      'activities,training-course,completed,,,1',
      'participants,,,JO,female,1',
      'participants,,,SN,male,1',
      'distinct-experts,,,,,3',
      'trainers,,,,,1',
      '',
    ]);
  }, 120_000);

  it('cancelling an activity cancels its enrolments and names everyone to tell', async () => {
    const created = await h.call<{ id: string }>('POST', '/api/v1/programmes/OSH-CaB/activities', activityBody({ seats: 5 }), { token: osh.token });
    const activityId = created.body.id;
    await h.call('POST', `/api/v1/activities/${activityId}/status`, { status: 'open' }, { token: osh.token });
    const user = await h.registerAndLogin('fatou@example.sn', 'seeker', { locale: 'fr', country: 'SN' });
    const expert = await createExpert(h, focalSN.token, 'SN', { userId: user.user.id });
    const nominated = await h.call<Enrollment>('POST', `/api/v1/activities/${activityId}/enrollments`, { expertId: expert.id, role: 'participant' }, { token: focalSN.token });
    expect(nominated.status).toBe(201);
    const cancelled = await h.call<{ status: string; confirmed: number }>('POST', `/api/v1/activities/${activityId}/status`, { status: 'cancelled' }, { token: osh.token });
    expect(cancelled.body.status).toBe('cancelled');
    const list = await h.call<{ items: Enrollment[] }>('GET', `/api/v1/activities/${activityId}/enrollments`, undefined, { token: osh.token });
    expect(list.body.items.map((e) => e.status)).toEqual(['cancelled']);
    const [event] = (await eventsAbout(activityId)).filter((e) => e.subject === 'programmes.activity.cancelled.v1');
    expect(event!.data).toMatchObject({ expertUserIds: [user.user.id], focalPointIds: [focalSN.id], coordinatorIds: [osh.id] });

    // The account is deleted: the registry entry stays (the focal point's record) but no longer names it.
    expect((await h.call('DELETE', `/api/v1/users/${user.user.id}`, undefined, { token: admin })).status).toBe(204);
    await eventually(async () => {
      const [row] = await h.db.query<{ user_id: string | null }>(`SELECT user_id FROM programmes.experts WHERE id = $1`, [expert.id]);
      expect(row!.user_id).toBeNull();
      return true;
    });
  }, 60_000);
});
