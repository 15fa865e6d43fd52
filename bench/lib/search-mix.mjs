// The search benchmark's request mix: about 1,500 distinct searches as a user population would
// send them to GET /api/v1/vacancies, requested with a Zipf-like popularity (`popularity`). Free
// text in each language (common and rare words, Arabic with and without harakat and hamza on alef,
// French with and without accents, a phrase, a negation, a word nothing matches), filters alone and
// combined in each reader language, text with each kind of filter, both sorts, and later pages
// through `nextCursor` (added once the first pages were fetched).
import { URLSearchParams } from 'node:url';
import { prng } from './vacancy-corpus.mjs';

/** [query, language]: common words match 5–20 % of the vacancies, rare ones a few hundred or none. */
const TEXT = [
  ['engineer', 'en'], ['engineers', 'en'], ['civil engineer', 'en'], ['nurse', 'en'], ['teacher', 'en'], ['driver', 'en'],
  ['accountant', 'en'], ['manager', 'en'], ['sales', 'en'], ['technician', 'en'], ['software developer', 'en'],
  ['electrician', 'en'], ['pharmacist', 'en'], ['midwife', 'en'], ['welder', 'en'], ['statistician', 'en'],
  ['translator', 'en'], ['surveyor', 'en'], ['python', 'en'], ['halal', 'en'], ['pharmacist hospital', 'en'],
  ['truck driver', 'en'], ['security guard', 'en'], ['hotel', 'en'], ['infection control', 'en'], ['astronaut', 'en'],
  ['"site supervisor"', 'en'], ['nurse -assistant', 'en'],
  ['ingénieur', 'fr'], ['ingenieur', 'fr'], ['ingénieur civil', 'fr'], ['ingenieur civil', 'fr'], ['infirmière', 'fr'],
  ['infirmiere', 'fr'], ['électricien', 'fr'], ['electricien', 'fr'], ['comptable', 'fr'], ['développeur', 'fr'],
  ['developpeur', 'fr'], ['chauffeur', 'fr'], ['enseignant', 'fr'], ['sécurité', 'fr'], ['securite', 'fr'],
  ['réceptionniste', 'fr'], ['sage-femme', 'fr'], ['soudeur', 'fr'],
  ['مهندس', 'ar'], ['مُهَنْدِس', 'ar'], ['مهندس مدني', 'ar'], ['ممرضة', 'ar'], ['ممرضه', 'ar'], ['محاسب', 'ar'],
  ['مُحَاسِب', 'ar'], ['سائق', 'ar'], ['معلم', 'ar'], ['مُعَلِّم', 'ar'], ['إدارة', 'ar'], ['ادارة', 'ar'], ['أمن', 'ar'],
  ['امن', 'ar'], ['صيدلي', 'ar'], ['كهربائي', 'ar'], ['طباخ', 'ar'], ['مطور برمجيات', 'ar'],
];

/** Countries searched from each language's readers, for text + country. */
const COUNTRY_BY_LANG = { en: [['ID'], ['NG'], ['PK'], ['AE', 'QA'], ['MY']], fr: [['SN'], ['MA'], ['CI', 'SN', 'ML'], ['TN']], ar: [['SA'], ['EG'], ['JO'], ['AE', 'QA'], ['IQ']] };

/** Filters alone (and the browse page), as the list page's facets would send them. */
function filters(daysAgo) {
  return [
    {},
    { country: ['ID'] }, { country: ['SA'] }, { country: ['EG'] }, { country: ['QA'] }, { country: ['AE', 'QA'] },
    { country: ['SN', 'CI', 'ML'] }, { country: ['DJ'] },
    { occupation: '2' }, { occupation: '21' }, { occupation: '214' }, { occupation: '2142' }, { occupation: '5' },
    { occupation: '83' }, { occupation: '0' }, { occupation: '9' }, { occupation: '7411' },
    { contractType: ['permanent'] }, { contractType: ['internship', 'apprenticeship'] }, { contractType: ['seasonal'] },
    { workMode: ['remote'] }, { workMode: ['hybrid', 'remote'] },
    { openTo: 'JO' }, { openTo: 'PK' }, { openTo: 'NG' },
    { postedSince: daysAgo(1) }, { postedSince: daysAgo(7) }, { postedSince: daysAgo(30) },
    { skill: ['ict.python'] }, { skill: ['health.nursing'] }, { skill: ['osh.construction-site-safety'] },
    { country: ['SA'], contractType: ['permanent'] }, { country: ['ID'], workMode: ['remote'] },
    { occupation: '22', country: ['PK'] }, { openTo: 'JO', workMode: ['remote'] }, { occupation: '2', postedSince: daysAgo(7) },
    { country: ['NG'], occupation: '83' }, { contractType: ['internship'], workMode: ['hybrid', 'remote'] },
    { country: ['MA', 'TN', 'DZ'], occupation: '3' }, { openTo: 'EG', contractType: ['fixed-term'] },
    { postedSince: daysAgo(14), workMode: ['remote'], occupation: '25' },
  ];
}

