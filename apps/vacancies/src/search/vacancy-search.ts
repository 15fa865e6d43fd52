import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  type ContractType,
  type FacetValue,
  type SearchVacanciesRequest,
  type VacancyFacets,
  type VacancySearchResult,
  type VacancySummary,
  type WorkMode,
} from '@olp/contracts';
import { DATA_SOURCE } from '@olp/persistence';
import { CONFIG } from '@olp/platform';
import { foldForSearch, resolveText, searchTokens, type Locale, type LocalizedText } from '@olp/reference-data';
import { invalidCursor, isPgTimestamp, isUuid, todayUtc } from '../common/access.js';
import { row } from '../common/sql.js';
import { salaryOf } from '../vacancies/vacancy-model.js';
import { DEFAULT_CANDIDATE_LIMIT, type VacanciesConfig } from '../vacancies.config.js';
import { SearchCache } from './search-cache.js';
import { SearchGeneration } from './search-generation.js';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;

/** The filters and folded text of a search: what its matches (and so its facets) depend on. */
interface Criteria {
  q?: string;
  country?: string[];
  occupation?: string;
  skill?: string[];
  contractType?: string[];
  workMode?: string[];
  postedSince?: string;
  openTo?: string;
}

type Sort = 'relevance' | 'recency';

/** The last row of a page: its sort key, the sort it belongs to and the query it came from. */
interface SearchCursor {
  s: Sort;
  f: string;
  p: string;
  i: string;
  r?: number;
}

interface ItemRow {
  id: string;
  title: LocalizedText;
  employerName: LocalizedText;
  iscoCode: string;
  country: string;
  city: string;
  workMode: WorkMode;
  contractType: ContractType;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: string | null;
  closingDate: string;
  /** As PostgreSQL renders it, microseconds included: the cursor needs the exact value. */
  publishedAt: string;
  rank: number | null;
}

interface FacetRow {
  g: number;
  country: string | null;
  contract_type: string | null;
  work_mode: string | null;
  major: string | null;
  n: number;
}

interface Counts {
  total: number;
  totalIsLowerBound: boolean;
  facets: VacancyFacets;
}

/** What one bounded statement is asked for: the page (from the candidates), the counts, or both. */
interface BoundedWork {
  page?: { sort: Sort; limit: number; after: SearchCursor | undefined };
  counts: boolean;
}

/** One parameterised statement being assembled. */
class Sql {
  readonly params: unknown[] = [];

  add(value: unknown, cast = ''): string {
    this.params.push(value);
    return `$${this.params.length}${cast}`;
  }
}

const TABLE = 'vacancies.vacancies';

/** GROUPING(country, contract_type, work_mode, major): the bit of each column aggregated away. */
const GROUP_TOTAL = 15;
const GROUP_COUNTRY = 7;
const GROUP_CONTRACT = 11;
const GROUP_WORK_MODE = 13;
const GROUP_MAJOR = 14;

function sorted(values: string[] | undefined): string[] | undefined {
  return values && values.length > 0 ? [...new Set(values)].sort() : undefined;
}

function isSearchCursor(value: unknown): value is SearchCursor {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const c = value as Record<string, unknown>;
  if (c['s'] !== 'relevance' && c['s'] !== 'recency') return false;
  if (typeof c['f'] !== 'string' || !isPgTimestamp(c['p']) || !isUuid(c['i'])) return false;
  if (c['s'] === 'relevance') return typeof c['r'] === 'number' && Number.isFinite(c['r']);
  return c['r'] === undefined;
}

