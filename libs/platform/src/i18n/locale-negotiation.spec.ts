import { negotiateLocale } from './locale-negotiation.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, undefined, 'en'],
    ['fr', 'ar', 'fr'],
    ['FR', undefined, 'fr'],
    ['de', 'ar', 'ar'],
    [undefined, 'ar-QA,ar;q=0.9,en;q=0.8', 'ar'],
    [undefined, 'de-DE, fr;q=0.5, ar;q=0.8', 'ar'],
    [undefined, 'de, it', 'en'],
    [undefined, '*', 'en'],
    [undefined, 'fr;q=0, ar;q=0.1', 'ar'],
    [undefined, 'garbage;;;q=abc', 'en'],
  ])('lang=%s Accept-Language=%s → %s', (lang, accept, expected) => {
    expect(negotiateLocale(lang, accept)).toBe(expected);
  });
});
