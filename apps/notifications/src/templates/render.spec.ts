import { TEMPLATES, EMAIL_TEXTS } from './catalog.js';
import { renderDigest, renderEmail, renderMessage } from './render.js';

const title = { ar: 'مهندس سلامة مهنية', en: 'Occupational safety engineer', fr: 'Ingénieur en sécurité au travail' };

describe('notification templates', () => {
  it('exist in ar, en and fr, free of markup (the layout escapes parameters)', () => {
    for (const template of [...Object.values(TEMPLATES).flatMap((t) => [t.title, t.body, t.action]), ...Object.values(EMAIL_TEXTS)]) {
      for (const locale of ['ar', 'en', 'fr'] as const) {
        expect(template[locale].length).toBeGreaterThan(0);
        expect(template[locale]).not.toMatch(/[<>&]/);
      }
    }
  });

  it('formats numbers, dates and selections per locale, dates in the reader’s zone', () => {
    const params = { vacancyTitle: title, status: 'interview', changedAt: '2026-03-01T22:30:00Z' };
    const ar = renderMessage('application.status-changed', params, { locale: 'ar', timeZone: 'Asia/Qatar' });
    expect(ar.title).toBe('دعوة إلى مقابلة: مهندس سلامة مهنية');
    // 22:30 UTC on 1 March is already 2 March in Doha.
    expect(ar.body).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'Asia/Qatar' }).format(new Date('2026-03-01T22:30:00Z')));
    expect(ar.body).toMatch(/(^|\s)[2٢] مارس/);
    const en = renderMessage('application.status-changed', params, { locale: 'en', timeZone: 'UTC' });
    expect(en.body).toBe('Your application for “Occupational safety engineer” is at the interview stage as of March 1, 2026.');
    const fr = renderMessage('match.found', { vacancyTitle: title, score: 0.87 }, { locale: 'fr', timeZone: 'Africa/Casablanca' });
    expect(fr.body).toMatch(/à 87\s%\./);
  });

  it('applies Arabic plural rules in the digest subject', () => {
    const recipient = { locale: 'ar' as const, timeZone: 'Asia/Amman', displayName: 'أمينة' };
    const item = { type: 'match.found' as const, params: { vacancyTitle: title, score: 0.9 }, url: 'https://portal.test/vacancies/1' };
    const subjects = [1, 2, 3, 11, 100].map((n) => renderDigest(recipient, Array.from({ length: n }, () => item), new Date('2026-03-02T05:00:00Z'), 'https://portal.test/p').subject);
    expect(subjects).toEqual([
      'ملخصك اليومي: إشعار واحد',
      'ملخصك اليومي: إشعاران',
      'ملخصك اليومي: 3 إشعارات',
      'ملخصك اليومي: 11 إشعارًا',
      'ملخصك اليومي: 100 إشعار',
    ]);
  });

  it('writes Arabic e-mail HTML right to left and escapes parameters', () => {
    const email = renderEmail(
      { locale: 'ar', timeZone: 'Asia/Qatar', displayName: 'أمينة <script>' },
      { type: 'match.found', params: { vacancyTitle: { ar: 'مهندس <b>سلامة</b>' }, score: 0.8 }, url: 'https://portal.test/vacancies/1?a=1&b=2' },
      'https://portal.test/settings',
    );
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain('مهندس &lt;b&gt;سلامة&lt;/b&gt;');
    expect(email.html).toContain('أمينة &lt;script&gt;');
    expect(email.html).toContain('href="https://portal.test/vacancies/1?a=1&amp;b=2"');
    expect(email.text).toContain('مهندس <b>سلامة</b>');
    expect(email.subject).toBe('وظيفة تناسب ملفك: مهندس <b>سلامة</b>');
    const en = renderEmail({ locale: 'en', timeZone: 'UTC', displayName: 'Amina' }, { type: 'match.found', params: { vacancyTitle: title, score: 0.8 }, url: 'https://p/1' }, 'https://p/s');
    expect(en.html).toContain('<html lang="en" dir="ltr">');
  });
});
