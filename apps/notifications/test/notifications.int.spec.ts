import { randomUUID } from 'node:crypto';
import type { NotificationView } from '@olp/contracts';
import { DomainError } from '@olp/contracts';
import { eventually } from '@olp/testing';
import { ACTIVITY_TITLE, NotificationsHarness, TITLE, user } from './notifications-harness.js';

const h = new NotificationsHarness();

beforeAll(async () => {
  // Two replicas share the queue: every assertion on "exactly one e-mail" covers both.
  await h.start('notifications', {}, 2);
});

afterAll(async () => {
  await h.stop();
});

async function inbox(userId: string, locale: 'ar' | 'en' | 'fr' = 'en', unread?: boolean): Promise<NotificationView[]> {
  const page = await h.rpc.request('rpc.notifications.list.v1', unread === undefined ? {} : { unread }, { principal: user(userId), locale });
  return page.items;
}

async function immediateEverything(userId: string, quietHours: { start: string; end: string } | null = null): Promise<void> {
  await h.rpc.request(
    'rpc.notifications.put-preferences.v1',
    { categories: (['matches', 'applications', 'programmes'] as const).map((category) => ({ category, inApp: true, email: true, emailMode: 'immediate' as const })), quietHours },
    { principal: user(userId) },
  );
}

describe('a match reaches the seeker in their language, in the app and by e-mail', () => {
  it('stores an in-app notification and sends an Arabic e-mail naming the vacancy, right to left', async () => {
    const amina = await h.register({ locale: 'ar', displayName: 'أمينة الحسن' });
    await immediateEverything(amina.userId);
    const event = await h.matchFound(amina.userId, { score: 0.87 });
    await h.notified(event.id, amina.userId);

    const [item] = await inbox(amina.userId, 'ar');
    expect(item).toMatchObject({ category: 'matches', type: 'match.found', title: `وظيفة تناسب ملفك: ${TITLE.ar}`, link: `/vacancies/${event.data.vacancyId}`, readAt: null });
    expect(item!.refs).toEqual({ vacancyId: event.data.vacancyId });
    // The same notification read in French renders in French.
    expect((await inbox(amina.userId, 'fr'))[0]!.title).toBe(`Une offre correspond à votre profil : ${TITLE.fr}`);

    const mail = await eventually(async () => h.smtp.to(amina.email)[0]);
    expect(mail.subject).toBe(`وظيفة تناسب ملفك: ${TITLE.ar}`);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain(TITLE.ar);
    expect(mail.html).toContain('أمينة الحسن');
    expect(mail.html).toContain(`https://portal.olp.test/vacancies/${event.data.vacancyId}`);
    expect(mail.text).toContain(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.87));
    expect(mail.headers.get('content-language')).toBe('ar');
    await eventually(async () => (await inbox(amina.userId))[0]!.email.status === 'sent');
    expect((await inbox(amina.userId))[0]!.email).toMatchObject({ status: 'sent', attempts: 1, dueAt: null });
  });

  it('tells an employer’s members of a new application, in English with the date in their zone', async () => {
    const hr = await h.register({ locale: 'en', displayName: 'Omar', timeZone: 'Asia/Qatar', roles: ['employer'] });
    const other = await h.register({ locale: 'fr', displayName: 'Léa', timeZone: 'Africa/Casablanca', roles: ['employer'] });
    const event = await h.publish('vacancies.application.submitted.v1', {
      applicationId: randomUUID(),
      vacancyId: randomUUID(),
      employerId: randomUUID(),
      seekerId: randomUUID(),
      vacancyTitle: TITLE,
      employerMemberIds: [hr.userId, other.userId],
      submittedAt: '2026-03-01T22:30:00.000Z',
    });
    const omar = await eventually(async () => h.smtp.to(hr.email)[0]);
    expect(omar.subject).toBe(`New application for ${TITLE.en}`);
    expect(omar.text).toContain('on March 2, 2026'); // 01:30 in Doha
    expect(omar.html).toContain('<html lang="en" dir="ltr">');
    const lea = await eventually(async () => h.smtp.to(other.email)[0]);
    expect(lea.subject).toBe(`Nouvelle candidature pour ${TITLE.fr}`);
    expect(lea.text).toContain('le 1 mars 2026'); // 22:30 in Casablanca (Ramadan: UTC+0)
    expect((await h.db.query(`SELECT 1 FROM notifications.notifications WHERE event_id = $1`, [event.id])).length).toBe(2);
  });
});

