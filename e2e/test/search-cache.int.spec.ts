import type { SearchVacanciesRequest } from '@olp/contracts';
import { eventually } from '@olp/testing';
import { VacancySearch } from '../../apps/vacancies/src/search/vacancy-search.js';
import { VacanciesService } from '../../apps/vacancies/src/vacancies/vacancies.service.js';
import { actor, vacancyBody, type Actor } from '../src/labour-fixtures.js';
import { PlatformHarness } from '../src/platform-harness.js';

/**
 * The gateway's response cache for anonymous search, revalidated against the search generation
 * (docs/decisions.md "Change-aware search caches"): short TTLs so entries go stale within a test;
 * the generation is read afresh at each revalidation (SEARCH_GENERATION_CHECK_MS=0). Searches are
 * counted where the vacancies service runs them.
 */
const TTL_MS = 300;
const GATEWAY_ENV = {
  SEARCH_RESPONSE_CACHE_TTL_MS: String(TTL_MS),
  SEARCH_RESPONSE_CACHE_STALE_MS: '60000',
  SEARCH_GENERATION_CHECK_MS: '0',
};

type Found = { total: number; items: { id: string; displayTitle: string; employerName: string }[] };
type Vacancy = { id: string; version: number };

const h = new PlatformHarness();
let employer: Actor;
let orgId: string;
/** How many times the vacancies service searched, by query text. */
const searches = new Map<string, number>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const searched = (q: string) => searches.get(q) ?? 0;

/** An anonymous search through the gateway at `baseUrl`. */
async function find(q: string, baseUrl = h.baseUrl): Promise<Found> {
  const response = await h.call<Found>('GET', `/api/v1/vacancies?q=${encodeURIComponent(q)}`, undefined, {}, baseUrl);
  expect(response.status).toBe(200);
  return response.body;
}

/** A counter of the gateway's /metrics, summed over its series that carry `label`. */
async function metric(name: string, label: string, baseUrl = h.baseUrl): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(label))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
const unchanged = (baseUrl = h.baseUrl) => metric('olp_search_response_cache_revalidations_total', 'result="unchanged"', baseUrl);

/**
 * Past the TTL: the next request is answered stale and starts a revalidation; waits until it has
 * run. A revalidation an earlier request started may have ended during the wait and given the entry
 * a new TTL (on a loaded machine a search takes longer than the 50 ms margin): then the request is
 * a hit, nothing is revalidated, and it asks again after another TTL.
 */
async function staleThenRevalidated(q: string, baseUrl = h.baseUrl): Promise<Found> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await sleep(TTL_MS + 50);
    const before = await metric('olp_search_response_cache_revalidations_total', 'result=', baseUrl);
    const staleBefore = await metric('olp_search_response_cache_requests_total', 'outcome="stale"', baseUrl);
    const stale = await find(q, baseUrl);
    if ((await metric('olp_search_response_cache_requests_total', 'outcome="stale"', baseUrl)) === staleBefore) continue;
    await eventually(async () => (await metric('olp_search_response_cache_revalidations_total', 'result=', baseUrl)) > before);
    return stale;
  }
  throw new Error(`no search for "${q}" was answered stale in 10 tries`);
}

async function newVacancy(title: string, publish = true): Promise<Vacancy> {
  const created = await h.call<Vacancy>('POST', '/api/v1/vacancies', vacancyBody(orgId, { title: { en: title } }), { token: employer.token });
  expect(created.status).toBe(201);
  if (!publish) return created.body;
  const published = await h.call<Vacancy>('POST', `/api/v1/vacancies/${created.body.id}/publish`, undefined, { token: employer.token });
  expect(published.status).toBe(200);
  return published.body;
}

beforeAll(async () => {
  await h.start('searchcache', GATEWAY_ENV);
  employer = await actor(h, 'hr@tunnels.qa', 'employer');
  const org = await h.call<{ id: string }>('POST', '/api/v1/employers', { name: { en: 'Qatar Tunnels' }, country: 'QA', isicSection: 'F', size: 'medium' }, { token: employer.token });
  orgId = org.body.id;
  const search = h.vacancies!.get(VacancySearch);
  const original = search.search.bind(search);
  search.search = (request: SearchVacanciesRequest, locale) => {
    searches.set(request.q ?? '', searched(request.q ?? '') + 1);
    return original(request, locale);
  };
});

afterAll(() => h.stop());

