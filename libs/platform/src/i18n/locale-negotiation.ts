import { LOCALES, isLocale, type Locale } from '@olp/reference-data';

export const DEFAULT_LOCALE: Locale = 'en';

interface Candidate {
  tag: string;
  q: number;
  order: number;
}

function parseAcceptLanguage(header: string): Candidate[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [rawTag, ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: (rawTag ?? '').trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((candidate) => candidate.tag !== '' && candidate.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * The language of a response: `?lang=` when it names one of ours, else the best match in
 * `Accept-Language` (q-values honoured, `ar-QA` → `ar`, `*` → default), else English.
 */
export function negotiateLocale(lang?: string | null, acceptLanguage?: string | null): Locale {
  const explicit = lang?.trim().toLowerCase();
  if (isLocale(explicit)) return explicit;
  if (acceptLanguage) {
    for (const candidate of parseAcceptLanguage(acceptLanguage)) {
      if (candidate.tag === '*') return DEFAULT_LOCALE;
      const primary = candidate.tag.split('-')[0];
      if (isLocale(primary)) return primary;
    }
  }
  return DEFAULT_LOCALE;
}

export { LOCALES };
