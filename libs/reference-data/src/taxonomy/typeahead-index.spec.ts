import { TypeaheadIndex, editDistance } from './typeahead-index.js';

interface Item {
  id: string;
  ar: string;
  en: string;
  fr: string;
}

const items: Item[] = [
  { id: 'safety', ar: 'مهندس السلامة والصحة المهنية', en: 'Occupational safety engineer', fr: 'Ingénieur en sécurité au travail' },
  { id: 'nurse', ar: 'مُمَرِّضَة', en: 'Nurse', fr: 'Infirmière' },
  { id: 'welder', ar: 'لحّام', en: 'Welder', fr: 'Soudeur' },
  { id: 'admin', ar: 'إدارة المشاريع', en: 'Project management', fr: 'Gestion de projet' },
  { id: 'dev', ar: 'مطور برمجيات', en: 'Software developer', fr: 'Développeur de logiciels' },
];

const index = new TypeaheadIndex(items, (item) => [
  { text: item.ar, locale: 'ar', preferred: true },
  { text: item.en, locale: 'en', preferred: true },
  { text: item.fr, locale: 'fr', preferred: true },
]);

const ids = (q: string) => index.search(q, 'en', 5).map((hit) => hit.item.id);

describe('typeahead', () => {
  it('matches word prefixes in any language', () => {
    expect(ids('soft')).toEqual(['dev']);
    expect(ids('dével')).toEqual(['dev']);
    expect(ids('مطور')).toEqual(['dev']);
  });

  it('ignores accents, case and Arabic letter variants and diacritics', () => {
    expect(ids('INFIRMIERE')).toEqual(['nurse']);
    expect(ids('securite')).toEqual(['safety']);
    expect(ids('ممرضه')).toEqual(['nurse']);
    expect(ids('اداره')).toEqual(['admin']);
    expect(ids('السلامه')).toEqual(['safety']);
  });

  it('tolerates typos in longer words', () => {
    expect(ids('devloper')).toEqual(['dev']);
    expect(ids('occupatinal')).toEqual(['safety']);
    expect(ids('wedler')).toEqual(['welder']);
    expect(ids('sofware')).toEqual(['dev']);
  });

  it('requires every word to match and ranks exact matches first', () => {
    expect(ids('nurse welder')).toEqual([]);
    expect(ids('projet gestion')).toEqual(['admin']);
    expect(ids('nurse')[0]).toBe('nurse');
    expect(ids('')).toEqual([]);
  });

  it('computes edit distances with transpositions', () => {
    expect(editDistance('welder', 'wedler', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 1)).toBe(0);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('short', 'muchlongerword', 2)).toBe(3);
  });
});
