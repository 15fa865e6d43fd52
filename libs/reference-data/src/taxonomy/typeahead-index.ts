import { foldForSearch, searchTokens } from '../text/search-normalization.js';
import type { Locale } from '../localized-text.js';

export interface IndexedText {
  text: string;
  locale: Locale;
  /** Preferred labels rank above alternative labels. */
  preferred: boolean;
}

interface Entry<T> {
  item: T;
  texts: { folded: string; tokens: string[]; locale: Locale; preferred: boolean }[];
}

export interface TypeaheadHit<T> {
  item: T;
  score: number;
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1]!;
}

/** Typos allowed in a query word: none for short words, one from 4 letters, two from 8. */
function allowedTypos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * In-memory typeahead over labels in any of the three languages: each query word must match a
 * word of one label as a prefix, or within a small edit distance (typos), after folding (Arabic
 * letter forms and diacritics, Latin accents and case). Exact and prefix matches rank above
 * typo matches; preferred labels above alternative ones; labels in the reader's language first.
 */
export class TypeaheadIndex<T> {
  private readonly entries: Entry<T>[];

  constructor(items: readonly T[], texts: (item: T) => IndexedText[]) {
    this.entries = items.map((item) => ({
      item,
      texts: texts(item)
        .filter((t) => t.text.trim() !== '')
        .map((t) => ({ folded: foldForSearch(t.text), tokens: searchTokens(t.text), locale: t.locale, preferred: t.preferred })),
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, locale: Locale, limit: number, filter?: (item: T) => boolean): TypeaheadHit<T>[] {
    const words = searchTokens(query);
    if (words.length === 0) return [];
    const folded = foldForSearch(query);
    const hits: TypeaheadHit<T>[] = [];
    for (const entry of this.entries) {
      if (filter && !filter(entry.item)) continue;
      let best = 0;
      for (const text of entry.texts) {
        const score = this.scoreText(words, folded, text);
        if (score === 0) continue;
        const adjusted = score + (text.preferred ? 0.5 : 0) + (text.locale === locale ? 0.25 : 0) - text.folded.length / 1000;
        if (adjusted > best) best = adjusted;
      }
      if (best > 0) hits.push({ item: entry.item, score: best });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }

  private scoreText(words: string[], foldedQuery: string, text: { folded: string; tokens: string[] }): number {
    if (text.folded === foldedQuery) return 10;
    let total = text.folded.startsWith(foldedQuery) ? 2 : 0;
    for (const word of words) {
      let wordScore = 0;
      const typos = allowedTypos(word);
      for (const token of text.tokens) {
        if (token === word) {
          wordScore = 3;
          break;
        }
        if (token.startsWith(word)) wordScore = Math.max(wordScore, 2);
        else if (typos > 0 && wordScore < 1) {
          // A typo in a word being typed: compare with the token's prefixes around the word's length
          // (a letter missing, wrong or extra) and with the whole token.
          const n = word.length;
          for (const candidate of new Set([token.slice(0, n - 1), token.slice(0, n), token.slice(0, n + 1), token])) {
            if (editDistance(word, candidate, typos) <= typos) {
              wordScore = 1;
              break;
            }
          }
        }
      }
      if (wordScore === 0) return 0;
      total += wordScore;
    }
    return total;
  }
}
