import { foldForSearch, searchTokens } from './search-normalization.js';

describe('foldForSearch', () => {
  it.each([
    ['مُهَنْدِسُ السَّلامَةِ', 'مهندس السلامه'],
    ['إدارة', 'اداره'],
    ['أمن', 'امن'],
    ['آلة', 'اله'],
    ['مستشفى', 'مستشفي'],
    ['مســـؤول', 'مسوول'],
    ['Ingénieur Sécurité', 'ingenieur securite'],
    ['Cœur  de  métier', 'coeur de metier'],
    ['Façade', 'facade'],
    ['SAFETY Officer', 'safety officer'],
  ])('%s → %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('splits words of any script', () => {
    expect(searchTokens('Chef de projet — مدير مشروع (ICT)')).toEqual(['chef', 'de', 'projet', 'مدير', 'مشروع', 'ict']);
  });
});
