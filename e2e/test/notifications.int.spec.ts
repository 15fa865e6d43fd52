import { eventually } from '@olp/testing';
import { actor, profileBody, vacancyBody, type Actor } from '../src/labour-fixtures.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NotificationStreamHub } from '../../apps/gateway/src/notifications/notification-stream.hub.js';
import { PlatformHarness } from '../src/platform-harness.js';

type Notification = { id: string; sequence: string; type: string; title: string; body: string; link: string; readAt: string | null; email: { status: string } };
type Page = { items: Notification[]; nextCursor: string | null };
type Problem = { code: string; status: number; errors?: { field: string; rule: string }[] };

const h = new PlatformHarness();
let employer: Actor;
let seeker: Actor;
let other: Actor;
let orgId: string;
let second: NestFastifyApplication;
let secondGateway: string;

beforeAll(async () => {
  await h.start('notify');
  second = await h.startGateway();
  secondGateway = await second.getUrl();
  employer = await actor(h, 'hr@gulf-safety.qa', 'employer', 'QA', 'en');
  seeker = await actor(h, 'amina.notify@example.jo', 'seeker', 'JO', 'ar');
  other = await actor(h, 'omar.notify@example.eg', 'seeker', 'EG', 'fr');
  const org = await h.call<{ id: string }>('POST', '/api/v1/employers', { name: { ar: 'الخليج للسلامة', en: 'Gulf Safety' }, country: 'QA', isicSection: 'F', size: 'medium' }, { token: employer.token });
  expect(org.status).toBe(201);
  orgId = org.body.id;
  // The seeker wants matches at once rather than in the daily digest.
  const prefs = await h.call('PUT', '/api/v1/me/notification-preferences', { categories: [{ category: 'matches', inApp: true, email: true, emailMode: 'immediate' }] }, { token: seeker.token });
  expect(prefs.status).toBe(200);
  expect((await h.call('PUT', '/api/v1/me/profile', profileBody(), { token: seeker.token })).status).toBe(200);
});

afterAll(async () => {
  await h.stop();
});

async function publishedVacancy(title: Record<string, string>): Promise<string> {
  const created = await h.call<{ id: string }>('POST', '/api/v1/vacancies', vacancyBody(orgId, { title }), { token: employer.token });
  expect(created.status).toBe(201);
  expect((await h.call('POST', `/api/v1/vacancies/${created.body.id}/publish`, undefined, { token: employer.token })).status).toBe(200);
  return created.body.id;
}

/** A server-sent-events client over fetch (browsers use EventSource or a fetch-based equivalent). */
class EventStream {
  readonly events: { id: string; event: string; data: Notification }[] = [];
  private readonly controller = new AbortController();
  status = 0;

  static async open(baseUrl: string, token: string, lastEventId?: string): Promise<EventStream> {
    const stream = new EventStream();
    const response = await fetch(`${baseUrl}/api/v1/me/notifications/stream`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'accept-language': 'ar', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: stream.controller.signal,
    });
    stream.status = response.status;
    if (response.ok && response.body) void stream.read(response.body);
    return stream;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
          if (fields['event'] === 'notification') this.events.push({ id: fields['id']!, event: fields['event'], data: JSON.parse(fields['data']!) as Notification });
        }
      }
    } catch {
      // aborted
    }
  }

  close(): void {
    this.controller.abort();
  }
}

