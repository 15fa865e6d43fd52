import { randomUUID } from 'node:crypto';
import { encodeCursor, ErrorCode, type SearchVacanciesRequest, type VacancySearchResult, type VacancySummary } from '@olp/contracts';
import { foldForSearch, type LocalizedText } from '@olp/reference-data';
import { SearchCache } from '../src/search/search-cache.js';
import { SearchGeneration } from '../src/search/search-generation.js';
import { VacanciesService } from '../src/vacancies/vacancies.service.js';
import { VacanciesHarness, employer, isoDate } from './vacancies-harness.js';

interface Seed {
  title: LocalizedText;
  description?: LocalizedText;
  iscoCode?: string;
  country?: string;
  contractType?: string;
  workMode?: string;
  skillIds?: string[];
  eligibility?: string[];
  /** Minutes ago. */
  publishedMinutesAgo?: number;
  /** Exact timestamp (for ties). */
  publishedAt?: string;
  closingInDays?: number;
  status?: string;
}

describe('vacancy search', () => {
  const h = new VacanciesHarness();
  const owner = employer();
  let employerId: string;

  /** Published vacancies written straight into the table (search reads only the table). */
  async function seed(items: Seed[]): Promise<string[]> {
    const rows = items.map((s, i) => ({
      id: randomUUID(),
      employer_id: employerId,
      status: s.status ?? 'published',
      title: s.title,
      description: s.description ?? { en: 'A job.' },
      isco_code: s.iscoCode ?? '2149',
      skills: (s.skillIds ?? []).map((skillId) => ({ skillId, essential: true })),
      skill_ids: s.skillIds ?? [],
      country: s.country ?? 'QA',
      work_mode: s.workMode ?? 'on-site',
      contract_type: s.contractType ?? 'permanent',
      eligibility_scope: s.eligibility ? 'listed' : 'all-member-states',
      eligibility_countries: s.eligibility ?? [],
      closing_date: isoDate(s.closingInDays ?? 30),
      published_at: s.status === 'draft' ? null : (s.publishedAt ?? new Date(Date.now() - (s.publishedMinutesAgo ?? i) * 60_000).toISOString()),
    }));
    await h.db.query(
      `INSERT INTO vacancies.vacancies (id, employer_id, status, title, description, isco_code, skills, skill_ids, languages, country, city,
         work_mode, contract_type, positions, eligibility_scope, eligibility_countries, relocation_support, visa_support, closing_date, published_at, closed_at)
       SELECT x.id, x.employer_id, x.status, x.title, x.description, x.isco_code, x.skills, x.skill_ids, '[]', x.country, 'City',
         x.work_mode, x.contract_type, 1, x.eligibility_scope, x.eligibility_countries, false, false, x.closing_date, x.published_at,
         CASE WHEN x.status IN ('closed', 'filled', 'expired') THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, employer_id uuid, status text, title jsonb, description jsonb, isco_code text, skills jsonb,
         skill_ids text[], country text, work_mode text, contract_type text, eligibility_scope text, eligibility_countries text[],
         closing_date date, published_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    h.get<SearchCache>(SearchCache).invalidate();
    return rows.map((r) => r.id);
  }

  const search = (request: SearchVacanciesRequest, locale: 'ar' | 'en' | 'fr' = 'en') => h.call('rpc.vacancies.search.v1', request, undefined, locale);
  const ids = (result: VacancySearchResult) => result.items.map((i) => i.id);

  /** Every page of a search, following nextCursor. */
  async function all(request: SearchVacanciesRequest, uncached = false): Promise<{ items: VacancySummary[]; pages: VacancySearchResult[] }> {
    const pages: VacancySearchResult[] = [];
    let cursor: string | undefined;
    do {
      // Uncached, every page takes the single-statement path (page and counts together).
      if (uncached) h.get<SearchCache>(SearchCache).invalidate();
      const page = await search({ ...request, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 100);
    return { items: pages.flatMap((p) => p.items), pages };
  }

  beforeAll(async () => {
    await h.start('search');
    employerId = (await h.createEmployer(owner, 'Gulf Builders')).id;
  });
  afterAll(() => h.stop());

  describe('fold_text (SQL) is foldForSearch (TypeScript)', () => {
    it.each([
      ['Ingénieur ÉLECTRICIEN', 'plain French accents and capitals'],
      ['Œuvre cœur Æther Straße ẞ', 'ligatures and sharp s, upper and lower'],
      ['İstanbul ŞĞÜÖÇ şğüöç ı Iğdır', 'Turkish dotted and dotless i'],
      ['Ağdam Şəki Gəncə ə Ə', 'Azeri schwa'],
      ['Pengurus Projek Kejuruteraan', 'Malay'],
      ['ñ ã õ å ø ł đ ħ', 'letters NFKD does or does not split'],
      ['مُهَنْدِسٌ أَمْنٍ', 'harakat, tanwin'],
      ['إدارة آمنة ٱلمدرسة مستشفى مسؤول رئيس', 'alef forms, ta marbuta, alef maqsura, hamza seats'],
      ['مـــهـــنـــدس', 'tatweel'],
      ['ﻻ ﷲ ﺍﻟﺴﻼﻡ', 'Arabic presentation forms'],
      ['کارمند یک مهندس ۱۲۳ ٤٥٦', 'Persian letters and digits'],
      ['  tabs\tand\nnewlines\u00a0nbsp\u2003em\u3000ideographic\ufeffbom  ', 'whitespace of every kind'],
      ['ﬁnance ① ½ ²', 'compatibility characters'],
      ['ΣΟΦΟΣ Σ', 'Greek final sigma'],
      ['', 'empty'],
      ['C++ / .NET — “quotes” – 10%', 'punctuation'],
    ])('%s (%s)', async (input) => {
      const [row] = await h.db.query<{ folded: string }>('SELECT vacancies.fold_text($1) AS folded', [input]);
      expect(row!.folded).toBe(foldForSearch(input));
    });
  });

  describe('text in three languages', () => {
    let arabic: string, french: string, english: string, englishOnly: string, arabicOnly: string;

    beforeAll(async () => {
      [arabic, french, english, englishOnly, arabicOnly] = await seed([
        {
          title: { ar: 'مُهَنْدِسُ أَمْنِ المَعْلُومَاتِ فِي إِدَارَةِ الشَّبَكَةِ', en: 'Network security officer' },
          description: { ar: 'بيئة عمل آمِنَة ومُستشفى قريب' },
        },
        { title: { fr: 'Ingénieur électricien — sécurité des chantiers', en: 'Site electrician' } },
        { title: { en: 'Senior civil engineer', fr: 'Chef de projet' }, description: { en: 'Engineering of bridges' } },
        { title: { en: 'Plumbing supervisor' } },
        { title: { ar: 'ممرضة في مستشفى الأطفال' } },
      ]);
    });

    it('Arabic without diacritics and with a plain alef finds text written with them and with أ إ آ', async () => {
      expect(ids(await search({ q: 'مهندس امن' }))).toEqual([arabic]);
      expect(ids(await search({ q: 'ادارة' }))).toEqual([arabic]); // إِدَارَةِ
      expect(ids(await search({ q: 'أمن' }))).toEqual([arabic]);
      expect(ids(await search({ q: 'امنه' }))).toEqual([arabic]); // آمِنَة, ta marbuta written as ha
      expect(ids(await search({ q: 'آمنة' }))).toEqual([arabic]);
      expect(ids(await search({ q: 'مُهَنْدِس' }))).toEqual([arabic]); // diacritics in the query too
    });

    it('French without accents finds accented text, and the other way round', async () => {
      expect(ids(await search({ q: 'ingenieur electricien' }))).toEqual([french]);
      expect(ids(await search({ q: 'securite chantiers' }))).toEqual([french]);
      expect(ids(await search({ q: 'Sécurité' }))).toEqual([french]);
    });

    it('English is stemmed: engineers finds engineer and engineering', async () => {
      expect(ids(await search({ q: 'engineers' }))).toEqual([english]);
      expect(ids(await search({ q: 'civil engineering' }))).toEqual([english]);
    });

    it('a text in one language needs no other language present', async () => {
      expect(ids(await search({ q: 'plumbing' }))).toEqual([englishOnly]);
      expect(ids(await search({ q: 'ممرضه' }))).toEqual([arabicOnly]);
      expect(ids(await search({ q: 'مستشفى' })).sort()).toEqual([arabic, arabicOnly].sort());
    });

    it('resolves titles and employer names in the reader language', async () => {
      const [item] = (await search({ q: 'plumbing' }, 'ar')).items;
      expect(item).toMatchObject({ displayTitle: 'Plumbing supervisor', employerName: 'شركة Gulf Builders' });
      const [fr] = (await search({ q: 'electricien' }, 'fr')).items;
      expect(fr).toMatchObject({ displayTitle: 'Ingénieur électricien — sécurité des chantiers', employerName: 'Gulf Builders' });
    });

    it('a query that folds to nothing is no query', async () => {
      const blank = await search({ q: ' … ', country: ['QA'] });
      const none = await search({ country: ['QA'] });
      expect(blank.total).toBe(none.total);
    });
  });

  describe('ranking', () => {
    it('puts a title match above a description-only match, then newer first', async () => {
      const [inDescription, inTitleOld, inTitleNew] = await seed([
        { title: { en: 'Storekeeper' }, description: { en: 'Our quasarite warehouse' }, publishedMinutesAgo: 1 },
        { title: { en: 'Quasarite technician' }, publishedMinutesAgo: 50 },
        { title: { en: 'Quasarite technician' }, publishedMinutesAgo: 5 },
      ]);
      expect(ids(await search({ q: 'quasarite' }))).toEqual([inTitleNew, inTitleOld, inDescription]);
      expect(ids(await search({ q: 'quasarite', sort: 'recency' }))).toEqual([inDescription, inTitleNew, inTitleOld]);
    });
  });

  describe('filters', () => {
    const marker = 'filterium';
    let v: Record<string, string>;

    beforeAll(async () => {
      const list = await seed([
        { title: { en: `${marker} a` }, country: 'JO', iscoCode: '2142', contractType: 'permanent', workMode: 'remote', skillIds: ['ict.python', 'ict.javascript'], publishedMinutesAgo: 60 * 24 * 10 },
        { title: { en: `${marker} b` }, country: 'EG', iscoCode: '2149', contractType: 'fixed-term', workMode: 'hybrid', skillIds: ['ict.python'], eligibility: ['JO', 'EG'] },
        { title: { en: `${marker} c` }, country: 'MA', iscoCode: '3112', contractType: 'internship', workMode: 'on-site', skillIds: ['osh.risk-assessment'], eligibility: ['MA'] },
        { title: { en: `${marker} d` }, country: 'JO', iscoCode: '7411', contractType: 'permanent', workMode: 'on-site', publishedMinutesAgo: 60 * 24 * 3 },
        { title: { en: `${marker} draft` }, status: 'draft' },
        { title: { en: `${marker} closed` }, status: 'closed' },
        { title: { en: `${marker} expired` }, status: 'expired' },
        { title: { en: `${marker} past closing date` }, closingInDays: -1 },
      ]);
      v = { a: list[0]!, b: list[1]!, c: list[2]!, d: list[3]! };
    });

    const find = async (filters: Omit<SearchVacanciesRequest, 'q'>) => ids(await search({ q: marker, sort: 'recency', ...filters })).sort();
    const expected = (...keys: string[]) => keys.map((k) => v[k]!).sort();

    it('shows only published vacancies still open', async () => {
      expect(await find({})).toEqual(expected('a', 'b', 'c', 'd'));
    });

    it('country: any of', async () => {
      expect(await find({ country: ['JO'] })).toEqual(expected('a', 'd'));
      expect(await find({ country: ['JO', 'MA'] })).toEqual(expected('a', 'c', 'd'));
    });

    it('occupation: an ISCO-08 prefix at any level', async () => {
      expect(await find({ occupation: '2' })).toEqual(expected('a', 'b'));
      expect(await find({ occupation: '21' })).toEqual(expected('a', 'b'));
      expect(await find({ occupation: '214' })).toEqual(expected('a', 'b'));
      expect(await find({ occupation: '2149' })).toEqual(expected('b'));
      expect(await find({ occupation: '31' })).toEqual(expected('c'));
      expect(await find({ occupation: '9' })).toEqual([]);
    });

    it('skill: all of', async () => {
      expect(await find({ skill: ['ict.python'] })).toEqual(expected('a', 'b'));
      expect(await find({ skill: ['ict.python', 'ict.javascript'] })).toEqual(expected('a'));
      expect(await find({ skill: ['ict.python', 'osh.risk-assessment'] })).toEqual([]);
    });

    it('contract type and work mode: any of', async () => {
      expect(await find({ contractType: ['permanent'] })).toEqual(expected('a', 'd'));
      expect(await find({ contractType: ['internship', 'fixed-term'] })).toEqual(expected('b', 'c'));
      expect(await find({ workMode: ['on-site'] })).toEqual(expected('c', 'd'));
      expect(await find({ workMode: ['remote', 'hybrid'], contractType: ['permanent'] })).toEqual(expected('a'));
    });

    it('posted since a date', async () => {
      expect(await find({ postedSince: isoDate(-5) })).toEqual(expected('b', 'c', 'd'));
      expect(await find({ postedSince: isoDate(-1) })).toEqual(expected('b', 'c'));
      expect(await find({ postedSince: isoDate(-30) })).toEqual(expected('a', 'b', 'c', 'd'));
    });

    it('open to a nationality: all member states, or listed', async () => {
      expect(await find({ openTo: 'JO' })).toEqual(expected('a', 'b', 'd'));
      expect(await find({ openTo: 'MA' })).toEqual(expected('a', 'c', 'd'));
      expect(await find({ openTo: 'SA' })).toEqual(expected('a', 'd'));
    });

    it('without text, filters alone', async () => {
      const result = await search({ country: ['MA'], contractType: ['internship'] });
      expect(ids(result)).toContain(v['c']);
      expect(result.items.every((i) => i.country === 'MA' && i.contractType === 'internship')).toBe(true);
    });
  });

  describe('facets and pagination', () => {
    const marker = 'paginix';
    let seeded: string[];

    beforeAll(async () => {
      const countries = ['QA', 'SA', 'JO', 'EG', 'MA'];
      const contracts = ['permanent', 'fixed-term', 'part-time', 'internship'];
      const modes = ['on-site', 'hybrid', 'remote'];
      const isco = ['2149', '3112', '7411', '2512', '5120'];
      // 57 matches; a third share one publication instant so ties are broken by id; words
      // repeated unevenly so ranks differ and also tie.
      const tie = new Date(Date.now() - 3_600_000).toISOString();
      seeded = await seed(
        Array.from({ length: 57 }, (_, i) => ({
          title: { en: `${marker} ${i % 4 === 0 ? `${marker} ${marker}` : 'officer'}` },
          description: { en: i % 3 === 0 ? `${marker} duties` : 'General duties' },
          country: countries[i % countries.length],
          contractType: contracts[i % contracts.length],
          workMode: modes[i % modes.length],
          iscoCode: isco[i % isco.length],
          ...(i % 3 === 0 ? { publishedAt: tie } : { publishedMinutesAgo: i * 7 }),
        })),
      );
      // Not matches: another word, and a closed one with the word.
      await seed([{ title: { en: 'unrelated officer' } }, { title: { en: `${marker} closed` }, status: 'closed' }]);
    });

    it.each([
      ['recency', { q: marker, sort: 'recency' as const }, false],
      ['relevance', { q: marker }, false],
      ['recency without text', { country: ['QA', 'SA', 'JO', 'EG', 'MA'], postedSince: isoDate(-2) }, false],
      ['recency, uncached', { q: marker, sort: 'recency' as const }, true],
      ['relevance, uncached', { q: marker }, true],
    ])('returns every match exactly once over pages of 10 (%s)', async (_name, shape, uncached) => {
      const request: SearchVacanciesRequest = shape;
      const { items, pages } = await all({ ...request, limit: 10 }, uncached);
      const found = items.map((i) => i.id);
      expect(new Set(found).size).toBe(found.length);
      // Pages concatenate to the same order as one big page.
      h.get<SearchCache>(SearchCache).invalidate();
      expect(found.slice(0, 50)).toEqual(ids(await search({ ...request, limit: 50 })));
      if (request.q) {
        expect([...found].sort()).toEqual([...seeded].sort());
        expect(pages).toHaveLength(6);
        expect(pages.slice(0, 5).every((p) => p.items.length === 10)).toBe(true);
        expect(pages[5]!.items).toHaveLength(7);
      }
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.every((p) => p.total === found.length)).toBe(true);
      if (request.sort === 'recency' || !request.q) {
        const times = items.map((i) => Date.parse(i.publishedAt));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }
    });

    it('facet counts are the counts of the whole filtered result', async () => {
      for (const request of [{ q: marker }, { q: marker, country: ['QA', 'JO'] }, { q: marker, workMode: ['remote'] as ('remote' | 'hybrid' | 'on-site')[] }, { occupation: '2' }]) {
        const { items, pages } = await all({ ...request, limit: 50 });
        const first = pages[0]!;
        const count = (value: (i: VacancySummary) => string) => {
          const counts = new Map<string, number>();
          for (const item of items) counts.set(value(item), (counts.get(value(item)) ?? 0) + 1);
          return [...counts.entries()].map(([v, n]) => ({ value: v, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
        };
        expect(first.total).toBe(items.length);
        expect(first.facets.country).toEqual(count((i) => i.country));
        expect(first.facets.contractType).toEqual(count((i) => i.contractType));
        expect(first.facets.workMode).toEqual(count((i) => i.workMode));
        expect(first.facets.occupationMajor).toEqual(count((i) => i.iscoCode[0]!));
        // Later pages carry the same counts.
        for (const page of pages) expect(page.facets).toEqual(first.facets);
      }
    });

    it('limit: 20 by default, at most 50', async () => {
      expect((await search({ q: marker })).items).toHaveLength(20);
      expect((await search({ q: marker, limit: 50 })).items).toHaveLength(50);
      expect(await h.code('rpc.vacancies.search.v1', { q: marker, limit: 51 })).toBe(ErrorCode.ValidationFailed);
    });

    it('a malformed or foreign cursor is VALIDATION_FAILED on cursor (isCursor)', async () => {
      const page = await search({ q: marker, limit: 5 });
      const cursors = [
        'not-a-cursor',
        encodeCursor({ hello: 'world' }),
        encodeCursor([1, 2, 3]),
        encodeCursor({ s: 'recency', f: 'x', p: 'yesterday', i: randomUUID() }),
        Buffer.from('{"s": "relevance", oops', 'utf8').toString('base64url'),
      ];
      for (const cursor of cursors) {
        expect(await h.failure('rpc.vacancies.search.v1', { q: marker, cursor })).toMatchObject({
          code: ErrorCode.ValidationFailed,
          fields: [{ field: 'cursor', rule: 'isCursor' }],
        });
      }
      // From another sort or another query.
      expect((await h.failure('rpc.vacancies.search.v1', { q: marker, sort: 'recency', cursor: page.nextCursor! })).fields).toEqual([{ field: 'cursor', rule: 'isCursor' }]);
      expect((await h.failure('rpc.vacancies.search.v1', { q: 'other', cursor: page.nextCursor! })).fields).toEqual([{ field: 'cursor', rule: 'isCursor' }]);
      expect((await h.failure('rpc.vacancies.search.v1', { q: marker, country: ['QA'], cursor: page.nextCursor! })).fields).toEqual([{ field: 'cursor', rule: 'isCursor' }]);
      // The same query with another page size is fine.
      await expect(search({ q: marker, limit: 7, cursor: page.nextCursor! })).resolves.toMatchObject({ total: 57 });
    });
  });

  describe('cache and search generation', () => {
    const generation = async () => (await h.call('rpc.vacancies.search-generation.v1', {})).generation;
    /** A statement run with triggers off: a change the search generation does not see. */
    const unseen = (statement: string) => h.db.query(`BEGIN; SET LOCAL session_replication_role = replica; ${statement}; COMMIT`);

    it('serves repeated searches from memory while the generation is unchanged', async () => {
      const marker = 'cachetto';
      const [id] = await seed([{ title: { en: marker } }]);
      expect((await search({ q: marker })).total).toBe(1);
      const before = await generation();
      // Bookkeeping search never reads (an application counted) leaves the generation alone...
      await h.db.query(`UPDATE vacancies.vacancies SET application_count = application_count + 1, updated_at = now() WHERE id = $1`, [id]);
      // ...and so does a draft.
      await h.createVacancy(owner, employerId, { title: { en: marker } });
      expect(await generation()).toBe(before);
      // A change hidden from the generation is not seen: the answer comes from memory.
      await unseen(`UPDATE vacancies.vacancies SET title = '{"en": "cachetto renovato"}' WHERE id = '${id}'`);
      expect((await search({ q: marker })).total).toBe(1);
      expect((await search({ q: 'renovato' })).total).toBe(1); // a query not asked before is computed
    });

    it('shows every change to the searchable vacancies at once, whoever makes it', async () => {
      const marker = 'generatio';
      const [seeded] = await seed([{ title: { en: marker } }]);
      expect((await search({ q: marker })).total).toBe(1);
      const seen: string[] = [await generation()];
      const expectTotal = async (total: number) => {
        expect((await search({ q: marker })).total).toBe(total);
        const now = await generation();
        expect(seen).not.toContain(now);
        seen.push(now);
      };
      // Published through the service, an edit, a close, an expiry...
      const draft = await h.createVacancy(owner, employerId, { title: { en: marker } });
      const published = await h.call('rpc.vacancies.publish-vacancy.v1', { vacancyId: draft.id }, owner);
      await expectTotal(2);
      await h.call('rpc.vacancies.update-vacancy.v1', { vacancyId: published.id, expectedVersion: published.version, title: { en: 'renamed' } }, owner);
      await expectTotal(1);
      const other = await h.publishedVacancy(owner, employerId, { title: { en: marker } });
      await expectTotal(2);
      await h.call('rpc.vacancies.close-vacancy.v1', { vacancyId: other.id, reason: 'filled' }, owner);
      await expectTotal(1);
      await h.db.query(`UPDATE vacancies.vacancies SET closing_date = current_date - 1 WHERE id = $1`, [seeded]);
      await expectTotal(0); // past its closing date: out of search already, before expiry closes it
      await h.get<VacanciesService>(VacanciesService).expireDue();
      expect(await generation()).not.toBe(seen[seen.length - 1]);
      // ...and an operator's SQL, and an employer renamed (its name is in every result).
      await h.db.query(`UPDATE vacancies.vacancies SET title = '{"en": "generatio"}' WHERE id = $1`, [published.id]);
      await expectTotal(1);
      const before = await generation();
      await h.db.query(`UPDATE vacancies.employers SET name = '{"en": "Gulf Builders Group"}' WHERE id = $1`, [employerId]);
      expect(await generation()).not.toBe(before);
      expect((await search({ q: marker })).items[0]!.employerName).toBe('Gulf Builders Group');
    });

    it('tells whether a search may answer otherwise than at a generation: only changes it matches count', async () => {
      const changed = (request: SearchVacanciesRequest, since: string) => h.call('rpc.vacancies.search-changed.v1', { ...request, since });
      const [kappa] = await seed([{ title: { en: 'kappa surveyor' }, country: 'QA' }]);
      const g0 = await generation();
      expect(await changed({ q: 'kappa' }, g0)).toEqual({ changed: false, generation: g0 });
      // A publication elsewhere moves the generation on, but concerns only the searches it matches.
      await h.publishedVacancy(owner, employerId, { title: { en: 'lambda welder' }, country: 'SA' });
      const g1 = await generation();
      expect(g1).not.toBe(g0);
      expect(await changed({ q: 'kappa' }, g0)).toEqual({ changed: false, generation: g1 });
      expect(await changed({ q: 'kappa', cursor: 'ignored' }, g0)).toEqual({ changed: false, generation: g1 });
      expect((await changed({ country: ['SA'] }, g0)).changed).toBe(true);
      expect((await changed({ q: 'lambda' }, g0)).changed).toBe(true);
      expect((await changed({}, g0)).changed).toBe(true); // browsing matches everything
      expect((await changed({ country: ['QA'] }, g0)).changed).toBe(false);
      // Every filter at once: the change log has every column a search reads.
      const all: SearchVacanciesRequest = { q: 'kappa', country: ['QA'], occupation: '21', skill: ['osh.risk-assessment'], contractType: ['permanent'], workMode: ['remote'], postedSince: '2026-01-01', openTo: 'JO' };
      expect((await changed(all, g1)).changed).toBe(false);
      // An edit that moves a vacancy out of a search concerns that search (as it was), and the one it enters (as it is).
      await h.db.query(`UPDATE vacancies.vacancies SET country = 'EG' WHERE id = $1`, [kappa]);
      expect((await changed({ country: ['QA'] }, g1)).changed).toBe(true);
      expect((await changed({ country: ['EG'] }, g1)).changed).toBe(true);
      expect((await changed({ country: ['SA'] }, g1)).changed).toBe(false);
      const g2 = await generation();
      // Renaming the employer concerns every search listing its vacancies.
      await h.db.query(`UPDATE vacancies.employers SET name = '{"en": "Gulf Builders Holding"}' WHERE id = $1`, [employerId]);
      expect((await changed({ q: 'kappa' }, g2)).changed).toBe(true);
      // Another day's generation, one older than the change log, or a malformed one: changed.
      const g3 = await generation();
      const [counter, today] = g3.split('@') as [string, string];
      expect((await changed({ q: 'kappa' }, g3)).changed).toBe(false);
      expect((await changed({ q: 'kappa' }, `${counter}@2020-01-01`)).changed).toBe(true);
      expect((await changed({ q: 'kappa' }, `${counter}@${today}x`)).changed).toBe(true);
      await h.db.query(`UPDATE vacancies.search_generation SET complete_after = value`);
      expect((await changed({ q: 'kappa' }, `${Number(counter) - 1}@${today}`)).changed).toBe(true);
      expect((await changed({ q: 'kappa' }, g3)).changed).toBe(false);
      // A bulk change is not logged: every search counts as changed since before it.
      const logged = async () => Number((await h.db.query<{ n: string }>(`SELECT count(*) AS n FROM vacancies.search_changes`))[0]!.n);
      const before = await logged();
      await seed(Array.from({ length: 501 }, () => ({ title: { en: 'omicron bulk' }, country: 'SA' })));
      expect(await logged()).toBe(before);
      expect((await changed({ q: 'kappa' }, g3)).changed).toBe(true);
      const g4 = await generation();
      expect((await changed({ q: 'kappa' }, g4)).changed).toBe(false);
    });

    it('prunes the change log of entries older than 15 minutes every 64th generation, moving complete_after past them', async () => {
      const [mu] = await seed([{ title: { en: 'mu inspector' }, country: 'QA' }]);
      const log = async () =>
        (await h.db.query<{ g: string }>(`SELECT generation::text AS g FROM vacancies.search_changes ORDER BY generation`)).map((r) => Number(r.g));
      const state = async () => (await h.db.query<{ value: string; complete_after: string }>(`SELECT value::text, complete_after::text FROM vacancies.search_generation`))[0]!;
      const edit = (city: string) => h.db.query(`UPDATE vacancies.vacancies SET city = $2 WHERE id = $1`, [mu, city]);
      // Everything logged so far is old; the next change is generation 63 (mod 64), then 64.
      await h.db.query(`UPDATE vacancies.search_changes SET changed_at = now() - interval '16 minutes'`);
      const old = await log();
      expect(old.length).toBeGreaterThan(0);
      const value = Number((await state()).value);
      await h.db.query(`UPDATE vacancies.search_generation SET value = $1`, [value + 62 - (value % 64)]);
      await edit('Lusail');
      expect((await log()).slice(0, old.length)).toEqual(old); // not a pruning generation: kept
      await edit('Al Wakrah');
      const after = await state();
      expect(Number(after.value) % 64).toBe(0);
      // Only the last two changes are left (an edit logs the row as it was and as it is).
      expect([...new Set(await log())]).toEqual([Number(after.value) - 1, Number(after.value)]);
      expect(Number(after.complete_after)).toBeGreaterThanOrEqual(Math.max(...old));
    });

    it('changes with the date, since closing dates pass at midnight (UTC)', async () => {
      const generations = h.get<SearchGeneration>(SearchGeneration);
      const evening = await generations.current(new Date('2026-11-20T23:59:59.999Z'));
      expect(await generations.current(new Date('2026-11-20T00:00:00.000Z'))).toBe(evening);
      expect(await generations.current(new Date('2026-11-21T00:00:00.000Z'))).not.toBe(evening);
    });
  });
});
