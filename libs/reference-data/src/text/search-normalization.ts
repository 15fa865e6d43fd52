/**
 * Folding for search, the same in memory (typeahead) and in SQL (full-text search; see the
 * `fold_text` function the vacancies migration creates, which must stay equivalent):
 * - Arabic: diacritics (harakat, tanwin, shadda, sukun, superscript alef) and tatweel removed;
 *   alef forms (أ إ آ ٱ) → ا; ta marbuta ة → ه; alef maqsura ى → ي; hamza on waw/ya (ؤ ئ) → و ي.
 * - Latin: lower case, accents removed (é → e, ç → c, œ → oe), so French without accents
 *   matches accented text.
 * Text is only folded for matching: what people wrote is stored and shown unchanged.
 */
const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_LETTERS: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ؤ': 'و',
  'ئ': 'ي',
};
const ARABIC_LETTER_PATTERN = /[أإآٱةىؤئ]/g;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .normalize('NFC')
    .replace(ARABIC_DIACRITICS, '')
    .replace(ARABIC_LETTER_PATTERN, (letter) => ARABIC_LETTERS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of folded text (letters and digits of any script). */
export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}