describe('notifications through the gateway', () => {
  it('tells the seeker of a match and the employer of an application, in-app and by e-mail, each in their language', async () => {
    const vacancyId = await publishedVacancy({ ar: 'مشرف سلامة في الدوحة', en: 'Safety supervisor in Doha' });
    const match = await eventually(async () => {
      const page = await h.call<Page>('GET', '/api/v1/me/notifications', undefined, { token: seeker.token, lang: 'ar' });
      return page.body.items?.find((n) => n.type === 'match.found' && n.link === `/vacancies/${vacancyId}`);
    });
    expect(match.title).toBe('وظيفة تناسب ملفك: مشرف سلامة في الدوحة');
    const mail = await eventually(async () => h.smtp.to(seeker.email).find((m) => m.subject?.includes('مشرف سلامة في الدوحة')));
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');

    expect((await h.call('POST', `/api/v1/vacancies/${vacancyId}/applications`, { coverNote: 'مهتمة جدًا' }, { token: seeker.token })).status).toBe(201);
    const received = await eventually(async () => {
      const page = await h.call<Page>('GET', '/api/v1/me/notifications?unread=true', undefined, { token: employer.token });
      return page.body.items?.find((n) => n.type === 'application.received');
    });
    expect(received.title).toBe('New application for Safety supervisor in Doha');
    const employerMail = await eventually(async () => h.smtp.to(employer.email)[0]);
    expect(employerMail.html).toContain('<html lang="en" dir="ltr">');

    const count = await h.call<{ count: number }>('GET', '/api/v1/me/notifications/unread-count', undefined, { token: employer.token });
    expect(count.body.count).toBeGreaterThanOrEqual(1);
    const read = await h.call<Notification>('POST', `/api/v1/me/notifications/${received.id}/read`, undefined, { token: employer.token });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const all = await h.call<{ marked: number }>('POST', '/api/v1/me/notifications/read-all', undefined, { token: employer.token });
    expect(all.status).toBe(200);
    expect((await h.call<{ count: number }>('GET', '/api/v1/me/notifications/unread-count', undefined, { token: employer.token })).body.count).toBe(0);
  });

  it('pushes new notifications over server-sent events, and resumes from Last-Event-ID on another gateway replica', async () => {
    const vacancyId = await publishedVacancy({ ar: 'مفتش سلامة', en: 'Safety inspector' });
    const applied = await h.call<{ id: string }>('POST', `/api/v1/vacancies/${vacancyId}/applications`, { coverNote: 'نعم' }, { token: seeker.token });
    expect(applied.status).toBe(201);
    // Let the match and anything else already on its way arrive before the stream opens.
    await eventually(async () => (await h.call<Page>('GET', '/api/v1/me/notifications', undefined, { token: seeker.token })).body.items.some((n) => n.link === `/vacancies/${vacancyId}`));

    const live = await EventStream.open(secondGateway, seeker.token);
    expect(live.status).toBe(200);
    expect((await h.call('PATCH', `/api/v1/applications/${applied.body.id}`, { status: 'shortlisted' }, { token: employer.token })).status).toBe(200);
    const pushed = await eventually(async () => live.events.find((e) => e.data.type === 'application.status-changed'));
    expect(pushed.data.title).toBe('أنت في القائمة المختصرة: مفتش سلامة');
    expect(pushed.id).toBe(pushed.data.sequence);
    expect(second.get(NotificationStreamHub).openStreams).toBe(1);
    live.close();
    // The replica lets go of a stream whose client went away.
    await eventually(async () => second.get(NotificationStreamHub).openStreams === 0);

    // Missed while disconnected: delivered first on reconnecting, through the other replica.
    expect((await h.call('PATCH', `/api/v1/applications/${applied.body.id}`, { status: 'interview' }, { token: employer.token })).status).toBe(200);
    await eventually(async () => (await h.call<Page>('GET', '/api/v1/me/notifications', undefined, { token: seeker.token })).body.items.some((n) => n.title.includes('Interview')));
    const resumed = await EventStream.open(h.baseUrl, seeker.token, pushed.id);
    const missed = await eventually(async () => resumed.events[0]);
    expect(missed.data.title).toBe('دعوة إلى مقابلة: مفتش سلامة');
    expect(resumed.events.filter((e) => e.id === pushed.id)).toEqual([]);
    resumed.close();

    const bad = await fetch(`${h.baseUrl}/api/v1/me/notifications/stream`, { headers: { authorization: `Bearer ${seeker.token}`, 'last-event-id': 'yesterday' } });
    expect(bad.status).toBe(400);
    expect((await fetch(`${h.baseUrl}/api/v1/me/notifications/stream`)).status).toBe(401);
  });

  it('lets each user see and mark only their own notifications, and refuses bad input', async () => {
    const mine = (await h.call<Page>('GET', '/api/v1/me/notifications', undefined, { token: seeker.token })).body.items[0]!;
    const theirs = await h.call<Problem>('POST', `/api/v1/me/notifications/${mine.id}/read`, undefined, { token: other.token });
    expect(theirs.status).toBe(404);
    expect((await h.call<Page>('GET', '/api/v1/me/notifications', undefined, { token: other.token })).body.items.find((n) => n.id === mine.id)).toBeUndefined();
    expect((await h.call('GET', '/api/v1/me/notifications')).status).toBe(401);
    const notUuid = await h.call<Problem>('POST', '/api/v1/me/notifications/not-a-uuid/read', undefined, { token: seeker.token });
    expect(notUuid.status).toBe(400);
    const badFilter = await h.call<Problem>('GET', '/api/v1/me/notifications?unread=maybe', undefined, { token: seeker.token });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors?.[0]).toMatchObject({ field: 'unread' });
    const badPrefs = await h.call<Problem>('PUT', '/api/v1/me/notification-preferences', { categories: [{ category: 'matches', inApp: true, email: true, emailMode: 'hourly' }] }, { token: seeker.token, lang: 'fr' });
    expect(badPrefs.status).toBe(400);
    expect(badPrefs.body.errors?.[0]).toMatchObject({ field: 'categories[0].emailMode', rule: 'isIn' });
  });

  it('includes notifications and preferences in the personal data export', async () => {
    const exported = await h.call<{ notifications: Notification[]; notificationPreferences: { categories: { category: string; emailMode: string }[] } }>(
      'GET',
      '/api/v1/me/profile/export',
      undefined,
      { token: seeker.token, lang: 'ar' },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.notifications.some((n) => n.type === 'match.found')).toBe(true);
    expect(exported.body.notificationPreferences.categories.find((c) => c.category === 'matches')?.emailMode).toBe('immediate');
  });
});