describe('exactly once', () => {
  it('keeps one notification and one e-mail per (event, recipient, channel) however often the event is redelivered', async () => {
    const karim = await h.register({ locale: 'fr', displayName: 'Karim' });
    const event = await h.statusChanged(karim.userId, { to: 'interview' });
    for (let i = 0; i < 3; i++) await h.publishEnvelope('vacancies.application.status-changed.v1', event, randomUUID());
    await h.notified(event.id, karim.userId);
    await eventually(async () => h.smtp.to(karim.email).length === 1);
    // Let every redelivery be handled and both replicas run further passes.
    await eventually(async () => {
      const info = await h.jsm.consumers.info(h.ns.stream('VACANCIES'), 'notifications-dispatch');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
    await Promise.all([h.pass(0), h.pass(1)]);
    expect(await h.rowsFor('notifications', karim.userId)).toHaveLength(1);
    expect(await h.rowsFor('deliveries', karim.userId)).toHaveLength(1);
    expect(h.smtp.to(karim.email)).toHaveLength(1);
    expect(h.smtp.to(karim.email)[0]!.subject).toBe(`Invitation à un entretien : ${TITLE.fr}`);
    expect(await inbox(karim.userId)).toHaveLength(1);
  });
});

describe('many recipients', () => {
  it('tells every applicant of a closed vacancy in one transaction, skipping the erased, each with their next sequence', async () => {
    const known = await h.register({ locale: 'fr' });
    const earlier = await h.statusChanged(known.userId);
    await h.notified(earlier.id, known.userId);
    const erased = randomUUID();
    await h.publish('seekers.seeker.erased.v1', { userId: erased, erasedAt: new Date().toISOString() }, erased);
    await eventually(async () => (await h.db.query(`SELECT 1 FROM notifications.erased_users WHERE user_id = $1`, [erased])).length > 0);
    const applicants = [known.userId, erased, ...Array.from({ length: 400 }, () => randomUUID())];
    const closed = await h.vacancyClosed([...applicants, known.userId], { reason: 'expired' });
    await h.notified(closed.id, known.userId);
    const rows = await h.db.query<{ recipient_id: string; sequence: string }>(`SELECT recipient_id, sequence FROM notifications.notifications WHERE event_id = $1`, [closed.id]);
    expect(rows).toHaveLength(401);
    expect(rows.some((r) => r.recipient_id === erased)).toBe(false);
    expect(rows.find((r) => r.recipient_id === known.userId)!.sequence).toBe('2');
    expect((await h.db.query(`SELECT 1 FROM notifications.deliveries d JOIN notifications.notifications n ON n.id = d.notification_id WHERE n.event_id = $1`, [closed.id])).length).toBe(401);
    // The gateways hear of all 401 in one event (ids and each recipient's sequence).
    const created = await h.db.query<{ entries: { notificationId: string; userId: string; sequence: number }[] }>(
      `SELECT envelope->'data'->'notifications' AS entries FROM notifications.outbox o WHERE subject = 'notifications.notifications.created.v1'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(o.envelope->'data'->'notifications') e JOIN notifications.notifications n ON n.id::text = e->>'notificationId' WHERE n.event_id = $1)`,
      [closed.id],
    );
    const entries = created.flatMap((c) => c.entries);
    expect(created).toHaveLength(1);
    expect(entries).toHaveLength(401);
    expect(entries.find((e) => e.userId === known.userId)!.sequence).toBe(2);
    const mail = await eventually(async () => h.smtp.to(known.email).find((m) => m.subject === `Offre clôturée : ${TITLE.fr}`));
    expect(mail.text).toContain('a atteint sa date de clôture');
  });
});

describe('a burst of announcements', () => {
  it('tells each seeker an announcement names once, in their own language and with their own score, however often it is delivered', async () => {
    const [ar, fr, en] = [await h.register({ locale: 'ar' }), await h.register({ locale: 'fr' }), await h.register({ locale: 'en' })];
    const seekers = [
      { seekerId: ar.userId, score: 0.91 },
      { seekerId: fr.userId, score: 0.74 },
      { seekerId: en.userId, score: 0.66 },
    ];
    const event = await h.matchesFound(seekers);
    await h.publishEnvelope('matching.matches.found.v1', event, randomUUID());
    for (const { seekerId } of seekers) await h.notified(event.id, seekerId);
    await h.publishEnvelope('matching.matches.found.v1', event, randomUUID());

    const [arabic] = await inbox(ar.userId, 'ar');
    expect(arabic).toMatchObject({ type: 'match.found', title: `وظيفة تناسب ملفك: ${TITLE.ar}`, refs: { vacancyId: event.data.vacancyId } });
    expect((await inbox(fr.userId, 'fr'))[0]!.title).toBe(`Une offre correspond à votre profil : ${TITLE.fr}`);
    await h.dispatchDrained('MATCHING');
    for (const { seekerId, score } of seekers) {
      const rows = await h.rowsFor<{ event_id: string; params: { score: number } }>('notifications', seekerId);
      expect(rows.map((r) => [r.event_id, r.params.score])).toEqual([[event.id, score]]);
    }
  });

  it('stores every match of a burst once, each recipient’s sequences contiguous, however the events were batched or redelivered', async () => {
    const [a, b] = [await h.register({ locale: 'en' }), await h.register({ locale: 'ar' })];
    const events = [];
    // Published back to back, so the consumer takes many at once (several for one recipient in a batch).
    for (let i = 0; i < 30; i++) events.push(await h.matchFound(i % 3 === 0 ? b.userId : a.userId, { score: 0.7 + i / 100 }));
    for (const event of events.slice(0, 5)) await h.publishEnvelope('matching.matches.found.v1', event, randomUUID());
    for (const event of events) await h.notified(event.id, event.data.seekers[0]!.seekerId);
    for (const [user, count] of [
      [a.userId, 20],
      [b.userId, 10],
    ] as const) {
      const rows = await h.db.query<{ sequence: string }>(`SELECT sequence FROM notifications.notifications WHERE recipient_id = $1 ORDER BY sequence`, [user]);
      expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });
});

describe('sending failures', () => {
  it('loses nothing while the SMTP server is down, and sends once it is back', async () => {
    const seeker = await h.register({ locale: 'en' });
    await h.smtp.stop();
    try {
      const event = await h.statusChanged(seeker.userId, { to: 'offer' });
      await h.notified(event.id, seeker.userId);
      // Attempts fail and are rescheduled with backoff, the error kept.
      const retrying = await eventually(async () => {
        const [d] = await h.rowsFor<{ attempts: number; status: string; last_error: string }>('deliveries', seeker.userId);
        return d && d.attempts >= 2 ? d : undefined;
      });
      expect(retrying.status).toBe('pending');
      expect(retrying.last_error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await h.smtp.start();
    }
    const mail = await eventually(async () => h.smtp.to(seeker.email)[0], 20_000);
    expect(mail.subject).toBe(`You have an offer: ${TITLE.en}`);
    // The SMTP server has the message before the worker records the send: wait for the record.
    const delivered = await eventually(async () => {
      const [d] = await h.rowsFor<{ status: string; last_error: string | null }>('deliveries', seeker.userId);
      return d?.status === 'pending' ? undefined : d;
    });
    expect(delivered).toMatchObject({ status: 'sent', last_error: null });
  });

  it('ends in a visible failed state after the last attempt', async () => {
    const seeker = await h.register({ locale: 'en' });
    h.smtp.refuse = true;
    try {
      const event = await h.statusChanged(seeker.userId, { to: 'rejected' });
      await h.notified(event.id, seeker.userId);
      const failed = await eventually(async () => {
        const [item] = await inbox(seeker.userId);
        return item?.email.status === 'failed' ? item : undefined;
      }, 30_000);
      expect(failed.email.attempts).toBe(h.config().DELIVERY_MAX_ATTEMPTS);
      const [row] = await h.rowsFor<{ last_error: string }>('deliveries', seeker.userId);
      expect(row!.last_error).toMatch(/550|Mailbox unavailable/);
    } finally {
      h.smtp.refuse = false;
    }
    // Failed stays failed: no further attempt once the server accepts again.
    await Promise.all([h.pass(0), h.pass(1)]);
    expect(h.smtp.to(seeker.email)).toHaveLength(0);
    // Visible to operations too: the queue gauge (any replica) and the failure counter (the replica that gave up).
    const metrics = await Promise.all(h.apps.map(async (app) => (await fetch(`${await app.getUrl()}/metrics`)).text()));
    expect(metrics[0]).toMatch(/olp_notifications_emails\{[^}]*status="failed"[^}]*\} [1-9]/);
    expect(metrics.join('\n')).toMatch(/olp_notifications_emails_total\{[^}]*outcome="failed"[^}]*\} [1-9]/);
  });
});

