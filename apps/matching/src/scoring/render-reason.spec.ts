import { MATCH_REASON_CODES, type MatchReasonCode } from '@olp/contracts';
import { LOCALES, Taxonomy } from '@olp/reference-data';
import type { MatchReasonData } from './match-model.js';
import { REASON_MESSAGES } from './reason-messages.js';
import { renderReason, renderReasons } from './render-reason.js';

const taxonomy = Taxonomy.builtIn();
const ARABIC = /[\u0600-\u06FF]/;

const SAMPLES: Record<MatchReasonCode, MatchReasonData['params'][]> = {
  'essential-skills': [{ matched: 5, total: 6 }, { matched: 1, total: 1 }],
  'optional-skills': [{ matched: 0, total: 2 }, { matched: 12, total: 20 }],
  'missing-skill': [{ skillId: 'osh.risk-assessment' }, { skillId: 'esco.unknown' }],
  occupation: [
    { level: 'unit', code: '2149' },
    { level: 'minor', code: '214' },
    { level: 'sub-major', code: '21' },
    { level: 'major', code: '2' },
    { level: 'none', code: '7112' },
  ],
  language: [{ code: 'ar', level: 'C2' }],
  'language-missing': [{ code: 'en', required: 'B2' }],
  education: [{ met: 1, required: 6 }, { met: 0, required: 7 }],
  experience: [{ years: 0, required: 5 }, { years: 1, required: 2 }, { years: 3, required: 11 }],
  'location-same-country': [{ country: 'JO' }, { country: 'AE' }],
  'location-relocate': [{ country: 'QA' }, { country: 'BH' }],
  'location-remote': [{}],
};

const render = (code: MatchReasonCode, params: MatchReasonData['params'], locale: 'ar' | 'en' | 'fr') =>
  renderReason({ code, params }, locale, taxonomy);

