import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  Role,
  decodeCursor,
  encodeCursor,
  type FieldError,
  type MatchedSeeker,
  type MatchedVacancy,
  type MatchingExport,
  type MatchListRequest,
  type Principal,
  type SeekerMatchPage,
  type VacancyMatchesRequest,
  type VacancyMatchPage,
} from '@olp/contracts';
import { DATA_SOURCE } from '@olp/persistence';
import { CONFIG } from '@olp/platform';
import { resolveText, type Locale, type LocalizedText } from '@olp/reference-data';
import { row, rows } from '../common/sql.js';
import type { MatchingConfig } from '../matching.config.js';
import type { SeekerFeatures, VacancyFeatures } from '../scoring/match-model.js';
import { renderReasons } from '../scoring/render-reason.js';
import { explainMatch } from '../scoring/score-match.js';
import { Taxonomy } from '../taxonomy.provider.js';

const DEFAULT_PAGE = 20;

/** Keyset cursor: the list it belongs to, and the last item's score and id (score descending, id ascending). */
interface MatchCursor {
  k: string;
  s: number;
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isMatchCursor(value: unknown): value is MatchCursor {
  const c = value as Partial<MatchCursor> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.k === 'string' &&
    typeof c.s === 'number' &&
    Number.isFinite(c.s) &&
    typeof c.i === 'string' &&
    UUID.test(c.i)
  );
}

function readCursor(cursor: string | undefined, scope: string): MatchCursor | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(cursor, isMatchCursor);
  if (!after || after.k !== scope) {
    const fields: FieldError[] = [{ field: 'cursor', rule: 'isCursor' }];
    throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, fields);
  }
  return after;
}

interface VacancyMatchRow {
  vacancy_id: string;
  score: number;
  title: LocalizedText;
  city: string;
  features: VacancyFeatures;
}

interface SeekerMatchRow {
  seeker_id: string;
  score: number;
  features: SeekerFeatures;
}

function requireUser(principal: Principal | undefined): string {
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated);
  return principal.userId;
}

/**
 * The read side of matching: a seeker's best vacancies, a vacancy's best seekers (for members of
 * its employer, consenting and visible seekers only, never a name), and the export of what is
 * held about the caller. Straight from the stored top lists (score and membership); reasons are
 * derived per request from the stored features of both sides ({@link explainMatch}), the same
 * features the score was computed from, and rendered in the request's language.
 */
