import { ErrorCode } from '@olp/contracts';
import { LOCALES } from '@olp/reference-data';
import { ERROR_MESSAGES } from './error-messages.js';
import { localizeError } from './localize-error.js';
import { VALIDATION_MESSAGES } from './validation-messages.js';

describe('localized errors', () => {
  it.each(Object.values(ErrorCode))('%s has a title and a detail that render in ar, en and fr', (code) => {
    for (const locale of LOCALES) {
      const text = localizeError({ code, params: { count: 3, limit: 1024, retryAfter: 30, min: 12, role: 'admin', requestId: 'r-1', pattern: 'p', status: 'draft', nationality: 'JO', from: 'submitted', to: 'hired' } }, locale);
      expect(text.title.length).toBeGreaterThan(0);
      expect(text.detail.length).toBeGreaterThan(0);
      expect(text.detail).not.toMatch(/[{}]/);
      if (locale === 'ar') expect(text.detail).toMatch(/\p{Script=Arabic}/u);
    }
    expect(ERROR_MESSAGES[code]).toBeDefined();
  });

  it('uses Arabic plural forms', () => {
    const detail = (count: number) => localizeError({ code: ErrorCode.ValidationFailed, params: { count } }, 'ar').detail;
    expect(detail(1)).toBe('حقل واحد غير صالح.');
    expect(detail(2)).toBe('حقلان غير صالحين.');
    expect(detail(3)).toBe('3 حقول غير صالحة.');
    expect(detail(11)).toBe('11 حقلًا غير صالح.');
  });

  it('renders field rules with their arguments, and falls back for unknown rules', () => {
    const localized = localizeError(
      {
        code: ErrorCode.ValidationFailed,
        params: { count: 2 },
        fields: [
          { field: 'password', rule: 'isLength', params: { min: 12, max: 128 } },
          { field: 'x', rule: 'someFutureRule' },
        ],
      },
      'fr',
    );
    expect(localized.errors).toEqual([
      { field: 'password', rule: 'isLength', detail: 'Doit comporter entre 12 et 128 caractères.' },
      { field: 'x', rule: 'someFutureRule', detail: "La valeur n'est pas valide." },
    ]);
  });

  it('has every validation message in the three languages', () => {
    for (const [rule, text] of Object.entries(VALIDATION_MESSAGES)) {
      for (const locale of LOCALES) expect([rule, text[locale].length > 0]).toEqual([rule, true]);
    }
  });
});
