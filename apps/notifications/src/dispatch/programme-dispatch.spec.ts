import { randomUUID } from 'node:crypto';
import type { EnrollmentEventV1 } from '@olp/contracts';
import { renderMessage } from '../templates/render.js';
import { DIRECTORY_DISPATCH, DISPATCH } from './dispatch-table.js';

const title = { ar: 'دورة في تقييم المخاطر', en: 'Risk assessment course', fr: 'Formation à l’évaluation des risques' };

function enrolmentEvent(overrides: Partial<EnrollmentEventV1> = {}): EnrollmentEventV1 {
  return {
    activityId: randomUUID(),
    programmeCode: 'OSH-CaB',
    activityTitle: title,
    startDate: '2027-03-01',
    endDate: '2027-03-05',
    hostCountry: 'TR',
    coordinatorIds: [randomUUID(), randomUUID()],
    enrollmentId: randomUUID(),
    expertId: randomUUID(),
    expertCountry: 'SN',
    expertUserId: randomUUID(),
    nominatedBy: randomUUID(),
    role: 'participant',
    status: 'confirmed',
    occurredAt: '2027-02-01T10:00:00Z',
    ...overrides,
  };
}

describe('programme events in the dispatch table', () => {
  it('tells the promoted expert, the focal point who nominated them and every coordinator, once each', () => {
    const e = enrolmentEvent();
    const dispatches = DISPATCH['programmes.enrollment.promoted.v1']!(e);
    expect(dispatches.map((d) => [d.recipientId, d.type])).toEqual([
      [e.expertUserId, 'programme.enrollment.promoted'],
      [e.nominatedBy, 'programme.nominee.update'],
      ...e.coordinatorIds.map((id) => [id, 'programme.coordinator.update']),
    ]);
    // Someone with two parts (a coordinator who is also the expert) gets one notification.
    const twice = enrolmentEvent({ expertUserId: e.coordinatorIds[0]!, coordinatorIds: e.coordinatorIds });
    expect(DISPATCH['programmes.enrollment.promoted.v1']!(twice).map((d) => d.recipientId)).toEqual([twice.expertUserId, twice.nominatedBy, twice.coordinatorIds[1]]);
  });

  it('skips the expert without an account and the focal point of a direct enrolment', () => {
    const { expertUserId: _u, nominatedBy: _n, ...direct } = enrolmentEvent();
    expect(DISPATCH['programmes.enrollment.confirmed.v1']!(direct)).toEqual([]);
    expect(DISPATCH['programmes.enrollment.waitlisted.v1']!(direct)).toEqual([]);
  });

  it('renders each recipient’s message in their language, activity dates as calendar days in any zone', () => {
    const e = enrolmentEvent();
    const [expert, focal] = DISPATCH['programmes.enrollment.confirmed.v1']!(e);
    // 1 March at noon UTC is still 1 March in Paramaribo (UTC−3) and in Jakarta (UTC+7).
    const fr = renderMessage(expert!.type, expert!.params, { locale: 'fr', timeZone: 'America/Paramaribo' });
    expect(fr.body).toBe('Vous êtes inscrit·e comme participant·e à « Formation à l’évaluation des risques », du 1 mars 2027 au 5 mars 2027.');
    const ar = renderMessage(focal!.type, focal!.params, { locale: 'ar', timeZone: 'Asia/Jakarta' });
    expect(ar.body).toBe('الخبير الذي رشّحته من السنغال مؤكَّد في «دورة في تقييم المخاطر».');
    const waiting = DISPATCH['programmes.enrollment.waitlisted.v1']!(enrolmentEvent({ status: 'waitlisted', waitlistPosition: 3 }))[0]!;
    expect(renderMessage(waiting.type, waiting.params, { locale: 'en', timeZone: 'UTC' }).body).toContain('you are number 3 on the waitlist');
  });

  it('tells experts and focal points of a cancelled activity, and the holder of a certificate', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const cancelled = DISPATCH['programmes.activity.cancelled.v1']!({
      ...enrolmentEvent(),
      expertUserIds: [a],
      focalPointIds: [b, a],
      cancelledAt: '2027-02-02T00:00:00Z',
    } as never);
    expect(cancelled.map((d) => [d.recipientId, d.category])).toEqual([
      [a, 'essential'],
      [b, 'essential'],
    ]);
    const e = enrolmentEvent();
    const [issued] = DISPATCH['programmes.certificate.issued.v1']!({ ...e, certificateNumber: 'OLP-2027-7K3M9Q2X', issuedAt: '2027-03-06T09:00:00Z' } as never);
    expect(renderMessage(issued!.type, issued!.params, { locale: 'en', timeZone: 'UTC' }).body).toContain('number OLP-2027-7K3M9Q2X');
  });

  it('invites the focal points the directory finds for the beneficiary countries, naming the deadline as a calendar day', async () => {
    const [fp1, fp2] = [randomUUID(), randomUUID()];
    const asked: (readonly string[])[] = [];
    const dispatches = await DIRECTORY_DISPATCH['programmes.activity.opened.v1']!(
      { ...enrolmentEvent(), applicationDeadline: '2027-02-15', beneficiaryCountries: ['SN', 'MA'], openedAt: '2027-01-10T08:00:00Z' },
      { focalPointsOf: async (countries) => (asked.push(countries), [fp1!, fp2!]) },
    );
    expect(asked).toEqual([['SN', 'MA']]);
    expect(dispatches.map((d) => [d.recipientId, d.category, d.type])).toEqual([
      [fp1, 'programmes', 'programme.activity.opened'],
      [fp2, 'programmes', 'programme.activity.opened'],
    ]);
    // 15 February at noon UTC is 15 February in Jakarta and in Paramaribo.
    const ar = renderMessage(dispatches[0]!.type, dispatches[0]!.params, { locale: 'ar', timeZone: 'Asia/Jakarta' });
    expect(ar.title).toBe(`دعوة إلى ترشيح خبراء: ${title.ar}`);
    expect(ar.body).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2027-02-15T12:00:00Z')));
    const en = renderMessage(dispatches[1]!.type, dispatches[1]!.params, { locale: 'en', timeZone: 'America/Paramaribo' });
    expect(en.body).toBe(`“${title.en}”, planned from March 1, 2027 to March 5, 2027, is open for nominations and your country is among its beneficiaries. Nominate its experts by February 15, 2027.`);
  });

  it('tells each confirmed expert with an account once that the activity is completed', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const completed = DISPATCH['programmes.activity.completed.v1']!({ ...enrolmentEvent(), expertUserIds: [a, b, a], completedAt: '2027-03-06T09:00:00Z' } as never);
    expect(completed.map((d) => [d.recipientId, d.category, d.type])).toEqual([
      [a, 'programmes', 'programme.activity.completed'],
      [b, 'programmes', 'programme.activity.completed'],
    ]);
    expect(renderMessage(completed[0]!.type, completed[0]!.params, { locale: 'fr', timeZone: 'UTC' }).title).toBe(`Activité terminée : ${title.fr}`);
  });
});