@Injectable()
export class MatchQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(Taxonomy) private readonly taxonomy: Taxonomy,
    @Inject(CONFIG) private readonly config: MatchingConfig,
  ) {}

  /** The caller's own top list (open vacancies only), best first. */
  async forSeeker(principal: Principal | undefined, request: MatchListRequest, locale: Locale): Promise<SeekerMatchPage> {
    const seekerId = requireUser(principal);
    if (!principal!.roles.includes(Role.Seeker)) throw new DomainError(ErrorCode.Forbidden);
    const limit = request.limit ?? DEFAULT_PAGE;
    const after = readCursor(request.cursor, 'me');
    const params: unknown[] = [seekerId, this.config.SEEKER_TOP_K];
    let filter = '';
    if (after) {
      const s = `$${params.push(after.s)}::float8`;
      filter = ` AND (m.score < ${s} OR (m.score = ${s} AND m.vacancy_id > $${params.push(after.i)}::uuid))`;
    }
    // The list is the best SEEKER_TOP_K of the seeker's marked rows: those after it were pushed
    // out of the list and not written since (lazy eviction, MatchingEngine).
    const found = await rows<VacancyMatchRow>(
      this.dataSource,
      `SELECT m.vacancy_id, m.score, v.title, v.city, v.features
       FROM (SELECT vacancy_id, score FROM matching.matches WHERE seeker_id = $1 AND in_seeker_top ORDER BY score DESC, vacancy_id ASC LIMIT $2) m
       JOIN matching.vacancies v ON v.vacancy_id = m.vacancy_id
       WHERE v.closed_at IS NULL${filter}
       ORDER BY m.score DESC, m.vacancy_id ASC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const items = found.slice(0, limit);
    const last = found.length > limit ? items[items.length - 1] : undefined;
    const seeker = items.length > 0 ? await this.seekerFeatures(seekerId) : undefined;
    return {
      items: items.map((r) => this.matchedVacancy(r, seeker, locale)),
      nextCursor: last ? encodeCursor({ k: 'me', s: last.score, i: last.vacancy_id } satisfies MatchCursor) : null,
    };
  }

  /** A vacancy's top list, for members of its employer: seekers still consenting and visible, best first. */
  async forVacancy(principal: Principal | undefined, request: VacancyMatchesRequest, locale: Locale): Promise<VacancyMatchPage> {
    const userId = requireUser(principal);
    const vacancy = await row<{ employer_id: string; features: VacancyFeatures | null }>(
      this.dataSource,
      `SELECT employer_id, features FROM matching.vacancies WHERE vacancy_id = $1`,
      [request.vacancyId],
    );
    if (!vacancy?.features) throw new DomainError(ErrorCode.VacancyNotFound);
    const member = await row(this.dataSource, `SELECT 1 FROM matching.employer_members WHERE employer_id = $1 AND user_id = $2 AND active`, [
      vacancy.employer_id,
      userId,
    ]);
    if (!member) throw new DomainError(ErrorCode.Forbidden);
    const limit = request.limit ?? DEFAULT_PAGE;
    const after = readCursor(request.cursor, request.vacancyId);
    const params: unknown[] = [request.vacancyId];
    let filter = '';
    if (after) {
      const s = `$${params.push(after.s)}::float8`;
      filter = ` AND (m.score < ${s} OR (m.score = ${s} AND m.seeker_id > $${params.push(after.i)}::uuid))`;
    }
    // The seeker's current consent and visibility are checked again here, not only when matching.
    const found = await rows<SeekerMatchRow>(
      this.dataSource,
      `SELECT m.seeker_id, m.score, s.features
       FROM matching.matches m JOIN matching.seekers s ON s.seeker_id = m.seeker_id
       WHERE m.vacancy_id = $1 AND m.in_vacancy_top
         AND (s.features->>'consentToMatching')::boolean AND s.features->>'visibility' <> 'hidden'${filter}
       ORDER BY m.score DESC, m.seeker_id ASC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const items = found.slice(0, limit);
    const last = found.length > limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(
        (r): MatchedSeeker => ({
          seekerId: r.seeker_id,
          residenceCountry: r.features.residenceCountry,
          nationality: r.features.nationality,
          score: r.score,
          reasons: renderReasons(explainMatch(vacancy.features!, r.features), locale, this.taxonomy),
        }),
      ),
      nextCursor: last ? encodeCursor({ k: request.vacancyId, s: last.score, i: last.seeker_id } satisfies MatchCursor) : null,
    };
  }

  /** Everything matching holds that pairs the caller with a vacancy (data portability), best first. */
  async export(principal: Principal | undefined, locale: Locale): Promise<MatchingExport> {
    const userId = requireUser(principal);
    const found = await rows<VacancyMatchRow>(
      this.dataSource,
      `SELECT m.vacancy_id, m.score, v.title, v.city, v.features
       FROM matching.matches m JOIN matching.vacancies v ON v.vacancy_id = m.vacancy_id
       WHERE m.seeker_id = $1 AND v.features IS NOT NULL
       ORDER BY m.score DESC, m.vacancy_id ASC`,
      [userId],
    );
    const seeker = found.length > 0 ? await this.seekerFeatures(userId) : undefined;
    return { matches: found.map((r) => this.matchedVacancy(r, seeker, locale)) };
  }

  private async seekerFeatures(seekerId: string): Promise<SeekerFeatures | undefined> {
    const found = await row<{ features: SeekerFeatures }>(this.dataSource, `SELECT features FROM matching.seekers WHERE seeker_id = $1`, [seekerId]);
    return found?.features;
  }

  /** A match of the seeker's (whose stored features are `seeker`; a pair is only stored while both sides are). */
  private matchedVacancy(r: VacancyMatchRow, seeker: SeekerFeatures | undefined, locale: Locale): MatchedVacancy {
    return {
      vacancyId: r.vacancy_id,
      title: r.title,
      displayTitle: resolveText(r.title, locale) ?? '',
      country: r.features.country,
      city: r.city,
      iscoCode: r.features.iscoCode,
      closingDate: r.features.closingDate,
      score: r.score,
      reasons: seeker ? renderReasons(explainMatch(r.features, seeker), locale, this.taxonomy) : [],
    };
  }
}
