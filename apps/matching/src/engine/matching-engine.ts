import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  MATCHES_FOUND_MAX_SEEKERS,
  type EmployerMemberAddedV1,
  type EmployerMemberRemovedV1,
  type MatchesFoundV1,
  type SeekerConsentChangedV1,
  type SeekerProfileUpdatedV1,
  type VacancyClosedV1,
  type VacancySnapshotV1,
} from '@olp/contracts';
import { scrubOutbox, type OutboxWriter } from '@olp/messaging';
import { prepared, type PreparedSql } from '@olp/persistence';
import type { Logger } from '@olp/platform';
import type { LocalizedText } from '@olp/reference-data';
import { row, rows, todayUtc } from '../common/sql.js';
import type { ScoringWeights, SeekerFeatures, VacancyFeatures } from '../scoring/match-model.js';
import { scoreMatch } from '../scoring/score-match.js';
import { toSeekerFeatures, toVacancyFeatures, type VacancyEntry } from './features.js';
import { MatchIndex } from './match-index.js';
import type { MatchingMetrics } from './matching-metrics.js';
import { TopList, TopLists, type Ranked } from './top-list.js';

export const SCHEMA = 'matching';

/** A delivery batch's transaction: its day (for closing dates) and the effects gathered so far. */
interface Batch {
  today: string;
  op: Operation;
}

export interface MatchingSettings {
  weights: ScoringWeights;
  /** Score from which a pair is announced (`matching.matches.found.v1`). */
  threshold: number;
  vacancyTopK: number;
  seekerTopK: number;
  /** Vacancies and seekers of the loaded market rescored in memory at start, each ({@link MatchingEngine.warmUp}); 0: none. */
  warmUpRescores?: number;
}

export interface MatchingEngineDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  settings: MatchingSettings;
  logger: Logger;
  metrics?: MatchingMetrics;
  /** Today (YYYY-MM-DD, UTC) for the closing-date filter; tests may pin it. */
  today?: () => string;
}

interface Pair {
  v: string;
  s: string;
}

/** A pair as stored: its score and in which top lists it is. */
interface StoredPair extends Pair {
  score: number;
  inV: boolean;
  inS: boolean;
}

interface SeekerRow {
  seeker_id: string;
  features: SeekerFeatures;
  updated_version: number;
  profile_updated_at: Date;
  consent_changed_at: Date;
  seq: string;
}

/** An announcement just recorded in `notified_pairs`. */
interface Fresh {
  vacancy_id: string;
  seeker_id: string;
}

/** A `matching.matches.found.v1` to write. */
interface Announcement {
  payload: MatchesFoundV1;
  about: string;
}

interface VacancyRow {
  vacancy_id: string;
  title: LocalizedText;
  features: VacancyFeatures | null;
  closed_at: Date | null;
  seq: string;
}

const key = (v: string, s: string): string => `${v}|${s}`;

// What every projection batch runs: prepared once per connection (PreparedSql in @olp/persistence:
// planning such a statement cost PostgreSQL more than running it).
const LOCK_TEXT = `SELECT token, epoch FROM matching.projection_state WHERE id = 1 FOR UPDATE`;
const LOCK = prepared(LOCK_TEXT);
/** {@link LOCK} and a fresh token (`$1`) in one round trip: returns the state as it was before the stamp. */
const LOCK_AND_STAMP = prepared(`UPDATE matching.projection_state p SET token = $1 FROM (${LOCK_TEXT}) old WHERE p.id = 1 RETURNING old.token, old.epoch`);
const UPSERT_VACANCIES = prepared(
  `INSERT INTO matching.vacancies AS v (vacancy_id, employer_id, title, city, features, version, seq)
   SELECT u.vacancy_id, u.employer_id, u.title, u.city, u.features, u.version, nextval('matching.change_seq')
   FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::text[], $5::jsonb[], $6::integer[]) AS u(vacancy_id, employer_id, title, city, features, version)
   ON CONFLICT (vacancy_id) DO UPDATE
     SET employer_id = EXCLUDED.employer_id, title = EXCLUDED.title, city = EXCLUDED.city,
         features = EXCLUDED.features, version = EXCLUDED.version, seq = EXCLUDED.seq
     WHERE v.closed_at IS NULL AND v.version <= EXCLUDED.version
   RETURNING vacancy_id, seq, (xmax = 0) AS inserted`,
);
const PAIR_COLUMNS = `vacancy_id, seeker_id, score, in_vacancy_top, in_seeker_top, updated_at`;
/** Stored pairs from five arrays starting at parameter `$p` (vacancy, seeker, score, in the vacancy's list, in the seeker's). */
const pairRows = (p: number): string =>
  `SELECT u.v, u.s, u.score, u.inv, u.ins, now()
   FROM unnest($${p}::uuid[], $${p + 1}::uuid[], $${p + 2}::float8[], $${p + 3}::boolean[], $${p + 4}::boolean[]) AS u(v, s, score, inv, ins)`;
const PAIR_CONFLICT = `ON CONFLICT (vacancy_id, seeker_id) DO UPDATE
     SET score = EXCLUDED.score, in_vacancy_top = EXCLUDED.in_vacancy_top,
         in_seeker_top = EXCLUDED.in_seeker_top, updated_at = now()
     WHERE (m.score, m.in_vacancy_top, m.in_seeker_top) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.in_vacancy_top, EXCLUDED.in_seeker_top)`;
/**
 * A batch's writes in one statement (one round trip instead of five on the serial projection path),
 * as data-modifying CTEs over disjoint pairs, so none needs to see another's rows:
 * - `$1`–`$2` pairs in no list any more, deleted;
 * - `$3`–`$7` pairs no stored row can name yet ({@link Operation.isNew}), plainly inserted (an
 *   upsert's conflict check and speculative insertion cost ~12 % more a row, bench/README.md);
 * - `$8`–`$12` other pairs in some list, upserted (skipping rows that would not change);
 * - `$13`–`$14` announceable pairs that may have been announced before: those not announced yet get
 *   a `notified_pairs` row and are returned;
 * - `$15`–`$16` announceable pairs no stored row can name yet: surely not announced, recorded with a
 *   plain insert (a conflict would fail the batch rather than announce twice). Their
 *   `matching.matches.found.v1` events ride in the statement too (`events`, from `$18`:
 *   `OutboxWriter.insertSql`; none, empty arrays), so a batch of new vacancies needs no statement
 *   of its own to tell;
 * - `$17` the announcements' time.
 */
const writeBatchSql = (events: (first: number) => string): string =>
  `WITH deleted AS (
     DELETE FROM matching.matches m USING unnest($1::uuid[], $2::uuid[]) AS d(v, s) WHERE m.vacancy_id = d.v AND m.seeker_id = d.s
   ), inserted AS (
     INSERT INTO matching.matches (${PAIR_COLUMNS}) ${pairRows(3)}
   ), upserted AS (
     INSERT INTO matching.matches AS m (${PAIR_COLUMNS}) ${pairRows(8)}
     ${PAIR_CONFLICT}
   ), recorded AS (
     INSERT INTO matching.notified_pairs (vacancy_id, seeker_id, notified_at)
     SELECT v, s, $17::timestamptz FROM unnest($15::uuid[], $16::uuid[]) AS c(v, s)
   ), told AS (${events(18)})
   INSERT INTO matching.notified_pairs (vacancy_id, seeker_id, notified_at)
   SELECT v, s, $17::timestamptz FROM unnest($13::uuid[], $14::uuid[]) AS c(v, s)
   ON CONFLICT DO NOTHING RETURNING vacancy_id, seeker_id`;