/**
 * Public search over published vacancies that are still open (closing date today or later).
 *
 * Text: the query is folded like the stored text (`foldForSearch` = SQL `fold_text`) and parsed
 * as a web search once per language (`vacancies.search_query`: `websearch_to_tsquery` with the
 * arabic, english and french configurations, OR-ed, a parse equal to an earlier one left out so
 * the planner estimates the matches right), so each language's stemming applies to its own words,
 * Arabic letter forms and diacritics and French accents are ignored on both sides, and a query in
 * one language needs no other language present. It is matched against the generated
 * `search_vector` (GIN), which is kept in the row so ranking reads no TOAST.
 *
 * Bounded work: a search works on its candidates, the newest SEARCH_CANDIDATE_LIMIT (1,000)
 * matches, found in one statement that walks a covering recency (or country) index and stops
 * there, or sorts the GIN matches of rare words. Total and facets count the candidates: exact up
 * to the limit, lower bounds beyond it (`totalIsLowerBound`), counted per packed facet key and
 * rolled up with GROUPING SETS. They depend only on the query and filters, so they are computed
 * once per query and kept in the SearchCache with the pages, under the search generation.
 *
 * Order: relevance (`ts_rank_cd`, then newest, then id) over the candidates when there is a query
 * and recency was not asked for; otherwise newest first (published_at, id), where later pages walk
 * the recency index past the candidates, so every match can be reached. Pages are keyset cursors
 * on the sort key plus id.
 */
@Injectable()
export class VacancySearch {
  /** The candidate set's size: counts are exact up to it, and relevance ranks that many newest matches. */
  private readonly candidateLimit: number;