describe('preferences', () => {
  it('respects an opt-out, and ignores it for a critical category', async () => {
    const seeker = await h.register({ locale: 'ar' });
    const saved = await h.rpc.request(
      'rpc.notifications.put-preferences.v1',
      {
        categories: [
          { category: 'applications', inApp: false, email: false, emailMode: 'immediate' },
          { category: 'essential', inApp: false, email: false, emailMode: 'immediate' },
        ],
      },
      { principal: user(seeker.userId) },
    );
    expect(saved.categories.find((c) => c.category === 'applications')).toMatchObject({ inApp: false, email: false, critical: false });
    expect(saved.categories.find((c) => c.category === 'essential')).toMatchObject({ critical: true });
    expect(saved.timeZone).toBe('Asia/Qatar');

    const ignored = await h.statusChanged(seeker.userId);
    const closed = await h.vacancyClosed([seeker.userId]);
    await h.notified(closed.id, seeker.userId);
    const mail = await eventually(async () => h.smtp.to(seeker.email)[0]);
    expect(mail.subject).toBe(`أُغلقت الوظيفة: ${TITLE.ar}`);
    expect(mail.text).toContain('شُغلت');
    // The opted-out event was handled (acknowledged) and left nothing.
    await eventually(async () => (await h.db.query(`SELECT 1 FROM notifications.inbox WHERE event_id = $1`, [ignored.id])).length > 0);
    expect(await h.db.query(`SELECT 1 FROM notifications.notifications WHERE event_id = $1`, [ignored.id])).toHaveLength(0);
    expect((await inbox(seeker.userId)).map((n) => n.type)).toEqual(['vacancy.closed']);
  });

  it('refuses invalid preferences with the fields named', async () => {
    const error = await h.rpc
      .request('rpc.notifications.put-preferences.v1', { categories: [{ category: 'spam', inApp: 'yes' }], quietHours: { start: '25:00', end: '7' } } as never, {
        principal: user(randomUUID()),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    const fields = ((error as DomainError).fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['categories[0].category', 'categories[0].inApp', 'quietHours.start', 'quietHours.end']));
  });
});

describe('quiet hours and the daily digest (in the recipient’s time zone)', () => {
  afterEach(() => h.clock.set(new Date()));

  it('holds an e-mail during quiet hours and sends it when they end', async () => {
    const seeker = await h.register({ locale: 'en', timeZone: 'Asia/Qatar' });
    await immediateEverything(seeker.userId, { start: '22:00', end: '07:00' });
    h.clock.set('2031-03-01T20:30:00Z'); // 23:30 in Doha
    const event = await h.statusChanged(seeker.userId, { to: 'hired' });
    await h.notified(event.id, seeker.userId);
    const deferred = await eventually(async () => {
      const [d] = await h.rowsFor<{ due_at: Date; status: string }>('deliveries', seeker.userId);
      return d && new Date(d.due_at).toISOString() === '2031-03-02T04:00:00.000Z' ? d : undefined;
    });
    expect(deferred.status).toBe('pending');
    // In the app at once, and its e-mail shows when it will go.
    expect((await inbox(seeker.userId))[0]!.email).toMatchObject({ status: 'pending', dueAt: '2031-03-02T04:00:00.000Z' });
    await Promise.all([h.pass(0), h.pass(1)]);
    expect(h.smtp.to(seeker.email)).toHaveLength(0);

    h.clock.set('2031-03-02T04:00:30Z'); // 07:00 in Doha
    const mail = await eventually(async () => h.smtp.to(seeker.email)[0]);
    expect(mail.subject).toBe(`You are hired: ${TITLE.en}`);
  });

  it('stores a digest e-mail held for the next digest at once, and leaves it to the worker while the directory lacks the recipient', async () => {
    const known = await h.register({ timeZone: 'Asia/Jakarta' });
    const unknown = randomUUID();
    h.clock.set('2032-02-01T00:30:00Z'); // 07:30 in Jakarta: the digest at 08:00 today
    const { writer, db } = h.writer();
    const match = (recipientId: string) => ({
      recipientId,
      category: 'matches' as const,
      type: 'match.found' as const,
      params: { vacancyTitle: TITLE, score: 0.8 },
      refs: { vacancyId: randomUUID() },
      link: '/matches',
    });
    // Inside the writing transaction, before any delivery pass can see the rows.
    const rows = await db.transaction(async (em) => {
      await writer.writeMany(em, [
        { eventId: randomUUID(), dispatches: [match(known.userId)] },
        { eventId: randomUUID(), dispatches: [match(unknown)] },
      ]);
      return em.query(`SELECT recipient_id, status, due_at, held_at FROM notifications.deliveries WHERE recipient_id = ANY($1::uuid[])`, [[known.userId, unknown]]);
    });
    const byRecipient = new Map(rows.map((r: { recipient_id: string }) => [r.recipient_id, r]));
    expect(byRecipient.get(known.userId)).toMatchObject({ status: 'held', due_at: new Date('2032-02-01T01:00:00Z'), held_at: expect.any(Date) });
    expect(byRecipient.get(unknown)).toMatchObject({ status: 'pending', held_at: null });
  });

  it('looks for due digests once a DIGEST_CHECK_MS (60 s) per replica: a digest opens at most that late', async () => {
    const seeker = await h.register({ timeZone: 'Asia/Qatar' });
    h.clock.set('2034-03-01T04:59:30Z'); // 07:59:30 in Doha, half a minute before the digest hour
    const event = await h.matchFound(seeker.userId);
    await h.notified(event.id, seeker.userId);
    await eventually(async () => (await h.rowsFor<{ status: string }>('deliveries', seeker.userId))[0]?.status === 'held');
    await Promise.all([h.pass(0), h.pass(1)]); // both replicas looked: nothing was due
    h.clock.set('2034-03-01T05:00:05Z'); // past the digest hour, but within a minute of the last look
    await Promise.all([h.pass(0), h.pass(1)]);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.smtp.to(seeker.email)).toHaveLength(0);
    h.clock.set('2034-03-01T05:00:45Z'); // a minute after the last look
    const digest = await eventually(async () => h.smtp.to(seeker.email)[0]);
    expect(digest.subject).toBe('ملخصك اليومي: إشعار واحد');
  });

  it('gathers held e-mails into one digest per user per day, at the digest hour', async () => {
    const seeker = await h.register({ locale: 'ar', timeZone: 'Asia/Qatar', displayName: 'سارة' });
    // Matches go to the daily digest by default.
    h.clock.set('2031-04-10T07:00:00Z'); // 10:00 in Doha
    const events = [];
    for (let i = 0; i < 3; i++) events.push(await h.matchFound(seeker.userId, { vacancyTitle: { ar: `وظيفة رقم ${i + 1}`, en: `Job ${i + 1}` } }));
    for (const e of events) await h.notified(e.id, seeker.userId);
    await eventually(async () => (await h.rowsFor<{ status: string }>('deliveries', seeker.userId)).every((d) => d.status === 'held'));
    const [held] = await inbox(seeker.userId);
    expect(held!.email).toMatchObject({ status: 'held', dueAt: '2031-04-11T05:00:00.000Z' }); // 08:00 tomorrow in Doha
    await Promise.all([h.pass(0), h.pass(1)]);
    expect(h.smtp.to(seeker.email)).toHaveLength(0);

    h.clock.set('2031-04-11T05:00:10Z'); // 08:00 in Doha
    const digest = await eventually(async () => h.smtp.to(seeker.email)[0]);
    expect(digest.subject).toBe('ملخصك اليومي: 3 إشعارات');
    expect(digest.html).toContain('<html lang="ar" dir="rtl">');
    for (let i = 1; i <= 3; i++) expect(digest.html).toContain(`وظيفة رقم ${i}`);
    await eventually(async () => (await h.rowsFor<{ status: string }>('deliveries', seeker.userId)).every((d) => d.status === 'sent'));

    // Later that day: held for tomorrow's digest, never a second one today.
    h.clock.set('2031-04-11T09:00:00Z');
    const late = await h.matchFound(seeker.userId);
    await h.notified(late.id, seeker.userId);
    await eventually(async () => (await h.rowsFor<{ status: string }>('deliveries', seeker.userId)).some((d) => d.status === 'held'));
    await Promise.all([h.pass(0), h.pass(1)]);
    expect(h.smtp.to(seeker.email)).toHaveLength(1);
    h.clock.set('2031-04-12T05:00:10Z');
    const next = await eventually(async () => h.smtp.to(seeker.email)[1]);
    expect(next.subject).toBe('ملخصك اليومي: إشعار واحد');
    const digests = await eventually(async () => {
      const rows = await h.rowsFor<{ item_count: number; status: string }>('digests', seeker.userId);
      return rows.every((d) => d.status === 'sent') ? rows : undefined;
    });
    expect(digests.map((d) => [d.item_count, d.status])).toEqual(expect.arrayContaining([[3, 'sent'], [1, 'sent']]));
    expect(digests).toHaveLength(2);
  });
});