describe('renderReason', () => {
  it('has a message for every reason code in every language', () => {
    expect(Object.keys(REASON_MESSAGES).sort()).toEqual([...MATCH_REASON_CODES].sort());
  });

  it.each(MATCH_REASON_CODES)('renders %s in ar, en and fr with no placeholders left', (code) => {
    for (const params of SAMPLES[code]) {
      for (const locale of LOCALES) {
        const text = render(code, params, locale);
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/[{}]/);
        if (locale === 'ar') expect(text).toMatch(ARABIC);
        else expect(text).not.toMatch(ARABIC);
      }
    }
  });

  it('renders the documented examples', () => {
    expect(render('essential-skills', { matched: 5, total: 6 }, 'en')).toBe('5 of 6 essential skills');
    expect(render('language', { code: 'ar', level: 'C2' }, 'en')).toBe('Speaks Arabic at C2');
    expect(render('language', { code: 'ar', level: 'C2' }, 'fr')).toBe('Parle arabe (niveau C2)');
    expect(render('language', { code: 'ar', level: 'C2' }, 'ar')).toBe('يتحدث العربية بمستوى C2');
    expect(render('missing-skill', { skillId: 'osh.risk-assessment' }, 'en')).toBe('Missing skill: Risk assessment');
    expect(render('missing-skill', { skillId: 'osh.risk-assessment' }, 'ar')).toBe('مهارة ناقصة: تقييم المخاطر');
    expect(render('location-relocate', { country: 'QA' }, 'en')).toBe('Willing to relocate to Qatar');
    expect(render('location-relocate', { country: 'QA' }, 'fr')).toBe("Prêt·e à s'installer au Qatar");
    expect(render('location-relocate', { country: 'QA' }, 'ar')).toBe('مستعد للانتقال إلى قطر');
    expect(render('occupation', { level: 'unit', code: '2149' }, 'en')).toMatch(/^Same occupation group \(unit group 2149\)/);
    expect(render('occupation', { level: 'unit', code: '2149' }, 'en')).toContain('Engineering professionals not elsewhere classified');
    expect(render('occupation', { level: 'unit', code: '9999' }, 'en')).toBe('Same occupation group (unit group 9999)');
  });

  it('uses the right French preposition and English article for country names', () => {
    expect(render('location-same-country', { country: 'JO' }, 'fr')).toBe('Réside en Jordanie');
    expect(render('location-relocate', { country: 'BH' }, 'fr')).toBe("Prêt·e à s'installer à Bahreïn");
    expect(render('location-relocate', { country: 'AE' }, 'fr')).toBe("Prêt·e à s'installer aux Émirats arabes unis");
    expect(render('location-relocate', { country: 'IR' }, 'fr')).toBe("Prêt·e à s'installer en Iran");
    expect(render('location-relocate', { country: 'AE' }, 'en')).toBe('Willing to relocate to the United Arab Emirates');
    expect(render('location-same-country', { country: 'JO' }, 'en')).toBe('Lives in Jordan');
  });

  it('uses Arabic plural forms for 1, 2, 3 and 11 essential skills', () => {
    expect(render('essential-skills', { matched: 1, total: 1 }, 'ar')).toBe('1 من مهارة أساسية واحدة');
    expect(render('essential-skills', { matched: 1, total: 2 }, 'ar')).toBe('1 من مهارتين أساسيتين');
    expect(render('essential-skills', { matched: 2, total: 3 }, 'ar')).toBe('2 من 3 مهارات أساسية');
    expect(render('essential-skills', { matched: 7, total: 11 }, 'ar')).toBe('7 من 11 مهارة أساسية');
    expect(render('essential-skills', { matched: 5, total: 6 }, 'ar')).toBe('5 من 6 مهارات أساسية');
  });

  it('uses English and French plural forms', () => {
    expect(render('essential-skills', { matched: 1, total: 1 }, 'en')).toBe('1 of 1 essential skill');
    expect(render('essential-skills', { matched: 0, total: 1 }, 'fr')).toBe('0 sur 1 compétence essentielle');
    expect(render('essential-skills', { matched: 2, total: 3 }, 'fr')).toBe('2 sur 3 compétences essentielles');
    expect(render('experience', { years: 1, required: 3 }, 'en')).toBe('1 year of relevant experience (3 years required)');
    expect(render('experience', { years: 2, required: 2 }, 'ar')).toBe('سنتان من الخبرة ذات الصلة (المطلوب: سنتان)');
  });

  it('renders education with the ISCED level name', () => {
    expect(render('education', { met: 1, required: 6 }, 'en')).toBe("Meets the education requirement (Bachelor's or equivalent level)");
    expect(render('education', { met: 0, required: 7 }, 'fr')).toBe("Niveau d'études inférieur au niveau requis (Niveau master ou équivalent)");
  });

  it('falls back to the code for unknown skills, countries, languages and reason codes', () => {
    expect(render('missing-skill', { skillId: 'esco.unknown' }, 'en')).toBe('Missing skill: esco.unknown');
    expect(render('language', { code: 'xx', level: 'B1' }, 'en')).toBe('Speaks xx at B1');
    expect(render('location-same-country', { country: 'US' }, 'en')).toBe('Lives in US');
    expect(renderReason({ code: 'future-code' as MatchReasonCode, params: {} }, 'en', taxonomy)).toBe('future-code');
    expect(render('essential-skills', {}, 'en')).toBe('0 of 0 essential skills');
  });

  it('renderReasons keeps order, code and params and adds the text', () => {
    const reasons: MatchReasonData[] = [
      { code: 'essential-skills', params: { matched: 5, total: 6 } },
      { code: 'location-remote', params: {} },
    ];
    expect(renderReasons(reasons, 'en', taxonomy)).toEqual([
      { code: 'essential-skills', params: { matched: 5, total: 6 }, text: '5 of 6 essential skills' },
      { code: 'location-remote', params: {}, text: 'Open to remote work' },
    ]);
  });
});
