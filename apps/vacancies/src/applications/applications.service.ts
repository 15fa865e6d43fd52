import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  Role,
  decodeCursor,
  encodeCursor,
  type ApplicationHistoryEntry,
  type ApplicationPage,
  type ApplicationStatus,
  type ApplicationView,
  type ApplyCommand,
  type ChangeApplicationStatusCommand,
  type ListApplicationsRequest,
  type Principal,
  type VacanciesExport,
} from '@olp/contracts';
import { OutboxWriter } from '@olp/messaging';
import { DATA_SOURCE } from '@olp/persistence';
import { resolveText, type Locale, type LocalizedText } from '@olp/reference-data';
import { invalidCursor, isPgTimestamp, isUniqueViolation, isUuid, requireRole, requireUser, todayUtc, validationFailed } from '../common/access.js';
import { row, rows } from '../common/sql.js';
import { EmployersService } from '../employers/employers.service.js';

const DEFAULT_PAGE = 20;

/** Moves an employer member may make. */
const EMPLOYER_MOVES: Readonly<Partial<Record<ApplicationStatus, readonly ApplicationStatus[]>>> = {
  submitted: ['shortlisted', 'rejected'],
  shortlisted: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
};
/** The applicant may withdraw from any status that is not final. */
const FINAL: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];

/** A history entry as stored: `by` is null once its author erased themselves. */
interface StoredHistoryEntry {
  status: ApplicationStatus;
  at: string;
  by: string | null;
  note?: string;
}

interface ApplicationRow {
  id: string;
  vacancy_id: string;
  seeker_id: string | null;
  status: ApplicationStatus;
  cover_note: string | null;
  profile_snapshot: Record<string, unknown> | null;
  history: StoredHistoryEntry[];
  submitted_at: Date;
  updated_at: Date;
  /** For cursors: submitted_at as PostgreSQL renders it in JSON, microseconds included. */
  submitted_key: string;
  vacancy_title: LocalizedText;
  employer_id: string;
}

const APPLICATION_COLUMNS = `
  a.id, a.vacancy_id, a.seeker_id, a.status, a.cover_note, a.profile_snapshot, a.history, a.submitted_at, a.updated_at,
  to_json(a.submitted_at)#>>'{}' AS submitted_key, v.title AS vacancy_title, v.employer_id`;

interface ApplicationCursor {
  k: string;
  t: string;
  i: string;
}

/** Who is looking: the organisation (sees the applicant's snapshot) or the applicant (sees no member ids). */
type Audience = 'employer' | 'applicant';

function historyFor(row: ApplicationRow, audience: Audience): ApplicationHistoryEntry[] {
  return row.history.map((entry) => {
    if (audience === 'employer' || entry.by === row.seeker_id) {
      return { status: entry.status, at: entry.at, by: entry.by as string, ...(entry.note !== undefined ? { note: entry.note } : {}) };
    }
    // The applicant is told what happened and by which organisation, not which member did it or their notes.
    return { status: entry.status, at: entry.at, by: row.employer_id };
  });
}