describe('one pass, many outcomes', () => {
  afterEach(() => h.clock.set(new Date()));

  it('decides every claimed e-mail on its own: held per zone, deferred, then sent or cancelled together', async () => {
    const quiet = { start: '22:00', end: '07:00' };
    const [a, b, c] = [await h.register({ timeZone: 'Asia/Qatar' }), await h.register({ timeZone: 'Asia/Qatar' }), await h.register({ timeZone: 'Asia/Qatar' })];
    for (const u of [a, b, c]) await immediateEverything(u.userId, quiet);
    const doha = await h.register({ timeZone: 'Asia/Qatar' });
    const jakarta = await h.register({ timeZone: 'Asia/Jakarta' });
    h.clock.set('2033-05-10T20:30:00Z'); // 23:30 in Doha, 03:30 the next day in Jakarta
    const events = [
      [await h.statusChanged(a.userId), a],
      [await h.statusChanged(b.userId), b],
      [await h.statusChanged(c.userId), c],
      [await h.matchFound(doha.userId), doha],
      [await h.matchFound(jakarta.userId), jakarta],
    ] as const;
    for (const [event, u] of events) await h.notified(event.id, u.userId);
    const due = async (u: { userId: string }) => {
      const [d] = await h.rowsFor<{ status: string; due_at: Date }>('deliveries', u.userId);
      return d ? `${d.status} ${new Date(d.due_at).toISOString()}` : undefined;
    };
    // Quiet hours until 07:00 Doha; matches held for the next 08:00 in each one's own zone (held
    // when stored: the worker has nothing to decide for them).
    const deferred = 'pending 2033-05-11T04:00:00.000Z';
    await eventually(async () => (await due(a)) === deferred && (await due(b)) === deferred && (await due(c)) === deferred);
    expect(await Promise.all([a, b, c, doha, jakarta].map(due))).toEqual([
      'pending 2033-05-11T04:00:00.000Z',
      'pending 2033-05-11T04:00:00.000Z',
      'pending 2033-05-11T04:00:00.000Z',
      'held 2033-05-11T05:00:00.000Z',
      'held 2033-05-11T01:00:00.000Z',
    ]);
    // c switches e-mail off while waiting; a, b and c come due in the same pass.
    await h.rpc.request(
      'rpc.notifications.put-preferences.v1',
      { categories: [{ category: 'applications', inApp: true, email: false, emailMode: 'immediate' }], quietHours: quiet },
      { principal: user(c.userId) },
    );
    h.clock.set('2033-05-11T04:00:30Z'); // 07:00 in Doha, 11:00 in Jakarta
    await eventually(async () => (await due(a))?.startsWith('sent') && (await due(b))?.startsWith('sent') && (await due(c))?.startsWith('cancelled') && (await due(jakarta))?.startsWith('sent'));
    await Promise.all([h.pass(0), h.pass(1)]);
    expect([a, b, c, doha, jakarta].map((u) => h.smtp.to(u.email).length)).toEqual([1, 1, 0, 0, 1]);
    expect(await due(doha)).toBe('held 2033-05-11T05:00:00.000Z');
  });
});

