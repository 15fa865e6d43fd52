import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  Role,
  type CloseVacancyCommand,
  type CreateVacancyRequest,
  type Principal,
  type UpdateVacancyCommand,
  type VacancyView,
} from '@olp/contracts';
import { OutboxWriter } from '@olp/messaging';
import { DATA_SOURCE, prepared } from '@olp/persistence';
import { Taxonomy, type Locale, type LocalizedText } from '@olp/reference-data';
import { requireRole, todayUtc, validationFailed } from '../common/access.js';
import { row, rows } from '../common/sql.js';
import { EmployersService } from '../employers/employers.service.js';
import { VACANCY_COLUMNS, VACANCY_RETURNING, contentColumns, contentProblems, toSnapshot, toVacancyView, type ContentInput, type VacancyRow } from './vacancy-model.js';

/** Statuses in which the content may still change. */
const EDITABLE = ['draft', 'published'];

/**
 * Commands that may change a published vacancy (publish, edit, close) in flight at once, per
 * replica. Each such change takes the search generation's row until it commits (1763900000003),
 * so they run one at a time in PostgreSQL whatever the number; more in flight only wait there,
 * each holding a backend that wakes to find the row still taken. Under load that grew the pool to
 * nine busy backends (bench/README.md). Two keep one committing while the next begins.
 */
const PUBLIC_WRITERS = 2;

/** Most vacancies one expiry transaction closes; a full batch loops at once. */
const EXPIRY_BATCH = 500;

interface ExpiredRow {
  id: string;
  employer_id: string;
  title: LocalizedText;
  closed_at: Date;
}