/** What a text query gets combined with: each kind of filter once, two of them in recency order. */
function textFilters(lang, i, daysAgo) {
  const countries = COUNTRY_BY_LANG[lang];
  return [
    { country: countries[i % countries.length] },
    { workMode: ['remote'] },
    { postedSince: daysAgo(7) },
    { contractType: ['permanent', 'fixed-term'] },
    { openTo: lang === 'fr' ? 'SN' : lang === 'ar' ? 'JO' : 'PK' },
    { occupation: '2' },
    { country: countries[(i + 1) % countries.length], workMode: ['on-site', 'hybrid'] },
  ];
}

/**
 * The first pages of the mix: `{ kind, lang, request }` with `request` as the gateway validates it
 * (SearchVacanciesRequest). Later pages are added by `laterPages` once these have been fetched.
 */
export function firstPages(today = new Date()) {
  const daysAgo = (n) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - n)).toISOString().slice(0, 10);
  const langs = ['en', 'ar', 'fr'];
  const mix = [];
  TEXT.forEach(([q, lang], i) => {
    mix.push({ kind: 'text', lang, request: { q } });
    mix.push({ kind: 'text', lang, request: { q, sort: 'recency' } });
    // Read in another language too: another title language, another cache entry.
    mix.push({ kind: 'text', lang: langs[(langs.indexOf(lang) + 1 + (i % 2)) % 3], request: { q } });
    textFilters(lang, i, daysAgo).forEach((f, j) => mix.push({ kind: 'text + filters', lang, request: { q, ...f, ...((i + j) % 4 === 1 ? { sort: 'recency' } : {}) } }));
  });
  // Filters alone, in each reader language.
  filters(daysAgo).forEach((f, i) => {
    for (const lang of langs) mix.push({ kind: Object.keys(f).length ? 'filters' : 'browse', lang, request: f });
    if (i % 2 === 0) mix.push({ kind: Object.keys(f).length ? 'filters' : 'browse', lang: langs[i % 3], request: { ...f, limit: 50 } });
  });
  // A few page sizes other than the default.
  mix.push({ kind: 'browse', lang: 'en', request: { limit: 50 } });
  mix.push({ kind: 'text', lang: 'en', request: { q: 'engineer', limit: 10 } });
  mix.push({ kind: 'text', lang: 'ar', request: { q: 'مهندس', limit: 50 } });
  return mix;
}

/**
 * Later pages: for every other first page with a next page, page 2; for every other one of those,
 * page 3 too. `fetched` is `[entry, result]` for the first pages; `fetchNext(entry)` fetches the
 * page and returns its result.
 */
export async function laterPages(fetched, fetchNext) {
  const pages = [];
  let n = 0;
  for (const [entry, result] of fetched) {
    if (!result.nextCursor || n++ % 2 !== 0) continue;
    const second = { kind: 'page 2+', lang: entry.lang, request: { ...entry.request, cursor: result.nextCursor } };
    pages.push(second);
    if (n % 4 === 1) {
      const next = await fetchNext(second);
      if (next.nextCursor) pages.push({ kind: 'page 2+', lang: entry.lang, request: { ...entry.request, cursor: next.nextCursor } });
    }
  }
  return pages;
}

/**
 * The order requests are sent in: `length` draws from a Zipf distribution (exponent `s`) over the
 * mix, so a few searches are very popular and most are rare, as in real search logs. Popularity
 * ranks: first pages before later ones (a page 2 is only asked after its page 1), otherwise a seeded
 * shuffle, so popular and rare searches of every kind occur. Returns indexes into `mix`.
 */
export function popularity(mix, { seed = 1, s = 1, length = 200_000 } = {}) {
  const random = prng(seed * 7919 + 17);
  const firsts = mix.map((e, i) => i).filter((i) => !mix[i].request.cursor);
  const laters = mix.map((e, i) => i).filter((i) => mix[i].request.cursor);
  const shuffle = (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const ranked = [...shuffle(firsts), ...shuffle(laters)];
  const cumulative = [];
  let sum = 0;
  for (let r = 1; r <= ranked.length; r++) cumulative.push((sum += 1 / r ** s));
  const order = new Array(length);
  for (let k = 0; k < length; k++) {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    order[k] = ranked[lo];
  }
  return order;
}

/** The gateway path for a request: lists as repeated parameters, `lang` for the reply's language. */
export function searchPath(entry) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entry.request)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  params.append('lang', entry.lang);
  return `/api/v1/vacancies?${params}`;
}

/** A short label for tables. */
export function describe(entry) {
  const r = entry.request;
  const parts = [];
  if (r.q) parts.push(`q=${r.q}`);
  for (const key of ['country', 'occupation', 'skill', 'contractType', 'workMode', 'postedSince', 'openTo', 'sort', 'limit']) {
    if (r[key] !== undefined) parts.push(`${key}=${Array.isArray(r[key]) ? r[key].join(',') : r[key]}`);
  }
  if (r.cursor) parts.push('cursor');
  return parts.join(' ') || '(browse)';
}