function toApplicationView(row: ApplicationRow, locale: Locale, audience: Audience): ApplicationView {
  return {
    id: row.id,
    vacancyId: row.vacancy_id,
    vacancyTitle: resolveText(row.vacancy_title, locale) ?? '',
    status: row.status,
    coverNote: row.cover_note ?? '',
    ...(row.profile_snapshot ? { profileSnapshot: row.profile_snapshot } : {}),
    history: historyFor(row, audience),
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Applications: applying, the employer's and the applicant's lists, status changes, export and erasure. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(EmployersService) private readonly employers: EmployersService,
  ) {}

  /**
   * A seeker applies once per vacancy with the profile snapshot the gateway attaches. The unique
   * index (vacancy, seeker) decides between concurrent attempts: one commits, the other gets
   * ALREADY_APPLIED. The vacancy's application count rises in the same transaction.
   */
  async apply(principal: Principal | undefined, command: ApplyCommand, locale: Locale): Promise<ApplicationView> {
    const seekerId = requireRole(principal, Role.Seeker);
    const snapshot = command.profileSnapshot;
    if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) {
      throw validationFailed([{ field: 'profileSnapshot', rule: 'isDefined' }]);
    }
    const vacancy = await row<{ status: string; closing_date: string; eligibility_scope: string; eligibility_countries: string[] }>(
      this.dataSource,
      `SELECT status, closing_date::text AS closing_date, eligibility_scope, eligibility_countries FROM vacancies.vacancies WHERE id = $1`,
      [command.vacancyId],
    );
    if (!vacancy || vacancy.status === 'draft') throw new DomainError(ErrorCode.VacancyNotFound);
    const today = todayUtc();
    if (vacancy.status !== 'published') throw new DomainError(ErrorCode.VacancyNotOpen, { status: vacancy.status });
    if (vacancy.closing_date < today) throw new DomainError(ErrorCode.VacancyNotOpen, { status: 'expired' });
    if (vacancy.eligibility_scope === 'listed') {
      const nationality = typeof snapshot['nationality'] === 'string' ? snapshot['nationality'] : '';
      if (!vacancy.eligibility_countries.includes(nationality)) throw new DomainError(ErrorCode.NotEligible, { nationality: nationality || '?' });
    }

    try {
      const application = await this.dataSource.transaction(async (em) => {
        // Counts the application and re-checks, under the row lock, that the vacancy is still open.
        const open = await row<{ employer_id: string; title: LocalizedText }>(
          em,
          `UPDATE vacancies.vacancies SET application_count = application_count + 1
           WHERE id = $1 AND status = 'published' AND closing_date >= $2::date
           RETURNING employer_id, title`,
          [command.vacancyId, today],
        );
        if (!open) throw new DomainError(ErrorCode.VacancyNotOpen, { status: 'closed' });
        const submittedAt = new Date().toISOString();
        const history: StoredHistoryEntry[] = [{ status: 'submitted', at: submittedAt, by: seekerId }];
        const id = randomUUID();
        await em.query(
          `INSERT INTO vacancies.applications (id, vacancy_id, seeker_id, status, cover_note, profile_snapshot, history, submitted_at, updated_at)
           VALUES ($1, $2, $3, 'submitted', $4, $5, $6, $7, $7)`,
          [id, command.vacancyId, seekerId, command.coverNote, JSON.stringify(snapshot), JSON.stringify(history), submittedAt],
        );
        await this.outbox.add(
          em,
          'vacancies.application.submitted.v1',
          {
            applicationId: id,
            vacancyId: command.vacancyId,
            employerId: open.employer_id,
            seekerId,
            vacancyTitle: open.title,
            employerMemberIds: await this.employers.memberIds(open.employer_id, em),
            submittedAt,
          },
          { about: id },
        );
        return (await this.load(em, id))!;
      });
      return toApplicationView(application, locale, 'applicant');
    } catch (error) {
      if (isUniqueViolation(error, 'applications_one_per_seeker')) throw new DomainError(ErrorCode.AlreadyApplied);
      throw error;
    }
  }

  /**
   * With `vacancyId`: that vacancy's applications with the applicants' snapshots, for members of
   * its organisation. Without: the caller's own applications. Newest first, keyset pages.
   */
  async list(principal: Principal | undefined, request: ListApplicationsRequest, locale: Locale): Promise<ApplicationPage> {
    const userId = requireUser(principal);
    const limit = request.limit ?? DEFAULT_PAGE;
    const scope = request.vacancyId ? `v:${request.vacancyId}` : `me:${userId}`;
    let after: ApplicationCursor | undefined;
    if (request.cursor !== undefined) {
      after = decodeCursor(request.cursor, isApplicationCursor);
      if (!after || after.k !== scope) throw invalidCursor();
    }
    let audience: Audience = 'applicant';
    const params: unknown[] = [];
    let filter: string;
    if (request.vacancyId) {
      const vacancy = await row<{ employer_id: string; status: string }>(this.dataSource, `SELECT employer_id, status FROM vacancies.vacancies WHERE id = $1`, [
        request.vacancyId,
      ]);
      if (!vacancy) throw new DomainError(ErrorCode.VacancyNotFound);
      if (!(await this.employers.isMember(vacancy.employer_id, userId))) {
        throw new DomainError(vacancy.status === 'published' ? ErrorCode.Forbidden : ErrorCode.VacancyNotFound);
      }
      audience = 'employer';
      // Erased applicants' applications still count, but hold nothing to show.
      filter = `a.vacancy_id = $${params.push(request.vacancyId)} AND a.seeker_id IS NOT NULL`;
    } else {
      filter = `a.seeker_id = $${params.push(userId)}`;
    }
    if (after) filter += ` AND (a.submitted_at, a.id) < ($${params.push(after.t)}::timestamptz, $${params.push(after.i)}::uuid)`;
    const found = await rows<ApplicationRow>(
      this.dataSource,
      `SELECT ${APPLICATION_COLUMNS} FROM vacancies.applications a JOIN vacancies.vacancies v ON v.id = a.vacancy_id
       WHERE ${filter} ORDER BY a.submitted_at DESC, a.id DESC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const items = found.slice(0, limit);
    const last = found.length > limit ? items[items.length - 1] : undefined;
    return {
      items: items.map((item) => toApplicationView(item, locale, audience)),
      nextCursor: last ? encodeCursor({ k: scope, t: last.submitted_key, i: last.id } satisfies ApplicationCursor) : null,
    };
  }

  /**
   * Members of the organisation move an application along the hiring steps (or reject it); the
   * applicant, and only they, may withdraw it while it is not final. Anyone else is told it does
   * not exist.
   */
  async changeStatus(principal: Principal | undefined, command: ChangeApplicationStatusCommand, locale: Locale): Promise<ApplicationView> {
    const userId = requireUser(principal);
    const { application, audience } = await this.dataSource.transaction(async (em) => {
      const current = await this.load(em, command.applicationId, true);
      if (!current || current.seeker_id === null) throw new DomainError(ErrorCode.ApplicationNotFound);
      const isApplicant = current.seeker_id === userId;
      const isMember = principal!.roles.includes(Role.Employer) && (await this.employers.isMember(current.employer_id, userId, em));
      if (!isApplicant && !isMember) throw new DomainError(ErrorCode.ApplicationNotFound);

      const from = current.status;
      const to = command.status;
      const allowed =
        (isMember && (EMPLOYER_MOVES[from] ?? []).includes(to)) || (isApplicant && to === 'withdrawn' && !FINAL.includes(from));
      if (!allowed) throw new DomainError(ErrorCode.InvalidTransition, { from, to });

      const changedAt = new Date().toISOString();
      const entry: StoredHistoryEntry = { status: to, at: changedAt, by: userId, ...(command.note !== undefined ? { note: command.note } : {}) };
      await em.query(
        `UPDATE vacancies.applications SET status = $2, history = history || $3::jsonb, updated_at = $4 WHERE id = $1`,
        [current.id, to, JSON.stringify([entry]), changedAt],
      );
      await this.outbox.add(
        em,
        'vacancies.application.status-changed.v1',
        {
          applicationId: current.id,
          vacancyId: current.vacancy_id,
          employerId: current.employer_id,
          seekerId: current.seeker_id,
          vacancyTitle: current.vacancy_title,
          from,
          to,
          changedBy: userId,
          changedAt,
        },
        { about: current.id },
      );
      return { application: (await this.load(em, current.id))!, audience: (isMember ? 'employer' : 'applicant') as Audience };
    });
    return toApplicationView(application, locale, audience);
  }

  /** Everything this service holds about the caller as an applicant. */
  async export(principal: Principal | undefined, locale: Locale): Promise<VacanciesExport> {
    const userId = requireUser(principal);
    const found = await rows<ApplicationRow>(
      this.dataSource,
      `SELECT ${APPLICATION_COLUMNS} FROM vacancies.applications a JOIN vacancies.vacancies v ON v.id = a.vacancy_id
       WHERE a.seeker_id = $1 ORDER BY a.submitted_at DESC, a.id DESC`,
      [userId],
    );
    return { applications: found.map((item) => toApplicationView(item, locale, 'applicant')) };
  }

  /**
   * Erases a seeker from their applications, in the caller's transaction: no seeker id, cover
   * note or snapshot, and their own history entries keep the status and time but lose the author
   * and note. The applications (and the vacancies' counts) stay. Returns the application ids.
   */
  async anonymizeSeeker(em: EntityManager, seekerId: string): Promise<string[]> {
    const anonymized = await rows<{ id: string }>(
      em,
      `UPDATE vacancies.applications a
       SET seeker_id = NULL, cover_note = NULL, profile_snapshot = NULL, anonymized_at = now(), updated_at = now(),
           history = ${scrubbedHistory('a.history', '$1')}
       WHERE a.seeker_id = $1
       RETURNING a.id`,
      [seekerId],
    );
    return anonymized.map((r) => r.id);
  }

  /** Removes a user's id (and notes) from status changes they made as an employer member. */
  async forgetActor(em: EntityManager, userId: string): Promise<number> {
    const changed = await rows<{ id: string }>(
      em,
      `UPDATE vacancies.applications a SET history = ${scrubbedHistory('a.history', '$1')}
       WHERE a.history @> jsonb_build_array(jsonb_build_object('by', $1::text))
       RETURNING a.id`,
      [userId],
    );
    return changed.length;
  }

  private async load(em: EntityManager, applicationId: string, lock = false): Promise<ApplicationRow | undefined> {
    return row<ApplicationRow>(
      em,
      `SELECT ${APPLICATION_COLUMNS} FROM vacancies.applications a JOIN vacancies.vacancies v ON v.id = a.vacancy_id
       WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
      [applicationId],
    );
  }
}

/** The history with every entry by `actor` losing its author and note. */
function scrubbedHistory(column: string, actor: string): string {
  return `(SELECT coalesce(jsonb_agg(CASE WHEN h->>'by' = ${actor}::text THEN (h - 'note') || '{"by": null}'::jsonb ELSE h END ORDER BY n), '[]'::jsonb)
           FROM jsonb_array_elements(${column}) WITH ORDINALITY AS x(h, n))`;
}

function isApplicationCursor(value: unknown): value is ApplicationCursor {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const c = value as Record<string, unknown>;
  return typeof c['k'] === 'string' && isPgTimestamp(c['t']) && isUuid(c['i']);
}