describe('changing one’s mind', () => {
  afterEach(() => h.clock.set(new Date()));

  it('creates what the stored preferences ask for: no e-mail row when e-mail is off, not in the app when that is off', async () => {
    const seeker = await h.register({ locale: 'fr', timeZone: 'Asia/Qatar' });
    await h.rpc.request(
      'rpc.notifications.put-preferences.v1',
      {
        categories: [
          { category: 'matches', inApp: false, email: true, emailMode: 'immediate' },
          { category: 'applications', inApp: true, email: false, emailMode: 'immediate' },
        ],
      },
      { principal: user(seeker.userId) },
    );
    const match = await h.matchFound(seeker.userId);
    const status = await h.statusChanged(seeker.userId);
    await h.notified(match.id, seeker.userId);
    await h.notified(status.id, seeker.userId);
    const notifications = await h.rowsFor<{ id: string; type: string; in_app: boolean; sequence: string | null }>('notifications', seeker.userId);
    const byType = Object.fromEntries(notifications.map((n) => [n.type, n]));
    expect(byType['match.found']).toMatchObject({ in_app: false, sequence: null });
    expect(byType['application.status-changed']).toMatchObject({ in_app: true, sequence: '1' });
    const deliveries = await h.rowsFor<{ notification_id: string }>('deliveries', seeker.userId);
    expect(deliveries.map((d) => d.notification_id)).toEqual([byType['match.found']!.id]);
    await eventually(async () => h.smtp.to(seeker.email)[0]);
  });

  it('drops a held e-mail from the digest when e-mail is switched off before it goes', async () => {
    const seeker = await h.register({ locale: 'en', timeZone: 'Asia/Qatar' });
    h.clock.set('2032-01-10T07:00:00Z');
    const event = await h.matchFound(seeker.userId);
    await h.notified(event.id, seeker.userId);
    await eventually(async () => (await h.rowsFor<{ status: string }>('deliveries', seeker.userId))[0]?.status === 'held');
    await h.rpc.request('rpc.notifications.put-preferences.v1', { categories: [{ category: 'matches', inApp: true, email: false, emailMode: 'daily' }] }, { principal: user(seeker.userId) });
    h.clock.set('2032-01-11T05:00:10Z');
    await eventually(async () => (await h.rowsFor<{ status: string }>('deliveries', seeker.userId))[0]?.status === 'cancelled');
    await Promise.all([h.pass(0), h.pass(1)]);
    expect(h.smtp.to(seeker.email)).toHaveLength(0);
    expect((await inbox(seeker.userId))[0]!.email.status).toBe('off');
  });
});