  private readonly generation: SearchGeneration;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SearchCache) private readonly cache: SearchCache,
    @Optional() @Inject(CONFIG) config?: Pick<VacanciesConfig, 'SEARCH_CANDIDATE_LIMIT'>,
    @Optional() @Inject(SearchGeneration) generation?: SearchGeneration,
  ) {
    this.candidateLimit = config?.SEARCH_CANDIDATE_LIMIT ?? DEFAULT_CANDIDATE_LIMIT;
    this.generation = generation ?? new SearchGeneration(dataSource);
  }

  async search(request: SearchVacanciesRequest, locale: Locale): Promise<VacancySearchResult> {
    const criteria = this.criteria(request);
    const sort: Sort = criteria.q && request.sort !== 'recency' ? 'relevance' : 'recency';
    const limit = Math.min(request.limit ?? DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT);
    const fingerprint = createHash('sha256').update(JSON.stringify(criteria)).digest('base64url').slice(0, 12);
    let after: SearchCursor | undefined;
    if (request.cursor !== undefined) {
      after = decodeCursor(request.cursor, isSearchCursor);
      if (!after || after.s !== sort || after.f !== fingerprint) throw invalidCursor();
    }
    const today = todayUtc();
    // Cached work is reused only under the generation it was computed in (read first, see
    // SearchGeneration): any change to the searchable vacancies, through any replica, or a new
    // day makes new keys. The old entries age out (TTL, size bound).
    const generation = this.cache.enabled ? await this.generation.current() : '';
    const countsKey = `counts:${generation}:${today}:${JSON.stringify(criteria)}`;
    const pageKey = `page:${generation}:${today}:${sort}:${limit}:${request.cursor ?? ''}:${JSON.stringify(criteria)}`;

    let counts = this.cache.peek<Counts>(countsKey);
    let page = this.cache.peek<ItemRow[]>(pageKey);
    // Relevance pages, and a first page in recency order when the counts are needed too, come from
    // the candidate set: one bounded statement finds it once for the page and the counts.
    if (!page && (sort === 'relevance' || (!after && !counts))) {
      const work = this.bounded(criteria, today, { page: { sort, limit, after }, counts: !counts });
      page = this.cache.remember(pageKey, work.then((b) => b.items));
      if (!counts) counts = this.cache.remember(countsKey, work.then((b) => b.counts!));
    }
    // Later pages in recency order walk the recency index past the candidates (every match can be
    // reached), stopping after the page; the counts alone read only the candidates.
    page ??= this.cache.remember(pageKey, this.page(criteria, today, limit, after));
    counts ??= this.cache.remember(countsKey, this.bounded(criteria, today, { counts: true }).then((b) => b.counts!));
    const [rows, { total, totalIsLowerBound, facets }] = await Promise.all([page, counts]);

    const items = rows.slice(0, limit);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return {
      items: items.map((row) => this.summary(row, locale)),
      nextCursor: last
        ? encodeCursor({ s: sort, f: fingerprint, p: last.publishedAt, i: last.id, ...(sort === 'relevance' ? { r: last.rank ?? 0 } : {}) } satisfies SearchCursor)
        : null,
      total,
      totalIsLowerBound,
      facets,
    };
  }

  /**
   * Whether `request` may return something else now than at generation `since`: true unless the
   * generation is of today and no row logged since it (`vacancies.search_changes`: each changed
   * published vacancy as it was and as it is) matches the search's criteria. A search's results,
   * total, facets and every page are computed over its matches only, so changes to vacancies it
   * does not match cannot alter them. The counter, the log's horizon and the match are read in one
   * statement (one snapshot), so the generation returned covers exactly what was checked.
   */
  async changedSince(request: SearchVacanciesRequest, since: string): Promise<{ changed: boolean; generation: string }> {
    const today = todayUtc();
    const counter = SearchGeneration.counterOf(since, today);
    if (counter === undefined) return { changed: true, generation: await this.generation.current() };
    const sql = new Sql();
    const { where } = this.where(sql, this.criteria(request), today);
    const g = sql.add(counter, '::bigint');
    const result = await row<{ value: string; changed: boolean }>(
      this.dataSource,
      `SELECT s.value, s.complete_after > ${g} OR EXISTS (SELECT 1 FROM vacancies.search_changes v WHERE v.generation > ${g} AND ${where}) AS changed
       FROM vacancies.search_generation s`,
      sql.params,
    );
    return { changed: result?.changed ?? true, generation: SearchGeneration.format(result?.value ?? '0', today) };
  }

  private criteria(request: SearchVacanciesRequest): Criteria {
    const q = request.q !== undefined && searchTokens(request.q).length > 0 ? foldForSearch(request.q) : undefined;
    const criteria: Criteria = {
      q,
      country: sorted(request.country),
      occupation: request.occupation,
      skill: sorted(request.skill),
      contractType: sorted(request.contractType),
      workMode: sorted(request.workMode),
      postedSince: request.postedSince,
      openTo: request.openTo,
    };
    // Drop absent keys so equal searches have equal keys.
    return Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== undefined)) as Criteria;
  }

  /** The WHERE clause for the criteria; `tsquery` is the folded query's expression when there is text. */
  private where(sql: Sql, c: Criteria, today: string): { where: string; tsquery?: string } {
    const conditions = [`v.status = 'published'`, `v.closing_date >= ${sql.add(today, '::date')}`];
    let tsquery: string | undefined;
    if (c.q) {
      const q = sql.add(c.q, '::text');
      tsquery = `vacancies.search_query(${q})`;
      conditions.push(`v.search_vector @@ ${tsquery}`);
    }
    // One country as an equality, so the planner can walk the country index in recency order.
    if (c.country?.length === 1) conditions.push(`v.country = ${sql.add(c.country[0], '::bpchar')}`);
    else if (c.country) conditions.push(`v.country = ANY(${sql.add(c.country, '::bpchar[]')})`);
    if (c.occupation) conditions.push(`v.isco_code LIKE ${sql.add(`${c.occupation}%`, '::text')}`);
    if (c.skill) conditions.push(`v.skill_ids @> ${sql.add(c.skill, '::text[]')}`);
    if (c.contractType) conditions.push(`v.contract_type = ANY(${sql.add(c.contractType, '::text[]')})`);
    if (c.workMode) conditions.push(`v.work_mode = ANY(${sql.add(c.workMode, '::text[]')})`);
    if (c.postedSince) conditions.push(`v.published_at >= (${sql.add(c.postedSince, '::date')}::timestamp AT TIME ZONE 'UTC')`);
    if (c.openTo) conditions.push(`(v.eligibility_scope = 'all-member-states' OR ${sql.add(c.openTo, '::text')} = ANY(v.eligibility_countries))`);
    return { where: conditions.join(' AND '), ...(tsquery ? { tsquery } : {}) };
  }

  private keyset(sql: Sql, sort: Sort, after: SearchCursor | undefined, alias: string): string | undefined {
    if (!after) return undefined;
    const p = sql.add(after.p, '::timestamptz');
    const i = sql.add(after.i, '::uuid');
    return sort === 'relevance'
      ? `(${alias}.rank, ${alias}.published_at, ${alias}.id) < (${sql.add(after.r, '::real')}, ${p}, ${i})`
      : `(${alias}.published_at, ${alias}.id) < (${p}, ${i})`;
  }

  private static order(sort: Sort, alias: string): string {
    return sort === 'relevance'
      ? `${alias}.rank DESC, ${alias}.published_at DESC, ${alias}.id DESC`
      : `${alias}.published_at DESC, ${alias}.id DESC`;
  }

  /** The page rows (limit + 1, to know whether there is a next page) as one JSON array. */
  private static items(sort: Sort, pageSql: string): string {
    return `
      SELECT coalesce(json_agg(json_build_object(
        'id', v.id, 'title', v.title, 'employerName', e.name, 'iscoCode', v.isco_code, 'country', v.country,
        'city', v.city, 'workMode', v.work_mode, 'contractType', v.contract_type,
        'salaryMin', v.salary_min, 'salaryMax', v.salary_max, 'salaryCurrency', v.salary_currency, 'salaryPeriod', v.salary_period,
        'closingDate', v.closing_date, 'publishedAt', p.published_at, 'rank', p.rank
      ) ORDER BY ${VacancySearch.order(sort, 'p')}), '[]'::json) AS items
      FROM (${pageSql}) p
      JOIN ${TABLE} v ON v.id = p.id
      JOIN vacancies.employers e ON e.id = v.employer_id`;
  }

  /** A page in recency order, past the candidates too: the planner walks the recency index and stops after limit + 1 rows. */
  private async page(c: Criteria, today: string, limit: number, after: SearchCursor | undefined): Promise<ItemRow[]> {
    const sql = new Sql();
    const { where } = this.where(sql, c, today);
    const keyset = this.keyset(sql, 'recency', after, 'v');
    const pageSql = `
      SELECT v.id, v.published_at, NULL::real AS rank FROM ${TABLE} v
      WHERE ${where}${keyset ? ` AND ${keyset}` : ''}
      ORDER BY ${VacancySearch.order('recency', 'v')} LIMIT ${sql.add(limit + 1, '::int')}`;
    const result = await row<{ items: ItemRow[] }>(this.dataSource, VacancySearch.items('recency', pageSql), sql.params);
    return result?.items ?? [];
  }

  /**
   * The bounded work of a search, in one statement. `m` holds the newest `candidateLimit` + 1
   * matches (more if a recency page is longer): the planner walks the recency index (index-only
   * without text, migration 1763900000002) and stops there, or, for rarer words, reads the GIN
   * matches and keeps the newest. The candidates are the first `candidateLimit` of them: the counts
   * and facets are counted over them (exact when `m` holds no more; a lower bound otherwise), and
   * relevance is ranked over them only (`ts_rank_cd` on at most `candidateLimit` rows).
   */
  private async bounded(c: Criteria, today: string, work: BoundedWork): Promise<{ items: ItemRow[]; counts?: Counts }> {
    const sql = new Sql();
    const { where, tsquery } = this.where(sql, c, today);
    const sort = work.page?.sort;
    const cap = sql.add(this.candidateLimit, '::int');
    const mLimit = sql.add(Math.max(this.candidateLimit, work.page?.limit ?? 0) + 1, '::int');
    // The rank is computed as the rows are found: for at most mLimit rows when the planner walks the
    // recency index, for every match when it sorts the GIN matches (then they are few).
    const rank = sort === 'relevance' ? `ts_rank_cd(v.search_vector, ${tsquery!})` : 'NULL::real';
    const ctes = [
      `m AS MATERIALIZED (
         SELECT v.id, v.published_at, v.facet_key, ${rank} AS rank
         FROM ${TABLE} v WHERE ${where}
         ORDER BY ${VacancySearch.order('recency', 'v')} LIMIT ${mLimit}
       )`,
      `cand AS (SELECT * FROM m ORDER BY ${VacancySearch.order('recency', 'm')} LIMIT ${cap})`,
    ];
    const columns: string[] = [];
    if (work.counts) {
      ctes.push(`c AS (SELECT facet_key AS k, count(*) AS n FROM cand GROUP BY facet_key)`, VacancySearch.DECODED, `f AS (${VacancySearch.ROLL_UP})`);
      columns.push('(SELECT json_agg(f) FROM f) AS facets', `(SELECT count(*) FROM m) > ${cap} AS more`);
    }
    if (work.page) {
      const { limit, after } = work.page;
      let pageSql: string;
      if (sort === 'relevance') {
        const keyset = this.keyset(sql, 'relevance', after, 's');
        pageSql = `
          SELECT s.id, s.published_at, s.rank FROM cand s ${keyset ? `WHERE ${keyset}` : ''}
          ORDER BY ${VacancySearch.order('relevance', 's')} LIMIT ${sql.add(limit + 1, '::int')}`;
      } else {
        pageSql = `SELECT m.id, m.published_at, NULL::real AS rank FROM m ORDER BY ${VacancySearch.order('recency', 'm')} LIMIT ${sql.add(limit + 1, '::int')}`;
      }
      columns.push(`(${VacancySearch.items(sort!, pageSql)}) AS items`);
    }
    const result = await row<{ facets?: FacetRow[] | null; more?: boolean; items?: ItemRow[] }>(
      this.dataSource,
      `WITH ${ctes.join(',\n')}\nSELECT ${columns.join(', ')}`,
      sql.params,
    );
    return {
      items: result?.items ?? [],
      ...(work.counts ? { counts: VacancySearch.toCounts(result?.facets ?? [], result?.more ?? false) } : {}),
    };
  }

  /**
   * `c` counts the matches per `facet_key`, the stored integer that packs (country, contract type,
   * work mode, ISCO major group): one hash aggregate on one integer column over the matches, at
   * most 57 × 6 × 3 × 10 groups. `d` decodes those groups (migration 1763900000000), and the
   * GROUPING SETS below roll them up: far cheaper than grouping every match four ways on text.
   */
  private static readonly DECODED = `
    d AS (
      SELECT vacancies.facet_country(k) AS country, vacancies.facet_contract_type(k) AS contract_type,
             vacancies.facet_work_mode(k) AS work_mode, vacancies.facet_major(k) AS isco_major, n
      FROM c
    )`;

  private static readonly ROLL_UP = `
    SELECT GROUPING(country, contract_type, work_mode, isco_major) AS g,
           country, contract_type, work_mode, isco_major AS major, sum(n)::int AS n
    FROM d GROUP BY GROUPING SETS ((), (country), (contract_type), (work_mode), (isco_major))`;

  private static toCounts(rows: FacetRow[], more: boolean): Counts {
    const pick = (group: number, value: (r: FacetRow) => string | null): FacetValue[] =>
      rows
        .filter((r) => r.g === group && value(r) !== null)
        .map((r) => ({ value: value(r)!, count: r.n }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return {
      total: rows.find((r) => r.g === GROUP_TOTAL)?.n ?? 0,
      totalIsLowerBound: more,
      facets: {
        country: pick(GROUP_COUNTRY, (r) => r.country),
        contractType: pick(GROUP_CONTRACT, (r) => r.contract_type),
        workMode: pick(GROUP_WORK_MODE, (r) => r.work_mode),
        occupationMajor: pick(GROUP_MAJOR, (r) => r.major),
      },
    };
  }

  private summary(row: ItemRow, locale: Locale): VacancySummary {
    const salary = salaryOf({ salary_min: row.salaryMin === null ? null : String(row.salaryMin), salary_max: row.salaryMax === null ? null : String(row.salaryMax), salary_currency: row.salaryCurrency, salary_period: row.salaryPeriod });
    return {
      id: row.id,
      title: row.title,
      displayTitle: resolveText(row.title, locale) ?? '',
      employerName: resolveText(row.employerName, locale) ?? '',
      iscoCode: row.iscoCode,
      country: row.country,
      city: row.city,
      workMode: row.workMode,
      contractType: row.contractType,
      ...(salary ? { salary } : {}),
      closingDate: row.closingDate,
      publishedAt: new Date(row.publishedAt).toISOString(),
    };
  }
}