/** Rows of one batch-writing statement ({@link writeBatchSql}) at most, per kind (it bounds the statement's parameters). */
const WRITE_CHUNK = 5000;

/**
 * The effects of a delivery batch's events on the top lists and matches, gathered in memory and
 * written once, before the batch commits ({@link MatchingEngine.flush}).
 */
class Operation {
  /** Pairs whose stored row may have to change (added, updated, removed). */
  readonly touched = new Map<string, Pair>();
  readonly seekerBackfills = new Set<string>();
  readonly vacancyBackfills = new Set<string>();
  /** Vacancies or seekers rescored against their candidates (their announced pairs are checked again), by `side|id`. */
  readonly rescored = new Map<string, { side: 'vacancy' | 'seeker'; id: string }>();
  /** Lists of closed vacancies and erased seekers, dropped from memory once their pairs are written. */
  readonly droppedVacancyLists = new Set<string>();
  readonly droppedSeekerLists = new Set<string>();
  /** Vacancies and seekers whose read-model row this transaction first inserted. */
  readonly createdVacancies = new Set<string>();
  readonly createdSeekers = new Set<string>();

  constructor(readonly today: string) {}

  /**
   * Whether no stored pair can exist for this pair: its vacancy or its seeker was first stored by
   * this transaction (pairs are only written for ids in the read model, under the projection lock,
   * and an erasure deletes a seeker's pairs with their row), and this operation writes once.
   */
  isNew(pair: Pair): boolean {
    return this.createdVacancies.has(pair.v) || this.createdSeekers.has(pair.s);
  }

  touch(v: string, s: string): void {
    this.touched.set(key(v, s), { v, s });
  }

  rescore(side: 'vacancy' | 'seeker', id: string): void {
    this.rescored.set(`${side}|${id}`, { side, id });
  }

  /** The other sides of this batch's unwritten pairs of a vacancy or seeker (lists that may hold it, unknown to the database yet). */
  pendingOthers(side: 'vacancy' | 'seeker', id: string): string[] {
    const out: string[] = [];
    for (const pair of this.touched.values()) {
      if (side === 'vacancy' && pair.v === id) out.push(pair.s);
      else if (side === 'seeker' && pair.s === id) out.push(pair.v);
    }
    return out;
  }

  get empty(): boolean {
    return this.touched.size === 0 && this.rescored.size === 0 && this.droppedVacancyLists.size === 0 && this.droppedSeekerLists.size === 0;
  }
}

/** What this replica's memory was changed with since the database last confirmed it. */
interface Suspects {
  seekers: Set<string>;
  vacancies: Set<string>;
}

export interface RecomputeReport {
  vacancies: number;
  seekers: number;
  pairsScored: number;
  matches: number;
  announced: number;
}

/**
 * The incremental matcher: keeps the read model (seekers, open vacancies, employer members) from
 * events, an in-memory {@link MatchIndex} of it, and the top lists of every vacancy
 * (`vacancyTopK` seekers) and every seeker (`seekerTopK` vacancies). A changed vacancy or profile
 * is scored against its candidates only; its own top list is recomputed and each pair is offered
 * to the other side's list, which is recomputed from its candidates only when a member dropped out
 * of a full list. Only pairs in some top list are stored, but a vacancy pushed out of a seeker's
 * full list keeps its row until its pair next changes (lazy eviction, {@link offerToSeeker}): a
 * seeker's list is the best `seekerTopK` of their rows marked `in_seeker_top`, a vacancy's list
 * all of its rows marked `in_vacancy_top`. Pairs reaching the threshold are announced once (again
 * after dropping below it).
 *
 * Several replicas (and several concurrent batches in one) stay correct because every projection
 * batch first locks the single `projection_state` row: batches run one at a time across replicas,
 * and under that lock a replica first catches up with what others wrote (rows whose `seq` is above
 * the last it saw, since the global sequence is only advanced under the lock) when the state's
 * token is not the one it wrote last. A rolled-back batch is detected the same way, and what it
 * had changed in memory is reloaded. Everything a handler writes is in the consumer's transaction.
 */
export class MatchingEngine {
  readonly index: MatchIndex;
  private readonly vacancyTops: TopLists;
  private readonly seekerTops: TopLists;
  private readonly batches = new WeakMap<EntityManager, Batch>();
  /** Every stored list is in memory (after a full load), so a list not held is empty; a catch-up loads lists lazily again. */
  private allTopsLoaded = false;

  private epoch: string | undefined;
  /** The token this replica wrote in its last batch; another value means someone else wrote since. */
  private expectedToken: string | undefined;
  /** Every read-model row with `seq` up to this is reflected in memory (suspects aside). */
  private watermark = 0;
  /** Highest `seq` written by the batch in progress (confirmed when the next batch finds our token). */
  private pendingSeq = 0;
  private suspects: Suspects = { seekers: new Set(), vacancies: new Set() };

  /** Replay (the rebuild): handlers only rebuild the read model; matches are recomputed at the end. */
  replay = false;

  /** Counters for tests and logs: projection batches begun, catch-ups with other writers, full loads. */
  readonly stats = { batches: 0, catchUps: 0, fullLoads: 0 };

  private readonly settings: MatchingSettings;
  private readonly logger: Logger;
  private readonly today: () => string;
  /** {@link writeBatchSql} with this service's outbox, prepared once per connection. */
  private readonly writeStatement: PreparedSql;

  constructor(private readonly deps: MatchingEngineDeps) {
    this.settings = deps.settings;
    this.logger = deps.logger;
    this.today = deps.today ?? (() => todayUtc());
    this.writeStatement = prepared(writeBatchSql((first) => deps.outbox.insertSql(first)));
    this.index = new MatchIndex(deps.settings.weights);
    this.vacancyTops = new TopLists(
      (id, floor) => this.index.setVacancyFloor(id, floor),
      () => this.index.resetVacancyFloors(),
    );
    this.seekerTops = new TopLists(
      (id, floor) => this.index.setSeekerFloor(id, floor),
      () => this.index.resetSeekerFloors(),
    );
  }

  // ---------------------------------------------------------------- lifecycle and replicas

  /** Nest's hook: the index is built before the application bootstraps its consumers. */
  async onModuleInit(): Promise<void> {
    await this.load();
    const warmed = this.warmUp(this.settings.warmUpRescores ?? 0);
    if (warmed.scored > 0) this.logger.info(warmed, 'matching warmed up');
  }