describe('the in-app inbox', () => {
  it('lists newest first with unread filter and cursor, counts, and marks read', async () => {
    const seeker = await h.register({ locale: 'en' });
    const events = [];
    for (let i = 0; i < 3; i++) {
      events.push(await h.statusChanged(seeker.userId, { vacancyTitle: { en: `Job ${i}` } }));
      await h.notified(events[i]!.id, seeker.userId);
    }
    const principal = { principal: user(seeker.userId), locale: 'en' as const };
    const first = await h.rpc.request('rpc.notifications.list.v1', { limit: 2 }, principal);
    expect(first.items.map((n) => n.title)).toEqual(['You are shortlisted: Job 2', 'You are shortlisted: Job 1']);
    const second = await h.rpc.request('rpc.notifications.list.v1', { limit: 2, cursor: first.nextCursor! }, principal);
    expect(second.items.map((n) => n.title)).toEqual(['You are shortlisted: Job 0']);
    expect(second.nextCursor).toBeNull();
    expect((await h.rpc.request('rpc.notifications.unread-count.v1', {}, principal)).count).toBe(3);

    const read = await h.rpc.request('rpc.notifications.mark-read.v1', { notificationId: first.items[0]!.id }, principal);
    expect(read.readAt).not.toBeNull();
    expect((await inbox(seeker.userId, 'en', true)).map((n) => n.title)).toEqual(['You are shortlisted: Job 1', 'You are shortlisted: Job 0']);
    expect(await h.rpc.request('rpc.notifications.mark-all-read.v1', {}, principal)).toEqual({ marked: 2 });
    expect((await h.rpc.request('rpc.notifications.unread-count.v1', {}, principal)).count).toBe(0);

    const since = await h.rpc.request('rpc.notifications.since.v1', { afterSequence: first.items[1]!.sequence }, principal);
    expect(since.items.map((n) => n.title)).toEqual(['You are shortlisted: Job 2']);
  });

  it('lets a user see and mark only their own notifications', async () => {
    const owner = await h.register();
    const intruder = await h.register();
    const event = await h.statusChanged(owner.userId);
    await h.notified(event.id, owner.userId);
    const [mine] = await inbox(owner.userId);
    expect(await inbox(intruder.userId)).toEqual([]);
    await expect(h.rpc.request('rpc.notifications.mark-read.v1', { notificationId: mine!.id }, { principal: user(intruder.userId) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await inbox(owner.userId))[0]!.readAt).toBeNull();
    await expect(h.rpc.request('rpc.notifications.list.v1', {}, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('programme activities', () => {
  it('invites the focal points of the beneficiary countries to nominate, each in their language, once however often the event comes', async () => {
    const senegal = await h.register({ locale: 'fr', displayName: 'Awa', country: 'SN', timeZone: 'Africa/Dakar', roles: ['focal-point'], countryScope: ['SN'] });
    const maghreb = await h.register({ locale: 'ar', displayName: 'يوسف', country: 'MA', timeZone: 'Africa/Casablanca', roles: ['focal-point'], countryScope: ['TN', 'MA'] });
    const turkey = await h.register({ locale: 'en', displayName: 'Elif', country: 'TR', timeZone: 'Europe/Istanbul', roles: ['focal-point'], countryScope: ['TR'] });
    const coordinator = await h.register({ locale: 'en', country: 'SN', roles: ['coordinator'], countryScope: ['SN'] });
    const seeker = await h.register({ locale: 'fr', country: 'SN', roles: ['seeker'] });
    // Made a focal point by an admin after registering: the update event carries the role and scope.
    const promoted = await h.register({ locale: 'en', displayName: 'Fatou', country: 'SN', timeZone: 'Africa/Dakar', roles: ['seeker'] });
    const { registeredAt: _r, ...snapshot } = promoted;
    await h.publish('identity.user.updated.v1', { ...snapshot, roles: ['focal-point'], countryScope: ['SN'], updatedAt: new Date().toISOString() }, promoted.userId);
    await eventually(async () => (await h.db.query(`SELECT 1 FROM notifications.recipients WHERE user_id = $1 AND 'focal-point' = ANY (roles)`, [promoted.userId])).length > 0);

    const event = await h.publish('programmes.activity.opened.v1', {
      ...h.activityFacts(),
      applicationDeadline: '2027-02-15',
      beneficiaryCountries: ['SN', 'MA', 'JO'],
      openedAt: new Date().toISOString(),
    });
    for (let i = 0; i < 2; i++) await h.publishEnvelope('programmes.activity.opened.v1', event, randomUUID());
    await h.notified(event.id, senegal.userId);
    await h.dispatchDrained('PROGRAMMES');

    const told = await h.db.query<{ recipient_id: string }>(`SELECT recipient_id FROM notifications.notifications WHERE event_id = $1 ORDER BY recipient_id`, [event.id]);
    expect(told.map((r) => r.recipient_id)).toEqual([senegal.userId, maghreb.userId, promoted.userId].sort());

    const awa = await eventually(async () => h.smtp.to(senegal.email)[0]);
    expect(awa.subject).toBe(`Appel à candidatures d’expert·e·s : ${ACTIVITY_TITLE.fr}`);
    expect(awa.text).toContain('d’ici le 15 février 2027');
    expect(awa.html).toContain('<html lang="fr" dir="ltr">');
    expect(awa.html).toContain(`https://portal.olp.test/activities/${event.data.activityId}`);
    const youssef = await eventually(async () => h.smtp.to(maghreb.email)[0]);
    expect(youssef.subject).toBe(`دعوة إلى ترشيح خبراء: ${ACTIVITY_TITLE.ar}`);
    expect(youssef.html).toContain('<html lang="ar" dir="rtl">');
    expect(youssef.text).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'Africa/Casablanca' }).format(new Date('2027-02-15T12:00:00Z')));
    const fatou = await eventually(async () => h.smtp.to(promoted.email)[0]);
    expect(fatou.subject).toBe(`Invitation to nominate experts: ${ACTIVITY_TITLE.en}`);
    expect(fatou.text).toContain('by February 15, 2027');
    const [item] = await inbox(senegal.userId, 'fr');
    expect(item).toMatchObject({ category: 'programmes', type: 'programme.activity.opened', refs: { activityId: event.data.activityId } });

    await Promise.all([h.pass(0), h.pass(1)]);
    for (const fp of [senegal, maghreb, promoted]) {
      expect(await h.rowsFor('notifications', fp.userId)).toHaveLength(1);
      expect(h.smtp.to(fp.email)).toHaveLength(1);
    }
    for (const other of [turkey, coordinator, seeker]) {
      expect(await h.rowsFor('notifications', other.userId)).toHaveLength(0);
      expect(h.smtp.to(other.email)).toHaveLength(0);
    }
  });

  it('tells the confirmed experts with an account that the activity is completed, in their language, once', async () => {
    const trainer = await h.register({ locale: 'ar', displayName: 'سارة', country: 'JO', timeZone: 'Asia/Amman' });
    const participant = await h.register({ locale: 'fr', displayName: 'Moussa', country: 'SN', timeZone: 'Africa/Dakar' });
    const event = await h.publish('programmes.activity.completed.v1', {
      ...h.activityFacts(),
      expertUserIds: [trainer.userId, participant.userId],
      completedAt: new Date().toISOString(),
    });
    await h.publishEnvelope('programmes.activity.completed.v1', event, randomUUID());
    await h.notified(event.id, participant.userId);
    await h.dispatchDrained('PROGRAMMES');

    const sara = await eventually(async () => h.smtp.to(trainer.email)[0]);
    expect(sara.subject).toBe(`اكتمل النشاط: ${ACTIVITY_TITLE.ar}`);
    expect(sara.html).toContain('<html lang="ar" dir="rtl">');
    const moussa = await eventually(async () => h.smtp.to(participant.email)[0]);
    expect(moussa.subject).toBe(`Activité terminée : ${ACTIVITY_TITLE.fr}`);
    expect(moussa.text).toContain('du 1 mars 2027 au 5 mars 2027');
    expect(moussa.text).toContain('votre attestation suivra');
    await Promise.all([h.pass(0), h.pass(1)]);
    expect((await h.db.query(`SELECT 1 FROM notifications.notifications WHERE event_id = $1`, [event.id])).length).toBe(2);
    for (const expert of [trainer, participant]) expect(h.smtp.to(expert.email)).toHaveLength(1);
  });
});

describe('export and erasure', () => {
  it('exports notifications and preferences, and erasure leaves nothing personal', async () => {
    const leaver = await h.register({ locale: 'fr', displayName: 'Zeynep Erasmus', email: 'zeynep.erasmus@example.tn', roles: ['focal-point'], countryScope: ['TN'], timeZone: 'Asia/Qatar' });
    // Quiet hours to export, placed hours away from now in Doha (UTC+3, no daylight saving): the
    // e-mail below must go out at once whatever the time of day the suite runs.
    const dohaHour = (new Date().getUTCHours() + 3) % 24;
    const at = (hours: number) => `${String((dohaHour + hours) % 24).padStart(2, '0')}:00`;
    const quietHours = { start: at(4), end: at(8) };
    await immediateEverything(leaver.userId, quietHours);
    const event = await h.statusChanged(leaver.userId);
    await h.notified(event.id, leaver.userId);
    await eventually(async () => h.smtp.to(leaver.email)[0]);
    // Told together with someone else: one notifications.created event names them both.
    const stayer = await h.register({ locale: 'en' });
    const closed = await h.vacancyClosed([leaver.userId, stayer.userId]);
    await h.notified(closed.id, stayer.userId);
    const shared = async () =>
      h.db.query<{ users: string[] }>(
        `SELECT ARRAY(SELECT e->>'userId' FROM jsonb_array_elements(envelope->'data'->'notifications') e) AS users FROM notifications.outbox
         WHERE subject = 'notifications.notifications.created.v1' AND envelope->'data'->'notifications' @> jsonb_build_array(jsonb_build_object('userId', $1::text))`,
        [stayer.userId],
      );
    expect((await shared()).map((r) => r.users.sort())).toEqual([[leaver.userId, stayer.userId].sort()]);
    const exported = await h.rpc.request('rpc.notifications.export.v1', {}, { principal: user(leaver.userId), locale: 'fr' });
    expect(exported.notifications).toHaveLength(2);
    expect(exported.notifications.map((n) => n.title)).toContain(`Vous êtes présélectionné·e : ${TITLE.fr}`);
    expect(exported.preferences.quietHours).toEqual(quietHours);

    await h.publish('seekers.seeker.erased.v1', { userId: leaver.userId, erasedAt: new Date().toISOString() }, leaver.userId);
    const tables = await h.db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'notifications' AND table_type = 'BASE TABLE'`);
    const leftovers = async () => {
      const found: string[] = [];
      for (const { table_name: table } of tables) {
        for (const needle of [leaver.email, leaver.displayName, 'zeynep']) {
          if ((await h.db.query(`SELECT 1 FROM notifications."${table}" t WHERE t::text ILIKE $1 LIMIT 1`, [`%${needle}%`])).length > 0) found.push(`${table}: ${needle}`);
        }
        if (table !== 'erased_users' && table !== 'inbox' && (await h.db.query(`SELECT 1 FROM notifications."${table}" t WHERE t::text ILIKE $1 LIMIT 1`, [`%${leaver.userId}%`])).length > 0) {
          found.push(`${table}: user id`);
        }
      }
      return found;
    };
    await eventually(async () => (await leftovers()).length === 0).catch(async () => {
      throw new Error(`left after erasure: ${(await leftovers()).join('; ')}`);
    });
    // The shared event still tells the gateways about the other recipient.
    expect((await shared()).map((r) => r.users)).toEqual([[stayer.userId]]);

    // A late event about the erased user brings nothing back.
    const late = await h.statusChanged(leaver.userId);
    await eventually(async () => (await h.db.query(`SELECT 1 FROM notifications.inbox WHERE event_id = $1`, [late.id])).length > 0);
    expect(await h.rowsFor('notifications', leaver.userId)).toHaveLength(0);
    // Nor is an erased focal point found among their country's focal points.
    const opened = await h.publish('programmes.activity.opened.v1', { ...h.activityFacts(), applicationDeadline: '2027-02-15', beneficiaryCountries: ['TN'], openedAt: new Date().toISOString() });
    await eventually(async () => (await h.db.query(`SELECT 1 FROM notifications.inbox WHERE event_id = $1`, [opened.id])).length > 0);
    expect(await h.rowsFor('notifications', leaver.userId)).toHaveLength(0);
    const { registeredAt: _registeredAt, ...snapshot } = leaver;
    await h.publish('identity.user.updated.v1', { ...snapshot, updatedAt: new Date().toISOString() }, leaver.userId);
    await eventually(async () => {
      const info = await h.jsm.consumers.info(h.ns.stream('IDENTITY'), 'notifications-directory');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
    expect(await h.db.query(`SELECT 1 FROM notifications.recipients WHERE user_id = $1`, [leaver.userId])).toHaveLength(0);
  });
});
