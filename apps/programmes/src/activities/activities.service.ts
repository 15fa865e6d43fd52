import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ACTIVITY_TRANSITIONS,
  DomainError,
  ErrorCode,
  decodeCursor,
  encodeCursor,
  type ActivityPage,
  type ActivityView,
  type ChangeActivityStatusCommand,
  type CreateActivityCommand,
  type FieldError,
  type ListActivitiesRequest,
  type Principal,
  type UpdateActivityCommand,
} from '@olp/contracts';
import { OutboxWriter } from '@olp/messaging';
import { DATA_SOURCE, queryRow, queryRows } from '@olp/persistence';
import type { Locale } from '@olp/reference-data';
import { caller, forbidden, invalid } from '../common/access.js';
import { SeatLedger } from '../enrollments/seat-ledger.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ACTIVITY_COLUMNS, contentColumns, dateProblems, toActivityView, type ActivityRow } from './activity-model.js';

interface ActivityCursor {
  s: string;
  i: string;
}

function isActivityCursor(value: unknown): value is ActivityCursor {
  const v = value as Partial<ActivityCursor> | null;
  return typeof v === 'object' && v !== null && typeof v.s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.s) && typeof v.i === 'string' && /^[0-9a-f-]{36}$/.test(v.i);
}

/** Activities of programmes: only the programme's coordinators create and change them. */
@Injectable()
export class ActivitiesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(SeatLedger) private readonly ledger: SeatLedger,
  ) {}

  async create(principal: Principal | undefined, command: CreateActivityCommand, locale: Locale): Promise<ActivityView> {
    const who = caller(principal);
    const { programmeCode, seats, countryQuota, ...content } = command;
    await this.programmes.get(principal, programmeCode, locale);
    if (!(await this.programmes.isCoordinatorOf(this.dataSource.manager, who, programmeCode))) throw forbidden();
    const problems = dateProblems(content);
    if (problems.length > 0) throw invalid(problems);
    const columns: Record<string, unknown> = {
      id: randomUUID(),
      programme_code: programmeCode,
      ...contentColumns(content),
      seats,
      country_quota: countryQuota ?? null,
      created_by: who.userId,
    };
    const names = Object.keys(columns);
    const created = await queryRow<ActivityRow>(
      this.dataSource,
      `INSERT INTO programmes.activities AS a (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${ACTIVITY_COLUMNS}`,
      Object.values(columns),
    );
    return toActivityView(created!, locale);
  }

  /** Public: everyone may read activities (they are announced to member states). */
  async get(activityId: string, locale: Locale): Promise<ActivityView> {
    const found = await queryRow<ActivityRow>(this.dataSource, `SELECT ${ACTIVITY_COLUMNS} FROM programmes.activities a WHERE a.id = $1`, [activityId]);
    if (!found) throw new DomainError(ErrorCode.ActivityNotFound);
    return toActivityView(found, locale);
  }

  /** Filters by programme, country (host, provider or beneficiary), dates, status and working language; ordered by start date. */
  async list(request: ListActivitiesRequest, locale: Locale): Promise<ActivityPage> {
    const limit = request.limit ?? 20;
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, isActivityCursor);
    if (request.cursor !== undefined && !after) throw invalid([{ field: 'cursor', rule: 'isCursor' }]);
    const params: unknown[] = [];
    const where: string[] = [];
    if (request.programme) where.push(`a.programme_code = $${params.push(request.programme)}`);
    if (request.country) {
      const p = params.push(request.country);
      where.push(`(a.host_country = $${p} OR $${p} = ANY(a.provider_countries) OR $${p} = ANY(a.beneficiary_countries))`);
    }
    if (request.from) where.push(`a.end_date >= $${params.push(request.from)}::date`);
    if (request.to) where.push(`a.start_date <= $${params.push(request.to)}::date`);
    if (request.status) where.push(`a.status = $${params.push(request.status)}`);
    if (request.language) where.push(`$${params.push(request.language)} = ANY(a.languages)`);
    if (after) where.push(`(a.start_date, a.id) > ($${params.push(after.s)}::date, $${params.push(after.i)}::uuid)`);
    const found = await queryRows<ActivityRow>(
      this.dataSource,
      `SELECT ${ACTIVITY_COLUMNS} FROM programmes.activities a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.start_date, a.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((a) => toActivityView(a, locale)), nextCursor: found.length > limit && last ? encodeCursor({ s: last.start_date, i: last.id }) : null };
  }

  /**
   * Edits content and capacity if the activity is still at `expectedVersion`. More seats or a
   * higher quota promote waitlisted participants at once; fewer than the confirmed ones are refused.
   */
  async update(principal: Principal | undefined, command: UpdateActivityCommand, locale: Locale): Promise<ActivityView> {
    const { activityId, expectedVersion, seats, countryQuota, ...content } = command;
    const updated = await this.dataSource.transaction(async (em) => {
      const current = await this.lockForCoordinator(em, principal, activityId);
      if (current.status === 'completed' || current.status === 'cancelled') throw new DomainError(ErrorCode.ActivityNotOpen, { status: current.status });
      if (current.version !== expectedVersion) throw new DomainError(ErrorCode.PreconditionFailed);
      const problems: FieldError[] = dateProblems({
        startDate: content.startDate ?? current.start_date,
        endDate: content.endDate ?? current.end_date,
        applicationDeadline: content.applicationDeadline ?? current.application_deadline,
      });
      const capacity = { seats: seats ?? current.seats, quota: countryQuota === undefined ? current.country_quota : countryQuota };
      const capacityChanged = capacity.seats !== current.seats || capacity.quota !== current.country_quota;
      const book = capacityChanged ? await this.ledger.book(em, current, true) : undefined;
      for (const p of book?.capacityProblems(capacity) ?? []) problems.push({ field: p.field, rule: 'notBelowConfirmed', params: { min: p.min } });
      if (problems.length > 0) throw invalid(problems);

      const columns: Record<string, unknown> = { ...contentColumns(content), seats: capacity.seats, country_quota: capacity.quota };
      const params: unknown[] = [activityId];
      const assignments = Object.entries(columns).map(([name, value]) => `${name} = $${params.push(value)}`);
      await em.query(`UPDATE programmes.activities SET ${assignments.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, params);
      if (book) {
        const promoted = book.resize(capacity);
        await this.ledger.promote(em, await this.ledger.facts(em, current), promoted, new Date());
        await this.ledger.recount(em, activityId);
      }
      return (await queryRow<ActivityRow>(em, `SELECT ${ACTIVITY_COLUMNS} FROM programmes.activities a WHERE a.id = $1`, [activityId]))!;
    });
    return toActivityView(updated, locale);
  }

  /** planned → open → closed → completed, or cancelled (which cancels every enrolment). */
  async changeStatus(principal: Principal | undefined, command: ChangeActivityStatusCommand, locale: Locale): Promise<ActivityView> {
    const updated = await this.dataSource.transaction(async (em) => {
      const current = await this.lockForCoordinator(em, principal, command.activityId);
      const to = command.status;
      if (!ACTIVITY_TRANSITIONS[current.status].includes(to)) throw new DomainError(ErrorCode.InvalidActivityTransition, { from: current.status, to });
      const now = new Date();
      const facts = await this.ledger.facts(em, current);
      if (to === 'cancelled') {
        const affected = await queryRows<{ expert_user_id: string | null; nominated_by: string | null }>(
          em,
          `UPDATE programmes.enrollments e SET status = 'cancelled', updated_at = $2
           FROM programmes.experts x
           WHERE e.activity_id = $1 AND e.status IN ('nominated', 'confirmed', 'waitlisted') AND x.id = e.expert_id
           RETURNING x.user_id AS expert_user_id, e.nominated_by`,
          [current.id, now],
        );
        const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
        await this.outbox.add(
          em,
          'programmes.activity.cancelled.v1',
          { ...facts, expertUserIds: distinct(affected.map((a) => a.expert_user_id)), focalPointIds: distinct(affected.map((a) => a.nominated_by)), cancelledAt: now.toISOString() },
          { about: current.id },
        );
      } else if (to === 'open') {
        await this.outbox.add(
          em,
          'programmes.activity.opened.v1',
          { ...facts, applicationDeadline: current.application_deadline, beneficiaryCountries: current.beneficiary_countries, openedAt: now.toISOString() },
          { about: current.id },
        );
      } else if (to === 'completed') {
        // The confirmed participants and trainers with an account are told; their certificates follow one by one.
        const confirmed = await queryRows<{ user_id: string }>(
          em,
          `SELECT DISTINCT x.user_id FROM programmes.enrollments e JOIN programmes.experts x ON x.id = e.expert_id
           WHERE e.activity_id = $1 AND e.status = 'confirmed' AND x.user_id IS NOT NULL ORDER BY x.user_id`,
          [current.id],
        );
        await this.outbox.add(
          em,
          'programmes.activity.completed.v1',
          { ...facts, expertUserIds: confirmed.map((c) => c.user_id), completedAt: now.toISOString() },
          { about: current.id },
        );
      }
      await em.query(`UPDATE programmes.activities SET status = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [current.id, to, now]);
      await this.ledger.recount(em, current.id);
      return (await queryRow<ActivityRow>(em, `SELECT ${ACTIVITY_COLUMNS} FROM programmes.activities a WHERE a.id = $1`, [current.id]))!;
    });
    return toActivityView(updated, locale);
  }

  /** The activity locked, for a coordinator of its programme; others get FORBIDDEN (activities are public, so not a 404). */
  async lockForCoordinator(em: EntityManager, principal: Principal | undefined, activityId: string): Promise<ActivityRow> {
    const who = caller(principal);
    const activity = await this.ledger.lockActivity(em, activityId);
    if (!(await this.programmes.isCoordinatorOf(em, who, activity.programme_code))) throw forbidden();
    return activity;
  }
}