  /**
   * Rescores up to `count` vacancies and `count` seekers of the loaded market in memory, as a
   * publication or a profile edit would (candidates, bounds, scores, the exact best K, offers to
   * the other side's lists, backfills), but on copies of the lists, so nothing held changes and
   * nothing is written. The service runs it once after its load, before any event: without it
   * the first events of a fresh process ran that code unoptimised by V8 (bench:e2e at 100,000
   * seekers: ~60 ms a publication in the first second, ~15 in the next, ~4 once warm), and the
   * backlog that made took matching's serial loop 10–15 s to drain (bench/README.md).
   */
  warmUp(count: number): { vacancies: number; seekers: number; scored: number; ms: number } {
    const started = performance.now();
    const today = this.today();
    const { vacancyTopK, seekerTopK } = this.settings;
    const none = new Set<string>();
    const warmed = { vacancies: 0, seekers: 0, scored: 0, ms: 0 };
    const index = this.index;
    const sides = [
      {
        side: 'vacancies' as const,
        ids: index.vacancyIds(),
        own: this.vacancyTops,
        k: vacancyTopK,
        other: this.seekerTops,
        otherK: seekerTopK,
        rescore: (id: string) => index.rescoreSeekersFor(id, vacancyTopK, today, none),
        backfill: (id: string) => index.topSeekersFor(id, vacancyTopK, today),
      },
      {
        side: 'seekers' as const,
        ids: index.seekerIds(),
        own: this.seekerTops,
        k: seekerTopK,
        other: this.vacancyTops,
        otherK: vacancyTopK,
        rescore: (id: string) => index.rescoreVacanciesFor(id, seekerTopK, today, none),
        backfill: (id: string) => index.topVacanciesFor(id, seekerTopK, today),
      },
    ];
    for (const { side, ids, own, k, other, otherK, rescore, backfill } of sides) {
      // Spread over the market, not its first rows: one occupation or country would warm one path only.
      const step = Math.max(1, Math.floor(ids.length / Math.max(1, count)));
      for (let i = 0; i < ids.length && warmed[side] < count; i += step) {
        const id = ids[i]!;
        const { top, offers, scored } = rescore(id);
        backfill(id);
        changedMembers(own.get(id) ?? new TopList(k), new TopList(k, top));
        for (const [otherId, score] of offers) new TopList(otherK, other.get(otherId)?.entries() ?? []).offer(id, score);
        warmed[side]++;
        warmed.scored += scored + index.lastScored;
      }
    }
    warmed.ms = Math.round(performance.now() - started);
    return warmed;
  }