/** Vacancies: drafts, publication, edits with optimistic concurrency, closing and expiry. */
@Injectable()
export class VacanciesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(EmployersService) private readonly employers: EmployersService,
    @Inject(Taxonomy) private readonly taxonomy: Taxonomy,
  ) {}

  /** Queues the transactions of commands that may change a published vacancy ({@link PUBLIC_WRITERS}). */
  private readonly publicWriters = pLimit(PUBLIC_WRITERS);

  /** A draft, by a member of the organisation. */
  async create(principal: Principal | undefined, request: CreateVacancyRequest, locale: Locale): Promise<VacancyView> {
    const userId = requireRole(principal, Role.Employer);
    const { employerId, ...content } = request;
    if (!(await this.employers.exists(employerId))) throw new DomainError(ErrorCode.EmployerNotFound);
    if (!(await this.employers.isMember(employerId, userId))) throw new DomainError(ErrorCode.Forbidden);
    const problems = contentProblems(content, this.taxonomy, todayUtc());
    if (problems.length > 0) throw validationFailed(problems);

    const columns = { id: randomUUID(), employer_id: employerId, status: 'draft', ...contentColumns(content) };
    const names = Object.keys(columns);
    const created = await row<VacancyRow>(
      this.dataSource,
      `INSERT INTO vacancies.vacancies AS v (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING ${VACANCY_RETURNING}`,
      Object.values(columns),
    );
    return toVacancyView(created!, locale);
  }

  /** Members see every status; everyone else (anonymous included) only published vacancies. */
  async get(principal: Principal | undefined, vacancyId: string, locale: Locale): Promise<VacancyView> {
    const vacancy = await this.load(this.dataSource.manager, vacancyId);
    if (!vacancy) throw new DomainError(ErrorCode.VacancyNotFound);
    if (vacancy.status !== 'published' && !(principal && (await this.employers.isMember(vacancy.employer_id, principal.userId)))) {
      throw new DomainError(ErrorCode.VacancyNotFound);
    }
    return toVacancyView(vacancy, locale);
  }

  /**
   * Edits a draft or published vacancy if it is still at `expectedVersion`. The version check is
   * part of the UPDATE, so of two edits made from the same read exactly one wins.
   */
  async update(principal: Principal | undefined, command: UpdateVacancyCommand, locale: Locale): Promise<VacancyView> {
    const userId = requireRole(principal, Role.Employer);
    const { vacancyId, expectedVersion, ...changes } = command;
    const vacancy = await this.publicWriters(() => this.dataSource.transaction(async (em) => {
      const current = await this.loadForMember(em, vacancyId, userId);
      if (!EDITABLE.includes(current.status)) throw new DomainError(ErrorCode.VacancyNotOpen, { status: current.status });
      if (current.version !== expectedVersion) throw new DomainError(ErrorCode.PreconditionFailed);
      const input = changes as ContentInput;
      const problems = contentProblems(input, this.taxonomy, todayUtc());
      if (problems.length > 0) throw validationFailed(problems);
      const columns = contentColumns(input);
      if (Object.keys(columns).length === 0) return current;

      const params: unknown[] = [vacancyId, expectedVersion];
      const assignments = Object.entries(columns).map(([name, value]) => `${name} = $${params.push(value)}`);
      const updated = await row<VacancyRow>(
        em,
        `UPDATE vacancies.vacancies v SET ${assignments.join(', ')}, version = v.version + 1, updated_at = now()
         WHERE v.id = $1 AND v.version = $2 AND v.status IN ('draft', 'published')
         RETURNING ${VACANCY_RETURNING}`,
        params,
      );
      if (!updated) {
        // Changed between our read and our write: another edit won, or it was closed meanwhile.
        const now = await this.load(em, vacancyId);
        if (now && !EDITABLE.includes(now.status)) throw new DomainError(ErrorCode.VacancyNotOpen, { status: now.status });
        throw new DomainError(ErrorCode.PreconditionFailed);
      }
      if (updated.status === 'published') {
        await this.outbox.add(em, 'vacancies.vacancy.updated.v1', { ...toSnapshot(updated), updatedAt: updated.updated_at.toISOString() }, { about: updated.id });
      }
      return updated;
    }));
    return toVacancyView(vacancy, locale);
  }

  /**
   * draft → published, while the closing date is still ahead. One statement publishes when the
   * caller may (a member, a draft, the date ahead); only when it changed nothing is the vacancy
   * read to say why. Every publication saves the locking read and its round trip that way.
   */
  async publish(principal: Principal | undefined, vacancyId: string, locale: Locale): Promise<VacancyView> {
    const userId = requireRole(principal, Role.Employer);
    const vacancy = await this.publicWriters(() => this.dataSource.transaction(async (em) => {
      const published = await row<VacancyRow>(em, PUBLISH, [vacancyId, userId, todayUtc()]);
      if (!published) throw await this.whyNotPublished(em, vacancyId, userId);
      await this.outbox.add(em, 'vacancies.vacancy.published.v1', { ...toSnapshot(published), publishedAt: published.published_at!.toISOString() }, { about: vacancyId });
      return published;
    }));
    return toVacancyView(vacancy, locale);
  }

  /** The error of a publication that changed nothing, checked in the order a caller is told: access, status, closing date. */
  private async whyNotPublished(em: EntityManager, vacancyId: string, userId: string): Promise<Error> {
    const current = await this.loadForMember(em, vacancyId, userId);
    if (current.status !== 'draft') return new DomainError(ErrorCode.VacancyNotOpen, { status: current.status });
    if (current.closing_date <= todayUtc()) return validationFailed([{ field: 'closingDate', rule: 'isFutureDate' }]);
    // All holds now: it changed between the two statements (say, the caller became a member).
    return new DomainError(ErrorCode.PreconditionFailed);
  }

  /** published → filled (reason `filled`) or closed (`closed`, `cancelled`); applicants are named in the event. */
  async close(principal: Principal | undefined, command: CloseVacancyCommand, locale: Locale): Promise<VacancyView> {
    const userId = requireRole(principal, Role.Employer);
    const vacancy = await this.publicWriters(() => this.dataSource.transaction(async (em) => {
      const current = await this.loadForMember(em, command.vacancyId, userId, true);
      if (current.status !== 'published') throw new DomainError(ErrorCode.VacancyNotOpen, { status: current.status });
      const closed = await row<VacancyRow>(
        em,
        `UPDATE vacancies.vacancies v SET status = $2, closed_at = now(), close_reason = $3, version = v.version + 1, updated_at = now()
         WHERE v.id = $1 RETURNING ${VACANCY_RETURNING}`,
        [command.vacancyId, command.reason === 'filled' ? 'filled' : 'closed', command.reason],
      );
      const applicants = await this.applicantIds(em, [command.vacancyId]);
      await this.outbox.add(
        em,
        'vacancies.vacancy.closed.v1',
        {
          vacancyId: closed!.id,
          employerId: closed!.employer_id,
          title: closed!.title,
          reason: command.reason,
          closedAt: closed!.closed_at!.toISOString(),
          applicantIds: applicants.get(closed!.id) ?? [],
        },
        { about: closed!.id },
      );
      return closed!;
    }));
    return toVacancyView(vacancy, locale);
  }

  /**
   * Expires published vacancies whose closing date has passed, up to 500 per transaction, with
   * one `closed` event (reason `expired`) each. Rows another replica is expiring are skipped
   * (SKIP LOCKED) and rows it has expired no longer match, so each vacancy expires once.
   */
  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (em) => {
        const expired = await rows<ExpiredRow>(
          em,
          `WITH due AS (
             SELECT id FROM vacancies.vacancies
             WHERE status = 'published' AND closing_date < $1::date
             ORDER BY closing_date, id
             LIMIT ${EXPIRY_BATCH}
             FOR UPDATE SKIP LOCKED
           )
           UPDATE vacancies.vacancies v
           SET status = 'expired', closed_at = now(), close_reason = 'expired', version = v.version + 1, updated_at = now()
           FROM due WHERE v.id = due.id AND v.status = 'published'
           RETURNING v.id, v.employer_id, v.title, v.closed_at`,
          [todayUtc()],
        );
        if (expired.length === 0) return 0;
        const applicants = await this.applicantIds(
          em,
          expired.map((r) => r.id),
        );
        await this.outbox.addMany(
          em,
          'vacancies.vacancy.closed.v1',
          expired.map((r) => ({
            payload: {
              vacancyId: r.id,
              employerId: r.employer_id,
              title: r.title,
              reason: 'expired' as const,
              closedAt: r.closed_at.toISOString(),
              applicantIds: applicants.get(r.id) ?? [],
            },
            about: r.id,
          })),
        );
        return expired.length;
      });
      total += count;
      if (count < EXPIRY_BATCH) break;
    }
    return total;
  }

  /** The vacancy with its employer's name, or undefined. */
  async load(em: EntityManager, vacancyId: string): Promise<VacancyRow | undefined> {
    return row<VacancyRow>(em, SELECT, [vacancyId]);
  }

  /**
   * The vacancy, for a member of its organisation. Others learn nothing about drafts and closed
   * vacancies (VACANCY_NOT_FOUND, as for a missing one); a published one they can see, so they
   * are told FORBIDDEN.
   */
  private async loadForMember(em: EntityManager, vacancyId: string, userId: string, lock = false): Promise<VacancyRow> {
    // The vacancy and the caller's membership in one statement (every command on a vacancy starts here).
    const found = await row<VacancyRow & { is_member: boolean }>(
      em,
      lock ? SELECT_FOR_MEMBER_LOCKED : SELECT_FOR_MEMBER,
      [vacancyId, userId],
    );
    if (!found) throw new DomainError(ErrorCode.VacancyNotFound);
    const { is_member: isMember, ...vacancy } = found;
    if (!isMember) throw new DomainError(vacancy.status === 'published' ? ErrorCode.Forbidden : ErrorCode.VacancyNotFound);
    return vacancy;
  }

  /** Who has applied (and not erased themselves), per vacancy. */
  private async applicantIds(em: EntityManager, vacancyIds: string[]): Promise<Map<string, string[]>> {
    const found = await rows<{ vacancy_id: string; seekers: string[] }>(
      em,
      `SELECT vacancy_id, array_agg(seeker_id::text ORDER BY submitted_at, id) AS seekers
       FROM vacancies.applications WHERE vacancy_id = ANY($1::uuid[]) AND seeker_id IS NOT NULL
       GROUP BY vacancy_id`,
      [vacancyIds],
    );
    return new Map(found.map((r) => [r.vacancy_id, r.seekers]));
  }
}