describe('anonymous search through the gateway cache', () => {
  it('keeps a stale answer without searching again while nothing searchable changed', async () => {
    await newVacancy('Tunnel inspector alpha');
    expect((await find('alpha')).total).toBe(1);
    expect(searched('alpha')).toBe(1);
    const before = await unchanged();
    // Other activity that search does not show: a draft, and an application counted.
    await newVacancy('Draft alpha', false);
    for (let i = 0; i < 3; i++) expect((await staleThenRevalidated('alpha')).total).toBe(1);
    expect(await unchanged()).toBe(before + 3);
    expect(searched('alpha')).toBe(1);
    expect((await find('alpha')).total).toBe(1); // fresh again
  });

  it('keeps a stale answer without searching again when the changes since do not concern it', async () => {
    await newVacancy('Tunnel inspector epsilon');
    expect((await find('epsilon')).total).toBe(1);
    await staleThenRevalidated('epsilon'); // settled: kept or searched once more
    const runs = searched('epsilon');
    const before = await metric('olp_search_response_cache_revalidations_total', 'result="unaffected"');
    await newVacancy('Bridge welder'); // the generation moves on; nothing 'epsilon' matches changed
    expect((await staleThenRevalidated('epsilon')).total).toBe(1);
    expect(await metric('olp_search_response_cache_revalidations_total', 'result="unaffected"')).toBe(before + 1);
    expect(searched('epsilon')).toBe(runs);
    expect((await find('epsilon')).total).toBe(1);
  });

  it.each([
    ['a publication', async () => void (await newVacancy('Tunnel inspector beta')), +1],
    [
      'an edit of a published vacancy',
      async (v: Vacancy) => {
        const edited = await h.call('PATCH', `/api/v1/vacancies/${v.id}`, { title: { en: 'Tunnel surveyor' } }, { token: employer.token, headers: { 'if-match': `"v${v.version}"` } });
        expect(edited.status).toBe(200);
      },
      -1,
    ],
    ['a close', async (v: Vacancy) => expect((await h.call('POST', `/api/v1/vacancies/${v.id}/close`, { reason: 'filled' }, { token: employer.token })).status).toBe(200), -1],
    [
      'its closing date passing, then expiry',
      async (v: Vacancy) => {
        await h.db.query(`UPDATE vacancies.vacancies SET closing_date = current_date - 1 WHERE id = $1`, [v.id]);
        await h.vacancies!.get(VacanciesService).expireDue();
      },
      -1,
    ],
  ] as [string, (v: Vacancy) => Promise<void>, number][])('shows %s on the first request after the TTL, searching once', async (_name, change, delta) => {
    const vacancy = await newVacancy('Tunnel inspector beta');
    // Settle on an answer, kept by a revalidation.
    await find('beta');
    await staleThenRevalidated('beta');
    const first = await find('beta');
    const runs = searched('beta');
    await change(vacancy);
    // Past the TTL, answered stale once while searched again, then the new answer.
    await staleThenRevalidated('beta');
    expect(searched('beta')).toBe(runs + 1);
    expect((await find('beta')).total).toBe(first.total + delta);
    // Every beta vacancy out of search for the next case.
    await h.db.query(`UPDATE vacancies.vacancies SET status = 'closed', closed_at = now(), close_reason = 'closed' WHERE title->>'en' LIKE '%beta' AND status = 'published'`);
  });

  it('shows a change on every gateway replica, each with its own cache', async () => {
    const second = await (await h.startGateway(GATEWAY_ENV)).getUrl();
    await newVacancy('Tunnel inspector gamma');
    expect((await find('gamma')).total).toBe(1);
    expect((await find('gamma', second)).total).toBe(1);
    await newVacancy('Tunnel inspector gamma');
    for (const base of [h.baseUrl, second]) {
      await staleThenRevalidated('gamma', base);
      expect((await find('gamma', base)).total).toBe(2);
    }
  });

  it('searches again after SEARCH_RESPONSE_CACHE_MAX_AGE_MS even when no change was signalled', async () => {
    const bounded = await (await h.startGateway({ ...GATEWAY_ENV, SEARCH_RESPONSE_CACHE_MAX_AGE_MS: '1500' })).getUrl();
    const vacancy = await newVacancy('Tunnel inspector delta');
    expect((await find('delta', bounded)).total).toBe(1);
    // A change the generation does not see (triggers off, as a restore or a bug might do).
    await h.db.query(
      `BEGIN; SET LOCAL session_replication_role = replica; UPDATE vacancies.vacancies SET status = 'closed', closed_at = now(), close_reason = 'closed' WHERE id = '${vacancy.id}'; COMMIT`,
    );
    const runs = searched('delta');
    expect((await staleThenRevalidated('delta', bounded)).total).toBe(1); // kept: the generation is unchanged
    expect(searched('delta')).toBe(runs);
    // Past the maximum age the answer is searched again although nothing was signalled.
    await eventually(
      async () => {
        await sleep(TTL_MS);
        return (await find('delta', bounded)).total === 0;
      },
      10_000,
    );
    expect(searched('delta')).toBeGreaterThan(runs);
  });
});