  /** Builds the index from the `matching` tables (at start), under the projection lock. */
  async load(): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const state = await this.lock(em);
      await this.fullLoad(em, state);
    });
  }

  /**
   * Takes the projection lock for the caller's transaction (released at commit or rollback); with
   * `stamp`, also writes it as the state's token. Returns the state as it was.
   */
  async lock(em: EntityManager, stamp?: string): Promise<{ token: string; epoch: string }> {
    const state = await row<{ token: string; epoch: string }>(em, stamp === undefined ? LOCK : LOCK_AND_STAMP, stamp === undefined ? [] : [stamp]);
    if (!state) throw new Error('matching.projection_state is missing its row');
    return state;
  }

  /**
   * The first handler of a delivery batch locks and stamps the state with a fresh token (one
   * statement), then brings this replica's memory up to date; later handlers of the same batch
   * reuse that. The replay (rebuild) only locks.
   */
  private async begin(em: EntityManager): Promise<Batch> {
    const known = this.batches.get(em);
    if (known) return known;
    const token = randomUUID();
    const state = await this.lock(em, this.replay ? undefined : token);
    const today = this.today();
    const batch = { today, op: new Operation(today) };
    this.batches.set(em, batch);
    if (this.replay) return batch;
    this.stats.batches++;

    if (state.epoch !== this.epoch) {
      this.deps.metrics?.catchUps.inc({ reason: 'epoch' });
      await this.fullLoad(em, state);
    } else if (state.token !== this.expectedToken) {
      this.deps.metrics?.catchUps.inc({ reason: 'replica' });
      this.stats.catchUps++;
      await this.catchUp(em);
    } else {
      // Our previous batch committed and nobody wrote since: memory is exactly the database.
      this.watermark = Math.max(this.watermark, this.pendingSeq);
      this.suspects = { seekers: new Set(), vacancies: new Set() };
    }
    this.expectedToken = token;
    this.pendingSeq = this.watermark;
    return batch;
  }

  /** `withTops: false` for the rebuild, which replaces every list: reading them first would be wasted. */
  private async fullLoad(em: EntityManager, state: { token: string; epoch: string }, withTops = true): Promise<void> {
    this.stats.fullLoads++;
    this.index.clear();
    this.vacancyTops.clear();
    this.seekerTops.clear();
    this.allTopsLoaded = false;
    let watermark = 0;
    const seekers = await rows<{ features: SeekerFeatures; seq: string }>(em, `SELECT features, seq FROM matching.seekers`);
    for (const s of seekers) {
      this.index.putSeeker(s.features);
      watermark = Math.max(watermark, Number(s.seq));
    }
    const vacancies = await rows<VacancyRow>(em, `SELECT vacancy_id, title, features, closed_at, seq FROM matching.vacancies`);
    for (const v of vacancies) {
      if (v.closed_at === null && v.features) this.index.putVacancy({ features: v.features, title: v.title });
      watermark = Math.max(watermark, Number(v.seq));
    }
    const [erased] = await rows<{ max: string | null }>(em, `SELECT max(seq) AS max FROM matching.erased_users`);
    watermark = Math.max(watermark, Number(erased?.max ?? 0));
    if (withTops) await this.loadAllTops(em);
    this.watermark = watermark;
    this.pendingSeq = watermark;
    this.epoch = state.epoch;
    this.expectedToken = state.token;
    this.suspects = { seekers: new Set(), vacancies: new Set() };
    this.observeSize();
    this.logger.info({ seekers: this.index.seekerCount, vacancies: this.index.vacancyCount }, 'matching index loaded');
  }

  /**
   * Every stored top list, read in pages of the primary key: an event then offers its pairs to
   * lists in memory instead of reading thousands of cold lists (a new vacancy has ~7,800
   * candidates at 100,000 seekers). Ids are the index's own strings, so lists share them.
   * A seeker's rows beyond their best `seekerTopK` (lazy evictions) are cut by `TopList`.
   */
  private async loadAllTops(em: EntityManager): Promise<void> {
    const vacancyLists = new Map<string, Ranked[]>();
    const seekerLists = new Map<string, Ranked[]>();
    const PAGE = 100_000;
    let after: { v: string; s: string } | undefined;
    for (;;) {
      const page = await rows<{ vacancy_id: string; seeker_id: string; score: number; in_vacancy_top: boolean; in_seeker_top: boolean }>(
        em,
        `SELECT vacancy_id, seeker_id, score, in_vacancy_top, in_seeker_top FROM matching.matches
         ${after ? 'WHERE (vacancy_id, seeker_id) > ($2::uuid, $3::uuid)' : ''} ORDER BY vacancy_id, seeker_id LIMIT $1`,
        after ? [PAGE, after.v, after.s] : [PAGE],
      );
      for (const r of page) {
        const v = this.index.vacancy(r.vacancy_id)?.features.vacancyId ?? r.vacancy_id;
        const s = this.index.seeker(r.seeker_id)?.seekerId ?? r.seeker_id;
        if (r.in_vacancy_top) push(vacancyLists, v, { id: s, score: r.score });
        if (r.in_seeker_top) push(seekerLists, s, { id: v, score: r.score });
      }
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { v: last.vacancy_id, s: last.seeker_id };
    }
    for (const [id, entries] of vacancyLists) this.vacancyTops.set(id, new TopList(this.settings.vacancyTopK, entries));
    for (const [id, entries] of seekerLists) this.seekerTops.set(id, new TopList(this.settings.seekerTopK, entries));
    this.allTopsLoaded = true;
  }

  /** Someone else wrote (another replica), or our last batch rolled back: reload what may differ. */
  private async catchUp(em: EntityManager): Promise<void> {
    this.vacancyTops.clear();
    this.seekerTops.clear();
    this.allTopsLoaded = false;
    const suspectSeekers = [...this.suspects.seekers];
    const suspectVacancies = [...this.suspects.vacancies];
    const changes: { seq: number; apply: () => void }[] = [];

    const seekers = await rows<{ seeker_id: string; features: SeekerFeatures; seq: string }>(
      em,
      `SELECT seeker_id, features, seq FROM matching.seekers WHERE seq > $1 OR seeker_id = ANY($2::uuid[])`,
      [this.watermark, suspectSeekers],
    );
    const present = new Set(seekers.map((s) => s.seeker_id));
    for (const s of seekers) changes.push({ seq: Number(s.seq), apply: () => this.index.putSeeker(s.features) });
    for (const id of suspectSeekers) if (!present.has(id)) changes.push({ seq: 0, apply: () => this.index.removeSeeker(id) });
    const erased = await rows<{ user_id: string; seq: string }>(em, `SELECT user_id, seq FROM matching.erased_users WHERE seq > $1`, [this.watermark]);
    for (const e of erased) changes.push({ seq: Number(e.seq), apply: () => (present.has(e.user_id) ? undefined : this.index.removeSeeker(e.user_id)) });

    const vacancies = await rows<VacancyRow>(
      em,
      `SELECT vacancy_id, title, features, closed_at, seq FROM matching.vacancies WHERE seq > $1 OR vacancy_id = ANY($2::uuid[])`,
      [this.watermark, suspectVacancies],
    );
    const seenVacancies = new Set(vacancies.map((v) => v.vacancy_id));
    for (const v of vacancies) {
      changes.push({
        seq: Number(v.seq),
        apply: () => (v.closed_at === null && v.features ? this.index.putVacancy({ features: v.features, title: v.title }) : this.index.removeVacancy(v.vacancy_id)),
      });
    }
    for (const id of suspectVacancies) if (!seenVacancies.has(id)) changes.push({ seq: 0, apply: () => this.index.removeVacancy(id) });

    // In the order they were written, so an erasure and a later new profile end as they did.
    changes.sort((a, b) => a.seq - b.seq);
    for (const change of changes) {
      change.apply();
      this.watermark = Math.max(this.watermark, change.seq);
    }
    this.suspects = { seekers: new Set(), vacancies: new Set() };
    this.observeSize();
  }

  private noteSeq(seq: string | number | undefined): void {
    if (seq !== undefined) this.pendingSeq = Math.max(this.pendingSeq, Number(seq));
  }

  private observeSize(): void {
    this.deps.metrics?.indexSize.set({ side: 'seekers' }, this.index.seekerCount);
    this.deps.metrics?.indexSize.set({ side: 'vacancies' }, this.index.vacancyCount);
  }

  private putSeeker(features: SeekerFeatures): void {
    this.suspects.seekers.add(features.seekerId);
    this.index.putSeeker(features);
    this.observeSize();
  }

  private removeSeeker(id: string): void {
    this.suspects.seekers.add(id);
    this.index.removeSeeker(id);
    this.observeSize();
  }

  private putVacancy(entry: VacancyEntry): void {
    this.suspects.vacancies.add(entry.features.vacancyId);
    this.index.putVacancy(entry);
    this.observeSize();
  }

  private removeVacancy(id: string): void {
    this.suspects.vacancies.add(id);
    this.index.removeVacancy(id);
    this.observeSize();
  }

  // ---------------------------------------------------------------- event handlers

  /** A vacancy was published or edited: keep the newest version (redeliveries and reorders are ignored), then rescore it. */
  async applyVacancy(em: EntityManager, event: VacancySnapshotV1): Promise<void> {
    await this.applyVacancies(em, [event]);
  }

  /**
   * Publications and edits of a delivery batch, stored in one statement (one round trip for the
   * batch, not one an event: on a busy machine each costs milliseconds of the serial projection),
   * then rescored one by one in the batch's order. Of several versions of one vacancy in the batch
   * only the newest is stored and rescored (a statement cannot upsert a row twice; the older ones
   * would have lost to it anyway).
   */
  async applyVacancies(em: EntityManager, events: readonly VacancySnapshotV1[]): Promise<void> {
    if (events.length === 0) return;
    const batch = await this.begin(em);
    const newest = new Map<string, VacancySnapshotV1>();
    for (const event of events) {
      const held = newest.get(event.vacancyId);
      if (!held || held.version <= event.version) newest.set(event.vacancyId, event);
    }
    const snapshots = [...newest.values()].map((event) => ({ event, features: toVacancyFeatures(event) }));
    const applied = new Map(
      (
        await rows<{ vacancy_id: string; seq: string; inserted: boolean }>(
          em,
          UPSERT_VACANCIES,
          [
            snapshots.map((s) => s.event.vacancyId),
            snapshots.map((s) => s.event.employerId),
            snapshots.map((s) => JSON.stringify(s.event.title)),
            snapshots.map((s) => s.event.city),
            snapshots.map((s) => JSON.stringify(s.features)),
            snapshots.map((s) => s.event.version),
          ],
        )
      ).map((r) => [r.vacancy_id, r]),
    );
    for (const { event, features } of snapshots) {
      const written = applied.get(event.vacancyId);
      if (!written) continue; // closed, or a newer version is held
      this.noteSeq(written.seq);
      if (this.replay) continue;
      this.putVacancy({ features, title: event.title });
      await this.rescore(em, batch, 'vacancy', event.vacancyId, written.inserted);
    }
  }

  /** A vacancy closed (closed, filled, cancelled, expired): it is kept as closed so late updates cannot reopen it, and its matches go. */
  async closeVacancy(em: EntityManager, event: VacancyClosedV1): Promise<void> {
    const batch = await this.begin(em);
    const applied = await row<{ seq: string }>(
      em,
      `INSERT INTO matching.vacancies AS v (vacancy_id, employer_id, title, city, features, version, closed_at, seq)
       VALUES ($1, $2, $3, NULL, NULL, 0, $4, nextval('matching.change_seq'))
       ON CONFLICT (vacancy_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, seq = EXCLUDED.seq
         WHERE v.closed_at IS NULL
       RETURNING seq`,
      [event.vacancyId, event.employerId, JSON.stringify(event.title), event.closedAt],
    );
    if (!applied) return;
    this.noteSeq(applied.seq);
    if (this.replay) return;
    this.removeVacancy(event.vacancyId);
    await this.rescore(em, batch, 'vacancy', event.vacancyId);
    await em.query(`DELETE FROM matching.notified_pairs WHERE vacancy_id = $1`, [event.vacancyId]);
    batch.op.droppedVacancyLists.add(event.vacancyId);
  }

  /** A profile was created or replaced: keep the newest version, keep the newest consent fact, then rescore the seeker. */
  async applyProfile(em: EntityManager, event: SeekerProfileUpdatedV1): Promise<void> {
    const batch = await this.begin(em);
    const updatedAt = new Date(event.updatedAt);
    const erased = await row<{ erased_at: Date }>(em, `SELECT erased_at FROM matching.erased_users WHERE user_id = $1`, [event.userId]);
    if (erased && erased.erased_at.getTime() >= updatedAt.getTime()) return; // an older profile of someone since erased
    const existing = await row<SeekerRow>(
      em,
      `SELECT seeker_id, features, updated_version, profile_updated_at, consent_changed_at, seq FROM matching.seekers WHERE seeker_id = $1`,
      [event.userId],
    );
    if (existing && existing.updated_version > event.version) return;
    const features = toSeekerFeatures(event);
    let consentChangedAt = updatedAt;
    if (existing && existing.consent_changed_at.getTime() > updatedAt.getTime()) {
      // A newer consent event already arrived: it wins over this profile's consent flag.
      features.consentToMatching = existing.features.consentToMatching;
      consentChangedAt = existing.consent_changed_at;
    }
    const written = await row<{ seq: string; inserted: boolean }>(
      em,
      `INSERT INTO matching.seekers AS s (seeker_id, features, updated_version, profile_updated_at, consent_changed_at, seq)
       VALUES ($1, $2, $3, $4, $5, nextval('matching.change_seq'))
       ON CONFLICT (seeker_id) DO UPDATE
         SET features = EXCLUDED.features, updated_version = EXCLUDED.updated_version, profile_updated_at = EXCLUDED.profile_updated_at,
             consent_changed_at = EXCLUDED.consent_changed_at, seq = EXCLUDED.seq
       RETURNING seq, (xmax = 0) AS inserted`,
      [event.userId, JSON.stringify(features), event.version, updatedAt, consentChangedAt],
    );
    this.noteSeq(written?.seq);
    if (this.replay) return;
    this.putSeeker(features);
    await this.rescore(em, batch, 'seeker', event.userId, written?.inserted ?? false);
  }

  /**
   * Consent given or withdrawn. The profile event of the same change carries the flag too, so a
   * consent event for a seeker not yet known is ignored; an older one than what is held is too.
   */
  async applyConsent(em: EntityManager, event: SeekerConsentChangedV1): Promise<void> {
    const batch = await this.begin(em);
    const changedAt = new Date(event.changedAt);
    const existing = await row<SeekerRow>(em, `SELECT seeker_id, features, consent_changed_at FROM matching.seekers WHERE seeker_id = $1`, [event.userId]);
    if (!existing || existing.consent_changed_at.getTime() > changedAt.getTime()) return;
    if (existing.features.consentToMatching === event.consentToMatching && existing.consent_changed_at.getTime() === changedAt.getTime()) return;
    const features: SeekerFeatures = { ...existing.features, consentToMatching: event.consentToMatching };
    const written = await row<{ seq: string }>(
      em,
      `UPDATE matching.seekers SET features = $2, consent_changed_at = $3, seq = nextval('matching.change_seq') WHERE seeker_id = $1 RETURNING seq`,
      [event.userId, JSON.stringify(features), changedAt],
    );
    this.noteSeq(written?.seq);
    if (this.replay) return;
    this.putSeeker(features);
    await this.rescore(em, batch, 'seeker', event.userId);
    if (!event.consentToMatching) await em.query(`DELETE FROM matching.notified_pairs WHERE seeker_id = $1`, [event.userId]);
  }

  /**
   * A seeker erased their profile, or an account was deleted: everything about them goes (their
   * profile, matches, announcements, memberships, outbox rows). A tombstone (the id and the time)
   * keeps late or redelivered older events from bringing them back.
   */
  async eraseUser(em: EntityManager, userId: string, at: string, accountDeleted: boolean): Promise<void> {
    const batch = await this.begin(em);
    await em.query(`DELETE FROM matching.seekers WHERE seeker_id = $1`, [userId]);
    const tomb = await row<{ seq: string }>(
      em,
      `INSERT INTO matching.erased_users AS e (user_id, erased_at, seq) VALUES ($1, $2, nextval('matching.change_seq'))
       ON CONFLICT (user_id) DO UPDATE SET erased_at = GREATEST(e.erased_at, EXCLUDED.erased_at), seq = EXCLUDED.seq
       RETURNING seq`,
      [userId, new Date(at)],
    );
    this.noteSeq(tomb?.seq);
    if (accountDeleted) await em.query(`DELETE FROM matching.employer_members WHERE user_id = $1`, [userId]);
    if (!this.replay) {
      this.removeSeeker(userId);
      await this.rescore(em, batch, 'seeker', userId);
      batch.op.droppedSeekerLists.add(userId);
    }
    await em.query(`DELETE FROM matching.matches WHERE seeker_id = $1`, [userId]);
    await em.query(`DELETE FROM matching.notified_pairs WHERE seeker_id = $1`, [userId]);
    // Also takes the seeker's entries out of announcements still in the outbox (about the vacancy, naming many seekers).
    await scrubOutbox(em, SCHEMA, userId);
  }

  /** Who acts for an employer (and so may see its vacancies' matches); the newest fact per member wins. */
  async addMember(em: EntityManager, event: EmployerMemberAddedV1): Promise<void> {
    const erased = await row<{ erased_at: Date }>(em, `SELECT erased_at FROM matching.erased_users WHERE user_id = $1`, [event.userId]);
    if (erased && erased.erased_at.getTime() >= new Date(event.addedAt).getTime()) return;
    await this.setMember(em, event.employerId, event.userId, true, event.addedAt);
  }

  async removeMember(em: EntityManager, event: EmployerMemberRemovedV1): Promise<void> {
    await this.setMember(em, event.employerId, event.userId, false, event.removedAt);
  }

  private async setMember(em: EntityManager, employerId: string, userId: string, active: boolean, at: string): Promise<void> {
    await em.query(
      `INSERT INTO matching.employer_members AS m (employer_id, user_id, active, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (employer_id, user_id) DO UPDATE SET active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
         WHERE m.changed_at <= EXCLUDED.changed_at`,
      [employerId, userId, active, new Date(at)],
    );
  }

  // ---------------------------------------------------------------- incremental scoring

  /**
   * Rescoring one changed vacancy or seeker (whose index entry is already current, or gone).
   * `created`: the vacancy's or seeker's row was first inserted by this transaction, so no stored
   * pair or announcement can name it yet (rows are only ever written for ids in the read model,
   * and an erasure deletes a seeker's pairs with their row): nothing about it is read back.
   */
  private async rescore(em: EntityManager, batch: Batch, side: 'vacancy' | 'seeker', id: string, created = false): Promise<void> {
    const stop = this.deps.metrics?.rescoreDuration.startTimer({ kind: side });
    const { op } = batch;
    if (created) (side === 'vacancy' ? op.createdVacancies : op.createdSeekers).add(id);
    if (side === 'vacancy') await this.rescoreVacancy(em, op, id, created);
    else await this.rescoreSeeker(em, op, id, created);
    // Lists left short by this event are made exact again before the next event offers to them.
    for (const seekerId of op.seekerBackfills) this.backfillSeeker(op, seekerId);
    for (const vacancyId of op.vacancyBackfills) this.backfillVacancy(op, vacancyId);
    op.seekerBackfills.clear();
    op.vacancyBackfills.clear();
    stop?.();
  }

  /**
   * Writes what the transaction's events changed (the consumer calls it once per delivery batch,
   * before the commit; direct callers call it before theirs): stored pairs, announcements, and
   * forgotten announcements, in one set of statements for the whole batch.
   */
  async flush(em: EntityManager): Promise<void> {
    const batch = this.batches.get(em);
    if (!batch || batch.op.empty) return;
    const stop = this.deps.metrics?.flushDuration.startTimer();
    const { op } = batch;
    batch.op = new Operation(batch.today);
    await this.persist(em, op);
    // (Unless the batch brought them back: a profile created again after an erasure.)
    for (const id of op.droppedVacancyLists) if (!this.index.vacancy(id)) this.vacancyTops.delete(id);
    for (const id of op.droppedSeekerLists) if (!this.index.seeker(id)) this.seekerTops.delete(id);
    stop?.();
  }

  /**
   * A changed (or closed) vacancy: its own list is recomputed (the exact best K, bound-pruned) and
   * the pair is offered to each candidate seeker's list it might change: a list holding it, a list
   * with room, or a full list whose floor (its last score) the pair reaches. The index skips the
   * others on their floors without looking their lists up (at 100,000 seekers a new vacancy has
   * ~7,800 candidates and enters ~70 lists).
   */
  private async rescoreVacancy(em: EntityManager, op: Operation, vacancyId: string, created: boolean): Promise<void> {
    await this.loadVacancyTops(em, [vacancyId]);
    const oldTop = this.vacancyTops.get(vacancyId)!;
    const { holders } = created ? { holders: [] } : await this.storedOthers(em, op, 'vacancy', vacancyId);
    const { top, offers, scored } = this.index.rescoreSeekersFor(vacancyId, this.settings.vacancyTopK, op.today, new Set(holders));
    this.deps.metrics?.pairsScored.inc({ kind: 'vacancy' }, scored);

    const newTop = new TopList(this.settings.vacancyTopK, top);
    for (const seekerId of changedMembers(oldTop, newTop)) op.touch(vacancyId, seekerId);
    this.vacancyTops.set(vacancyId, newTop);

    await this.loadSeekerTops(em, [...offers.keys(), ...holders]);
    for (const [seekerId, score] of offers) this.offerToSeeker(op, seekerId, vacancyId, score);
    for (const seekerId of holders) if (!offers.has(seekerId)) this.offerToSeeker(op, seekerId, vacancyId, null);
    // Rows left marked by lazy evictions ({@link offerToSeeker}) name this vacancy with its old
    // score: written now, before that score could rank wrongly against a list's end.
    for (const seekerId of holders) if (!this.seekerTops.get(seekerId)!.has(vacancyId)) op.touch(vacancyId, seekerId);
    if (!created) op.rescore('vacancy', vacancyId);
  }

  /** A changed (or erased, or withdrawn) profile: the mirror of {@link rescoreVacancy}. */
  private async rescoreSeeker(em: EntityManager, op: Operation, seekerId: string, created: boolean): Promise<void> {
    await this.loadSeekerTops(em, [seekerId]);
    const oldTop = this.seekerTops.get(seekerId)!;
    const { holders, listed } = created ? { holders: [], listed: [] } : await this.storedOthers(em, op, 'seeker', seekerId);
    const { top, offers, scored } = this.index.rescoreVacanciesFor(seekerId, this.settings.seekerTopK, op.today, new Set(holders));
    this.deps.metrics?.pairsScored.inc({ kind: 'seeker' }, scored);

    const newTop = new TopList(this.settings.seekerTopK, top);
    for (const vacancyId of changedMembers(oldTop, newTop)) op.touch(vacancyId, seekerId);
    // The seeker's rows left marked by lazy evictions ({@link offerToSeeker}) carry old scores.
    for (const vacancyId of listed) if (!newTop.has(vacancyId)) op.touch(vacancyId, seekerId);
    this.seekerTops.set(seekerId, newTop);

    await this.loadVacancyTops(em, [...offers.keys(), ...holders]);
    for (const [vacancyId, score] of offers) this.offerToVacancy(op, vacancyId, seekerId, score);
    for (const vacancyId of holders) if (!offers.has(vacancyId)) this.offerToVacancy(op, vacancyId, seekerId, null);
    if (!created) op.rescore('seeker', seekerId);
  }

  /**
   * What the stored pairs of this vacancy (seeker) say, in one read: `holders`, the owners on the
   * other side whose list may hold it, including ones it no longer matches (stored pairs marked in
   * their list, and pairs of this batch not written yet, from the operation); `listed`, the other
   * sides its own stored rows mark as in its list.
   */
  private async storedOthers(em: EntityManager, op: Operation, side: 'vacancy' | 'seeker', id: string): Promise<{ holders: string[]; listed: string[] }> {
    const [own, other, ownList, otherList] =
      side === 'vacancy' ? ['vacancy_id', 'seeker_id', 'in_vacancy_top', 'in_seeker_top'] : ['seeker_id', 'vacancy_id', 'in_seeker_top', 'in_vacancy_top'];
    const stored = await rows<{ id: string; held: boolean; listed: boolean }>(
      em,
      `SELECT ${other} AS id, ${otherList} AS held, ${ownList} AS listed FROM matching.matches WHERE ${own} = $1`,
      [id],
    );
    return {
      holders: [...stored.filter((r) => r.held).map((r) => r.id), ...op.pendingOthers(side, id)],
      listed: stored.filter((r) => r.listed).map((r) => r.id),
    };
  }

  /**
   * Offers a pair to a seeker's list. A vacancy it pushes out of a full list is not written (lazy
   * eviction): its row stays marked `in_seeker_top` with its score, which ranks after the list's
   * new last entry, so the seeker's list is read as the best `seekerTopK` of their marked rows.
   * Writing it was most of a publication's page writes: ~70 rows on as many random pages of the
   * largest table, each a full-page image in the WAL after a checkpoint (bench/README.md). The row
   * is written when its pair's score could change (either side rescored), when its vacancy's list
   * changes around it, or when the vacancy closes.
   */
  private offerToSeeker(op: Operation, seekerId: string, vacancyId: string, score: number | null): void {
    const outcome = this.seekerTops.offer(seekerId, vacancyId, score);
    if (outcome.changed) op.touch(vacancyId, seekerId);
    if (outcome.needsBackfill) op.seekerBackfills.add(seekerId);
  }

  private offerToVacancy(op: Operation, vacancyId: string, seekerId: string, score: number | null): void {
    const outcome = this.vacancyTops.offer(vacancyId, seekerId, score);
    if (outcome.changed) op.touch(vacancyId, seekerId);
    if (outcome.evicted) op.touch(vacancyId, outcome.evicted);
    if (outcome.needsBackfill) op.vacancyBackfills.add(vacancyId);
  }

  /** A seeker's list lost a member it cannot replace from what it holds: recompute it (scores of its other pairs did not change). */
  private backfillSeeker(op: Operation, seekerId: string): void {
    // The exact best K straight from the index (bound-pruned): no other pair of this seeker is needed.
    const best = this.index.topVacanciesFor(seekerId, this.settings.seekerTopK, op.today);
    this.deps.metrics?.pairsScored.inc({ kind: 'backfill' }, this.index.lastScored);
    const oldTop = this.seekerTops.get(seekerId)!;
    const newTop = new TopList(this.settings.seekerTopK, best);
    for (const vacancyId of changedMembers(oldTop, newTop)) op.touch(vacancyId, seekerId);
    this.seekerTops.set(seekerId, newTop);
  }

  private backfillVacancy(op: Operation, vacancyId: string): void {
    const best = this.index.topSeekersFor(vacancyId, this.settings.vacancyTopK, op.today);
    this.deps.metrics?.pairsScored.inc({ kind: 'backfill' }, this.index.lastScored);
    const oldTop = this.vacancyTops.get(vacancyId)!;
    const newTop = new TopList(this.settings.vacancyTopK, best);
    for (const seekerId of changedMembers(oldTop, newTop)) op.touch(vacancyId, seekerId);
    this.vacancyTops.set(vacancyId, newTop);
  }

  private async loadVacancyTops(em: EntityManager, ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.vacancyTops.has(id));
    if (missing.length === 0) return;
    if (this.allTopsLoaded) {
      for (const id of missing) this.vacancyTops.set(id, new TopList(this.settings.vacancyTopK));
      return;
    }
    const found = await rows<{ vacancy_id: string; seeker_id: string; score: number }>(
      em,
      `SELECT vacancy_id, seeker_id, score FROM matching.matches WHERE vacancy_id = ANY($1::uuid[]) AND in_vacancy_top`,
      [missing],
    );
    const grouped = group(found, (r) => r.vacancy_id, (r) => ({ id: r.seeker_id, score: r.score }));
    for (const id of missing) this.vacancyTops.set(id, new TopList(this.settings.vacancyTopK, grouped.get(id) ?? []));
  }

  private async loadSeekerTops(em: EntityManager, ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.seekerTops.has(id));
    if (missing.length === 0) return;
    if (this.allTopsLoaded) {
      for (const id of missing) this.seekerTops.set(id, new TopList(this.settings.seekerTopK));
      return;
    }
    // Lazily evicted rows rank after the list's last entry: `TopList` keeps the best `seekerTopK`.
    const found = await rows<{ vacancy_id: string; seeker_id: string; score: number }>(
      em,
      `SELECT vacancy_id, seeker_id, score FROM matching.matches WHERE seeker_id = ANY($1::uuid[]) AND in_seeker_top`,
      [missing],
    );
    const grouped = group(found, (r) => r.seeker_id, (r) => ({ id: r.vacancy_id, score: r.score }));
    for (const id of missing) this.seekerTops.set(id, new TopList(this.settings.seekerTopK, grouped.get(id) ?? []));
  }

  /**
   * Writes what an operation changed: stored pairs are those in a vacancy's or a seeker's top
   * list, with their score and list membership (reasons are derived from both sides' features
   * when read, so a pair whose score and membership did not change is not written at all).
   * Announcements are made for mutual top pairs ({@link announceable}) not yet announced; announcements of rescored pairs now below it are forgotten (so they can be made again).
   */
  private async persist(em: EntityManager, op: Operation): Promise<void> {
    const pairs = [...op.touched.values()];
    await this.loadVacancyTops(em, pairs.map((p) => p.v));
    await this.loadSeekerTops(em, pairs.map((p) => p.s));
    // Stored rows are not read back: a pair in some list is upserted (the upsert skips rows that
    // would not change), a pair in no list is deleted if it exists.
    const upserts: StoredPair[] = [];
    const deletes: Pair[] = [];
    for (const pair of pairs) {
      const inVacancyTop = this.vacancyTops.get(pair.v)?.score(pair.s);
      const inSeekerTop = this.seekerTops.get(pair.s)?.score(pair.v);
      if (inVacancyTop === undefined && inSeekerTop === undefined) {
        deletes.push(pair);
        continue;
      }
      // Both lists hold a pair's current score: every list it is in was just offered or rebuilt with it.
      const score = inVacancyTop ?? inSeekerTop!;
      // Spelt out: `{ ...pair, score, … }` took V8 ~5 µs a pair (a slow clone path), ~60 ns written so.
      upserts.push({ v: pair.v, s: pair.s, score, inV: inVacancyTop !== undefined, inS: inSeekerTop !== undefined });
    }

    // Announcements of rescored pairs that fell below the threshold (or out of eligibility) are
    // forgotten: each announced pair of a rescored vacancy or seeker is scored again.
    const forgotten: Pair[] = [];
    const rescored = [...op.rescored.values()];
    if (rescored.length > 0) {
      const announced = await rows<{ vacancy_id: string; seeker_id: string }>(
        em,
        `SELECT vacancy_id, seeker_id FROM matching.notified_pairs WHERE vacancy_id = ANY($1::uuid[]) OR seeker_id = ANY($2::uuid[])`,
        [rescored.filter((r) => r.side === 'vacancy').map((r) => r.id), rescored.filter((r) => r.side === 'seeker').map((r) => r.id)],
      );
      for (const { vacancy_id: v, seeker_id: s } of announced) {
        const score = this.scoreOf(v, s, op.today);
        if (score === null || score < this.settings.threshold) forgotten.push({ v, s });
      }
    }
    if (forgotten.length > 0) {
      await em.query(`DELETE FROM matching.notified_pairs n USING unnest($1::uuid[], $2::uuid[]) AS f(v, s) WHERE n.vacancy_id = f.v AND n.seeker_id = f.s`, [
        forgotten.map((f) => f.v),
        forgotten.map((f) => f.s),
      ]);
    }

    // Announceable pairs no stored row can name yet were surely never announced: they are told in
    // the batch's own statement. The others are told once it said which of them are new.
    const [inserts, updates, sure, maybe]: StoredPair[][] = [[], [], [], []];
    for (const u of upserts) {
      const isNew = op.isNew(u);
      (isNew ? inserts : updates).push(u);
      if (this.announceable(u)) (isNew ? sure : maybe).push(u);
    }
    const at = new Date();
    const told = await this.announcements(em, sure, at);
    const fresh = await this.writeBatch(em, { deletes, inserts, updates, maybe, sure, at, told: told.items });
    const late = await this.announceFresh(em, maybe, fresh, at);
    this.deps.metrics?.matchesFound.inc(told.count + late);
  }

  /**
   * A stored pair is announced (to the seeker) once it is a mutual top match at or above the
   * threshold: the vacancy is among the seeker's best (so `/me/matches` lists it) and the seeker
   * among the vacancy's best (so its employer sees them in `/vacancies/{id}/matches`).
   */
  private announceable(pair: StoredPair): boolean {
    return pair.inS && pair.inV && pair.score >= this.settings.threshold;
  }

  /**
   * Runs {@link writeBatchSql} (once, unless a kind has more than {@link WRITE_CHUNK} rows; `told`
   * rides in the first) and returns the announcements of `maybe` it recorded: those not announced before.
   */
  private async writeBatch(
    em: EntityManager,
    batch: { deletes: Pair[]; inserts: StoredPair[]; updates: StoredPair[]; maybe: Pair[]; sure: Pair[]; at: Date; told?: Announcement[] },
  ): Promise<Fresh[]> {
    const { deletes, inserts, updates, maybe, sure, at, told = [] } = batch;
    const fresh: Fresh[] = [];
    const rounds = Math.ceil(Math.max(deletes.length, inserts.length, updates.length, maybe.length, sure.length) / WRITE_CHUNK);
    const stored = (pairs: StoredPair[]) => [pairs.map((u) => u.v), pairs.map((u) => u.s), pairs.map((u) => u.score), pairs.map((u) => u.inV), pairs.map((u) => u.inS)];
    const ids = (pairs: Pair[]) => [pairs.map((p) => p.v), pairs.map((p) => p.s)];
    for (let i = 0; i < rounds; i++) {
      const part = <T>(items: T[]): T[] => items.slice(i * WRITE_CHUNK, (i + 1) * WRITE_CHUNK);
      const events = this.deps.outbox.prepareMany(em, 'matching.matches.found.v1', i === 0 ? told : []);
      fresh.push(
        ...(await rows<Fresh>(em, this.writeStatement, [
          ...ids(part(deletes)),
          ...stored(part(inserts)),
          ...stored(part(updates)),
          ...ids(part(maybe)),
          ...ids(part(sure)),
          at,
          ...events.params,
        ])),
      );
    }
    return fresh;
  }

  /**
   * The `matching.matches.found.v1` events of announced pairs (`pairs` give their scores): each
   * vacancy's new pairs of the batch go out together (split every
   * {@link MATCHES_FOUND_MAX_SEEKERS}), about the vacancy. A seeker's erasure takes their entries
   * out of these (`scrubOutbox`, by `EVENT_PEOPLE`).
   */
  private async announcements(em: EntityManager, pairs: StoredPair[], at: Date): Promise<{ items: Announcement[]; count: number }> {
    let count = 0;
    const items: Announcement[] = [];
    for (const [vacancyId, found] of group(pairs, (p) => p.v, (p) => p)) {
      const vacancy = this.index.vacancy(vacancyId) ?? (await this.storedVacancy(em, vacancyId));
      if (!vacancy) continue;
      const seekers = found.filter((p) => this.index.seeker(p.s)).map((p) => ({ seekerId: p.s, score: p.score }));
      for (const part of chunks(seekers, MATCHES_FOUND_MAX_SEEKERS)) {
        items.push({
          about: vacancyId,
          payload: { vacancyId, employerId: vacancy.features.employerId, vacancyTitle: vacancy.title, seekers: part, foundAt: at.toISOString() },
        });
        count += part.length;
      }
    }
    return { items, count };
  }

  /** Tells of the pairs of `pairs` that {@link writeBatch} newly recorded (`fresh`) in statements of their own; returns how many. */
  private async announceFresh(em: EntityManager, pairs: StoredPair[], fresh: Fresh[], at: Date): Promise<number> {
    if (fresh.length === 0) return 0;
    const byKey = new Map(pairs.map((p) => [key(p.v, p.s), p]));
    const { items, count } = await this.announcements(em, fresh.map((f) => byKey.get(key(f.vacancy_id, f.seeker_id))!), at);
    // The rebuild may announce a whole market: its outbox rows go in bounded statements too.
    for (const part of chunks(items, 2000)) await this.deps.outbox.addMany(em, 'matching.matches.found.v1', part);
    return count;
  }

  private async storedVacancy(em: EntityManager, vacancyId: string): Promise<VacancyEntry | undefined> {
    const found = await row<VacancyRow>(em, `SELECT vacancy_id, title, features, closed_at, seq FROM matching.vacancies WHERE vacancy_id = $1`, [vacancyId]);
    return found?.features ? { features: found.features, title: found.title } : undefined;
  }

  // ---------------------------------------------------------------- full recomputation

  /**
   * Every match from scratch (the rebuild): each open vacancy's exact best `vacancyTopK` seekers and
   * each seeker's exact best `seekerTopK` vacancies, straight from the index (bound-pruned, the
   * same lists as scoring every candidate pair; the benchmark checks that), all stored pairs
   * replaced. Announcements already made stay (nobody is told twice); announced pairs now below
   * the threshold (or no longer eligible) lose theirs, mutual top pairs at or above it without one
   * are announced, or with `announce: false` only recorded as announced (a first backfill of an
   * existing market, whose people should not all be told at once). Ends with a new epoch, so every
   * running replica reloads its index before its next batch.
   */
  async recomputeAll(em: EntityManager, options: { announce?: boolean } = {}): Promise<RecomputeReport> {
    const state = await this.lock(em);
    await this.fullLoad(em, state, false);
    const today = this.today();
    const vacancyTops = new Map<string, TopList>();
    const seekerTops = new Map<string, TopList>();
    let pairsScored = 0;
    for (const vacancyId of this.index.vacancyIds()) {
      vacancyTops.set(vacancyId, new TopList(this.settings.vacancyTopK, this.index.topSeekersFor(vacancyId, this.settings.vacancyTopK, today)));
      pairsScored += this.index.lastScored;
    }
    for (const seekerId of this.index.seekerIds()) {
      seekerTops.set(seekerId, new TopList(this.settings.seekerTopK, this.index.topVacanciesFor(seekerId, this.settings.seekerTopK, today)));
      pairsScored += this.index.lastScored;
    }
    this.deps.metrics?.pairsScored.inc({ kind: 'rebuild' }, pairsScored);

    // Every stored pair once (millions in a large market: no map keyed by pair).
    const all: StoredPair[] = [];
    for (const [v, top] of vacancyTops) {
      for (const { id: s, score } of top.entries()) all.push({ v, s, score, inV: true, inS: seekerTops.get(s)?.has(v) ?? false });
    }
    for (const [s, top] of seekerTops) {
      for (const { id: v, score } of top.entries()) if (!vacancyTops.get(v)?.has(s)) all.push({ v, s, score, inV: false, inS: true });
    }

    // Announced pairs keep their announcement while they still score at or above the threshold.
    const notified = await rows<{ vacancy_id: string; seeker_id: string }>(em, `SELECT vacancy_id, seeker_id FROM matching.notified_pairs`);
    const forget = notified.filter((n) => {
      const score = vacancyTops.get(n.vacancy_id)?.score(n.seeker_id) ?? seekerTops.get(n.seeker_id)?.score(n.vacancy_id) ?? this.scoreOf(n.vacancy_id, n.seeker_id, today);
      return score === null || score < this.settings.threshold;
    });
    await em.query(`DELETE FROM matching.matches`);
    for (const chunk of chunks(forget, 5000)) {
      await em.query(`DELETE FROM matching.notified_pairs n USING unnest($1::uuid[], $2::uuid[]) AS f(v, s) WHERE n.vacancy_id = f.v AND n.seeker_id = f.s`, [
        chunk.map((f) => f.vacancy_id),
        chunk.map((f) => f.seeker_id),
      ]);
    }
    const announceable = all.filter((p) => this.announceable(p));
    // Into the emptied table every pair is plainly inserted. Announceable pairs not announced yet
    // are recorded, and told unless `announce: false` (recorded as announced long ago).
    const at = new Date();
    const recorded = await this.writeBatch(em, { deletes: [], inserts: all, updates: [], maybe: announceable, sure: [], at });
    const announced = options.announce === false ? 0 : await this.announceFresh(em, announceable, recorded, at);
    this.deps.metrics?.matchesFound.inc(announced);

    const fresh = await row<{ token: string; epoch: string }>(
      em,
      `UPDATE matching.projection_state SET token = gen_random_uuid(), epoch = gen_random_uuid() WHERE id = 1 RETURNING token, epoch`,
    );
    this.vacancyTops.clear();
    this.seekerTops.clear();
    for (const [id, top] of vacancyTops) this.vacancyTops.set(id, top);
    for (const [id, top] of seekerTops) this.seekerTops.set(id, top);
    this.allTopsLoaded = true;
    this.epoch = fresh!.epoch;
    this.expectedToken = fresh!.token;
    return { vacancies: this.index.vacancyCount, seekers: this.index.seekerCount, pairsScored, matches: all.length, announced };
  }

  /** One pair's score from the index's features, or null when it is not eligible (or either side is gone). */
  private scoreOf(vacancyId: string, seekerId: string, today: string): number | null {
    const vacancy = this.index.vacancy(vacancyId);
    const seeker = this.index.seeker(seekerId);
    return vacancy && seeker ? (scoreMatch(vacancy.features, seeker, this.settings.weights, today)?.score ?? null) : null;
  }
}

/** Members of either list that are not in the other with the same score: the pairs whose stored row may change. */
function changedMembers(before: TopList, after: TopList): Set<string> {
  const changed = new Set<string>();
  for (const { id, score } of before.entries()) if (after.score(id) !== score) changed.add(id);
  for (const { id, score } of after.entries()) if (before.score(id) !== score) changed.add(id);
  return changed;
}

function push<V>(map: Map<string, V[]>, k: string, value: V): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

function group<T, V>(items: T[], by: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const item of items) push(out, by(item), value(item));
  return out;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