/** The vacancy `$1` with its employer's name (and `extra` columns), locked for the transaction when `lock`. */
function selectVacancy(lock: boolean, extra?: string): string {
  return `SELECT ${VACANCY_COLUMNS}${extra ? `, ${extra}` : ''} FROM vacancies.vacancies v JOIN vacancies.employers e ON e.id = v.employer_id WHERE v.id = $1${lock ? ' FOR UPDATE OF v' : ''}`;
}

// Commands on a vacancy start with one of these (a publication with PUBLISH alone): prepared once
// per connection (PreparedSql: planning them cost more than running them). MEMBER_EXISTS: whether
// user `$2` is a member of vacancy `v`'s organisation.
const MEMBER_EXISTS = `EXISTS (SELECT 1 FROM vacancies.employer_members m WHERE m.employer_id = v.employer_id AND m.user_id = $2)`;
const IS_MEMBER = `${MEMBER_EXISTS} AS is_member`;
const SELECT = prepared(selectVacancy(false));
const SELECT_FOR_MEMBER = prepared(selectVacancy(false, IS_MEMBER));
const SELECT_FOR_MEMBER_LOCKED = prepared(selectVacancy(true, IS_MEMBER));
const PUBLISH = prepared(
  `UPDATE vacancies.vacancies v SET status = 'published', published_at = now(), version = v.version + 1, updated_at = now()
   WHERE v.id = $1 AND v.status = 'draft' AND v.closing_date > $3::date
     AND ${MEMBER_EXISTS}
   RETURNING ${VACANCY_RETURNING}`,
);
