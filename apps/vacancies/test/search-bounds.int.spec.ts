import type { SearchVacanciesRequest, VacancySearchResult, VacancySummary } from '@olp/contracts';
import { VacanciesHarness, employer } from './vacancies-harness.js';

/**
 * Bounded search work (SEARCH_CANDIDATE_LIMIT): with a limit of 10, a search works on its 10
 * newest matches. Counts are exact up to the limit and flagged as a lower bound beyond it,
 * relevance ranks those 10 only, and recency pages still reach every match.
 */
describe('vacancy search with a candidate limit', () => {
  const h = new VacanciesHarness();
  const owner = employer();
  const marker = 'boundarium';
  const countries = ['QA', 'SA', 'JO'];
  /** Ids in publication order, oldest first. */
  const published: string[] = [];

  const search = (request: SearchVacanciesRequest) => h.call('rpc.vacancies.search.v1', request, undefined, 'en');

  async function all(request: SearchVacanciesRequest): Promise<{ items: VacancySummary[]; pages: VacancySearchResult[] }> {
    const pages: VacancySearchResult[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ ...request, limit: 4, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 20);
    return { items: pages.flatMap((p) => p.items), pages };
  }

  beforeAll(async () => {
    // No result cache, so every search runs its statements.
    await h.start('searchbounds', { SEARCH_CANDIDATE_LIMIT: '10', SEARCH_CACHE_TTL_MS: '0' });
    const employerId = (await h.createEmployer(owner, 'Bounded Builders')).id;
    // 25 matches published one after the other; the word repeated in some titles so ranks differ.
    for (let i = 0; i < 25; i++) {
      const vacancy = await h.publishedVacancy(owner, employerId, {
        title: { en: i % 5 === 0 ? `${marker} ${marker} ${marker} lead` : `${marker} officer ${i}` },
        description: { en: 'General duties.' },
        country: countries[i % countries.length]!,
      });
      published.push(vacancy.id);
    }
  });
  afterAll(() => h.stop());

  it('counts up to the limit and says the total is a lower bound beyond it', async () => {
    const result = await search({ q: marker });
    expect(result.total).toBe(10);
    expect(result.totalIsLowerBound).toBe(true);
    // The facets count the same 10 newest matches: lower bounds that add up to the total.
    const sum = (values: { count: number }[]) => values.reduce((n, v) => n + v.count, 0);
    expect(sum(result.facets.country)).toBe(10);
    expect(sum(result.facets.workMode)).toBe(10);
    const newest = published.slice(-10);
    const qatar = newest.filter((_, i) => countries[(i + 15) % countries.length] === 'QA').length;
    expect(result.facets.country.find((f) => f.value === 'QA')?.count).toBe(qatar);
  });

  it('counts exactly below the limit', async () => {
    // 9 of the 25 in Qatar (i = 0, 3, …, 24), 5 lead titles (i = 0, 5, …, 20).
    expect(await search({ q: marker, country: ['QA'] })).toMatchObject({ total: 9, totalIsLowerBound: false });
    expect(await search({ q: `${marker} lead` })).toMatchObject({ total: 5, totalIsLowerBound: false });
  });

  it('ranks only the newest matches by relevance, and pages end with them', async () => {
    const { items, pages } = await all({ q: marker });
    const found = items.map((i) => i.id);
    expect(new Set(found).size).toBe(10);
    expect([...found].sort()).toEqual(published.slice(-10).sort());
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // The two lead titles among the newest 10 (i = 15, 20) come first, the newer one first.
    expect(found.slice(0, 2)).toEqual([published[20], published[15]]);
  });

  it('pages through every match in recency order', async () => {
    const { items, pages } = await all({ q: marker, sort: 'recency' });
    expect(items.map((i) => i.id)).toEqual([...published].reverse());
    expect(pages.every((p) => p.total === 10 && p.totalIsLowerBound)).toBe(true);
    const { items: browsed } = await all({ country: ['SA', 'JO'] });
    expect(browsed.map((i) => i.id)).toEqual([...published].reverse().filter((id) => published.indexOf(id) % 3 !== 0));
  });
});
