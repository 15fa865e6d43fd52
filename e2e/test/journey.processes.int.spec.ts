// Issue 5's first end-to-end journey, through the public HTTP API only, with every service its
// own process (built, as deployed) against real PostgreSQL and NATS, and an SMTP sink.
import { eventually } from '@olp/testing';
import type { ParsedMail } from 'mailparser';
import { actor, personalDataLeft, platformSchemas, profileBody, vacancyBody, type Actor } from '../src/labour-fixtures.js';
import { ProcessHarness } from '../src/process-harness.js';

type Vacancy = { id: string; status: string; applicationCount: number };
type Application = { id: string; status: string; coverNote?: string; profileSnapshot?: Record<string, unknown>; history: { status: string }[] };
type Notification = { id: string; type: string; title: string; body: string; link: string };
type Notifications = { items: Notification[] };
type SeekerMatches = { items: { vacancyId: string; displayTitle: string; score: number; reasons: { code: string; text: string }[] }[] };

const h = new ProcessHarness();

beforeAll(async () => {
  await h.start('journey');
}, 180_000);

afterAll(async () => {
  await h.stop();
}, 60_000);

const TITLE = { ar: 'مهندس سلامة مهنية في الدوحة', en: 'Occupational safety engineer in Doha' };
const SEEKER_NAME = 'نور الهدى عبد الرحمن';
const SEEKER_EMAIL = 'nour.journey@example.eg';
const FIELD = 'هندسة السلامة الإنشائية';
const COVER_NOTE = 'أرغب في الانضمام إلى فريقكم في الدوحة، رسالة فريدة 9c41.';

/** The caller's in-app notification of `type` linking to `link`, once it is there (Accept-Language: `lang`, if given). */
function notification(actor: Actor, type: string, link: string, lang?: string): Promise<Notification> {
  return eventually(
    async () => {
      const page = await h.call<Notifications>('GET', '/api/v1/me/notifications', undefined, { token: actor.token, ...(lang ? { lang } : {}) });
      return page.body.items?.find((n) => n.type === type && n.link === link);
    },
    30_000,
    100,
  );
}

/** The first e-mail to `address` whose subject satisfies `subject`, once the SMTP server has it. */
function mailTo(address: string, subject: (text: string) => boolean): Promise<ParsedMail> {
  return eventually(async () => h.smtp.to(address).find((m) => subject(m.subject ?? '')), 30_000, 100);
}

describe('the first journey, every service its own process', () => {
  let employer: Actor;
  let seeker: Actor;
  let vacancy: Vacancy;
  let applicationId: string;

  it('an employer registers, creates an organisation in Qatar and publishes a vacancy titled in Arabic and English', () =>
    h.explain(async () => {
      employer = await actor(h, 'hr.journey@doha-works.qa', 'employer', 'QA', 'fr');
      const org = await h.call<{ id: string }>('POST', '/api/v1/employers', { name: { ar: 'أعمال الدوحة', en: 'Doha Works' }, country: 'QA', isicSection: 'F', size: 'medium' }, { token: employer.token });
      expect(org.status).toBe(201);
      const created = await h.call<Vacancy>('POST', '/api/v1/vacancies', vacancyBody(org.body.id, { title: TITLE }), { token: employer.token });
      expect(created.status).toBe(201);
      const published = await h.call<Vacancy>('POST', `/api/v1/vacancies/${created.body.id}/publish`, undefined, { token: employer.token });
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');
      vacancy = published.body;
    }));

  it('a seeker living in Egypt, Arabic locale, speaking Arabic, willing to relocate to Qatar, with the essential skills, consents to matching', () =>
    h.explain(async () => {
      seeker = await actor(h, SEEKER_EMAIL, 'seeker', 'EG', 'ar');
      // Matches come in a daily digest by default; this seeker wants to hear of them at once.
      const prefs = await h.call('PUT', '/api/v1/me/notification-preferences', { categories: [{ category: 'matches', inApp: true, email: true, emailMode: 'immediate' }] }, { token: seeker.token });
      expect(prefs.status).toBe(200);
      const profile = profileBody({
        fullName: SEEKER_NAME,
        nationality: 'EG',
        residenceCountry: 'EG',
        languages: [{ code: 'ar', level: 'C2' }],
        education: { level: 6, field: FIELD },
        experience: [{ iscoCode: '2149', years: 6, employer: 'Cairo Constructions', country: 'EG' }],
        mobility: { relocate: 'listed', countries: ['QA'], remote: false },
        consentToMatching: true,
      });
      const saved = await h.call('PUT', '/api/v1/me/profile', profile, { token: seeker.token });
      expect(saved.status).toBe(200);
    }));

  it('GET /me/matches lists the vacancy with its Arabic title and reasons in Arabic', () =>
    h.explain(async () => {
      const match = await eventually(async () => {
        const response = await h.call<SeekerMatches>('GET', '/api/v1/me/matches', undefined, { token: seeker.token, lang: 'ar' });
        return response.body.items?.find((m) => m.vacancyId === vacancy.id);
      }, 30_000, 100);
      expect(match.displayTitle).toBe(TITLE.ar);
      expect(match.score).toBeGreaterThan(0.5);
      expect(match.reasons.length).toBeGreaterThan(0);
      expect(match.reasons.every((r) => /\p{Script=Arabic}/u.test(r.text))).toBe(true);
      expect(match.reasons.find((r) => r.code === 'location-relocate')?.text).toMatch(/قطر/);
    }));

  it('the seeker receives an in-app notification and an e-mail in Arabic naming the vacancy', () =>
    h.explain(async () => {
      const inApp = await notification(seeker, 'match.found', `/vacancies/${vacancy.id}`, 'ar');
      expect(inApp.title).toBe(`وظيفة تناسب ملفك: ${TITLE.ar}`);
      const mail = await mailTo(SEEKER_EMAIL, (subject) => subject.includes(TITLE.ar));
      expect(mail.subject).toMatch(/\p{Script=Arabic}/u);
      expect(mail.html).toContain('<html lang="ar" dir="rtl">');
      expect(mail.text).toContain(TITLE.ar);
    }));

  it('the seeker applies; the employer is told in French and sees the application; shortlists it; the seeker is told in Arabic', () =>
    h.explain(async () => {
      const applied = await h.call<Application>('POST', `/api/v1/vacancies/${vacancy.id}/applications`, { coverNote: COVER_NOTE }, { token: seeker.token });
      expect(applied.status).toBe(201);
      expect(applied.body.status).toBe('submitted');
      applicationId = applied.body.id;

      const received = await h.call<{ items: Application[] }>('GET', `/api/v1/vacancies/${vacancy.id}/applications`, undefined, { token: employer.token, lang: 'fr' });
      expect(received.status).toBe(200);
      const seen = received.body.items.find((a) => a.id === applicationId);
      expect(seen?.profileSnapshot).toMatchObject({ fullName: SEEKER_NAME, nationality: 'EG' });

      // The employer is told in their own language (French): by e-mail from their account's locale,
      // in the app as their French client asks for it (in-app text is rendered on read).
      const told = await notification(employer, 'application.received', `/vacancies/${vacancy.id}/applications`, 'fr');
      expect(told.title).toMatch(/^Nouvelle candidature pour /);
      const employerMail = await mailTo(employer.email, (subject) => subject.startsWith('Nouvelle candidature pour '));
      expect(employerMail.html).toContain('<html lang="fr" dir="ltr">');

      const moved = await h.call<Application>('PATCH', `/api/v1/applications/${applicationId}`, { status: 'shortlisted' }, { token: employer.token });
      expect(moved.status).toBe(200);
      expect(moved.body.status).toBe('shortlisted');

      const mine = await h.call<{ items: Application[] }>('GET', '/api/v1/me/applications', undefined, { token: seeker.token, lang: 'ar' });
      const followed = mine.body.items.find((a) => a.id === applicationId);
      expect(followed?.status).toBe('shortlisted');
      expect(followed?.history.map((e) => e.status)).toEqual(['submitted', 'shortlisted']);
      const shortlisted = await notification(seeker, 'application.status-changed', `/me/applications/${applicationId}`, 'ar');
      expect(shortlisted.title).toBe(`أنت في القائمة المختصرة: ${TITLE.ar}`);
      const shortlistMail = await mailTo(SEEKER_EMAIL, (subject) => subject.startsWith('أنت في القائمة المختصرة'));
      expect(shortlistMail.html).toContain('<html lang="ar" dir="rtl">');
    }));

  it('the seeker erases their profile, and nothing personal remains in any schema', () =>
    h.explain(async () => {
      // The relays publish what they hold long before anyone asks for erasure.
      await eventually(async () => (await h.db.query(`SELECT 1 FROM identity.outbox WHERE published_at IS NULL`)).length === 0);
      expect((await h.call('DELETE', '/api/v1/me/profile', undefined, { token: seeker.token })).status).toBe(204);

      const schemas = await platformSchemas(h.db);
      expect(schemas).toEqual(expect.arrayContaining(['identity', 'vacancies', 'seekers', 'matching', 'notifications']));
      const needles = [SEEKER_NAME, SEEKER_EMAIL, 'nour.journey', FIELD, COVER_NOTE];
      await eventually(async () => (await personalDataLeft(h.db, schemas, needles)).length === 0, 30_000, 250).catch(async () => {
        throw new Error(`personal data left after erasure: ${(await personalDataLeft(h.db, schemas, needles)).join('; ')}`);
      });
      // Nor any pair with the seeker in the matching read model.
      await eventually(async () => (await h.db.query(`SELECT 1 FROM matching.matches WHERE seeker_id = $1`, [seeker.id])).length === 0);
      expect((await h.login(SEEKER_EMAIL, 'correct horse 7 battery')).status).toBe(401);
      const after = await h.call<Vacancy>('GET', `/api/v1/vacancies/${vacancy.id}`);
      expect(after.body.applicationCount).toBe(1);
    }));
});
