import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  decodeCursor,
  encodeCursor,
  type DecideNominationCommand,
  type EnrollCommand,
  type EnrollmentPage,
  type EnrollmentView,
  type ListEnrollmentsRequest,
  type Principal,
  type RecordAttendanceCommand,
} from '@olp/contracts';
import { DATA_SOURCE, isUniqueViolation, queryRow, queryRows } from '@olp/persistence';
import type { ActivityRow } from '../activities/activity-model.js';
import { caller, forbidden, invalid, isFocalPointOf, todayUtc } from '../common/access.js';
import { ExpertsService } from '../experts/experts.service.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ENROLLMENT_SELECT, toEnrollmentView, type EnrollmentRow } from './enrollment-model.js';
import { SeatBook } from './seat-book.js';
import { SeatLedger } from './seat-ledger.js';

/** Statuses that hold (or wait for) a place. */
const ACTIVE = ['nominated', 'confirmed', 'waitlisted'];

/** Most enrolment requests one transaction decides. */
const ENROLL_BATCH = 200;

type EnrollOutcome = EnrollmentView | Error;

interface EnrollJob {
  who: Principal;
  command: EnrollCommand;
  resolve: (view: EnrollmentView) => void;
  reject: (error: Error) => void;
}

interface EnrollQueue {
  jobs: EnrollJob[];
  running: boolean;
}

function settle(job: EnrollJob, outcome: EnrollOutcome): void {
  if (outcome instanceof Error) job.reject(outcome);
  else job.resolve(outcome);
}

function isArrivalCursor(value: unknown): value is { a: string } {
  return typeof value === 'object' && value !== null && typeof (value as { a?: unknown }).a === 'string' && /^\d{1,19}$/.test((value as { a: string }).a);
}

/**
 * Enrolments: coordinators enrol directly (participant or trainer), focal points nominate their
 * own country's experts for the coordinators to approve. Every change that can move a seat runs
 * under the activity's row lock (SeatLedger) and SeatBook decides.
 */
@Injectable()
export class EnrollmentsService {
  /** Per activity, the enrolment requests waiting for this process's next batch. */
  private readonly queues = new Map<string, EnrollQueue>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SeatLedger) private readonly ledger: SeatLedger,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(ExpertsService) private readonly experts: ExpertsService,
  ) {}

  /**
   * Enrols or nominates. Requests for one activity join that activity's queue in this process and
   * are decided in batches, each batch one transaction under the activity's row lock, in arrival
   * order (group commit): a burst of a thousand requests costs a few transactions instead of a
   * thousand commits queueing on one lock, and no request holds a connection while it waits.
   * Replicas still serialise on the row lock.
   */
  async enroll(principal: Principal | undefined, command: EnrollCommand): Promise<EnrollmentView> {
    const who = caller(principal);
    if (command.idempotencyKey) {
      const earlier = await this.byIdempotencyKey(who.userId, command);
      if (earlier) return earlier;
    }
    return new Promise<EnrollmentView>((resolve, reject) => {
      const queue = this.queues.get(command.activityId) ?? { jobs: [], running: false };
      this.queues.set(command.activityId, queue);
      queue.jobs.push({ who, command, resolve, reject });
      if (!queue.running) void this.drain(command.activityId, queue);
    });
  }

  private async drain(activityId: string, queue: EnrollQueue): Promise<void> {
    queue.running = true;
    try {
      while (queue.jobs.length > 0) {
        const batch = queue.jobs.splice(0, ENROLL_BATCH);
        try {
          const outcomes = await this.dataSource.transaction((em) => this.enrollBatch(em, activityId, batch));
          batch.forEach((job, i) => settle(job, outcomes[i]!));
        } catch (error) {
          if (batch.length === 1) {
            settle(batch[0]!, await this.afterFailure(batch[0]!, error));
            continue;
          }
          // Something beyond one request's fault (say a key raced in from another replica): one by one.
          for (const job of batch) {
            try {
              const [outcome] = await this.dataSource.transaction((em) => this.enrollBatch(em, activityId, [job]));
              settle(job, outcome!);
            } catch (single) {
              settle(job, await this.afterFailure(job, single));
            }
          }
        }
      }
    } finally {
      queue.running = false;
      if (queue.jobs.length === 0) this.queues.delete(activityId);
      else void this.drain(activityId, queue);
    }
  }

  /** The answer to a request whose transaction failed: the winner's enrolment for a raced key, a domain error, or the error. */
  private async afterFailure(job: EnrollJob, error: unknown): Promise<EnrollOutcome> {
    try {
      if (job.command.idempotencyKey && isUniqueViolation(error, 'enrollments_idempotency_key')) {
        const earlier = await this.byIdempotencyKey(job.who.userId, job.command);
        if (earlier) return earlier;
      }
    } catch (lookup) {
      return lookup as Error;
    }
    if (isUniqueViolation(error, 'enrollments_one_per_expert')) return new DomainError(ErrorCode.AlreadyEnrolled);
    return error as Error;
  }

  /**
   * Decides a batch of requests for one activity in arrival order, inside one transaction holding
   * the activity's row lock. A request that fails its own checks gets its error and the others go on.
   */
  private async enrollBatch(em: EntityManager, activityId: string, jobs: EnrollJob[]): Promise<EnrollOutcome[]> {
    const activity = await this.ledger.lockActivity(em, activityId).catch((error: unknown) => error as Error);
    if (activity instanceof Error) return jobs.map(() => activity);
    const experts = new Map((await this.experts.loadMany(em, [...new Set(jobs.map((j) => j.command.expertId))])).map((x) => [x.id, x]));
    const enrolled = new Set(
      (
        await queryRows<{ expert_id: string }>(em, `SELECT expert_id FROM programmes.enrollments WHERE activity_id = $1 AND expert_id = ANY($2::uuid[]) AND status = ANY($3)`, [
          activity.id,
          [...experts.keys()],
          ACTIVE,
        ])
      ).map((r) => r.expert_id),
    );
    const coordinators = new Map<string, boolean>();
    const keys = new Map<string, number>();
    let book: SeatBook | undefined;
    const now = new Date();
    const outcomes: (EnrollOutcome | { insertedAt: number })[] = [];
    const inserted: string[] = [];
    const rowsToInsert: (string | null)[][] = [];
    for (const [index, { who, command }] of jobs.entries()) {
      try {
        if (command.idempotencyKey) {
          // The same key twice in one batch: the second is a retry of the first (or a misuse).
          const first = keys.get(`${who.userId} ${command.idempotencyKey}`);
          if (first !== undefined) {
            const earlier = jobs[first]!.command;
            if (earlier.expertId !== command.expertId || earlier.role !== command.role) throw new DomainError(ErrorCode.IdempotencyKeyReused);
            outcomes.push(outcomes[first]!);
            continue;
          }
          keys.set(`${who.userId} ${command.idempotencyKey}`, index);
        }
        const expert = experts.get(command.expertId);
        if (!coordinators.has(who.userId)) coordinators.set(who.userId, await this.programmes.isCoordinatorOf(em, who, activity.programme_code));
        const coordinator = coordinators.get(who.userId)!;
        const nominating = !coordinator && !!expert && isFocalPointOf(who, expert.country.trim());
        if (!coordinator && !nominating) {
          // A focal point naming an expert they may not see learns nothing about them.
          if (!expert && who.roles.includes('focal-point')) throw new DomainError(ErrorCode.ExpertNotFound);
          throw forbidden();
        }
        if (!expert) throw new DomainError(ErrorCode.ExpertNotFound);
        if (activity.status !== 'open') throw new DomainError(ErrorCode.ActivityNotOpen, { status: activity.status });
        if (nominating && command.role !== 'participant') throw invalid([{ field: 'role', rule: 'participantsOnly' }]);
        if (nominating && todayUtc() > activity.application_deadline) throw invalid([{ field: 'applicationDeadline', rule: 'deadlinePassed' }]);
        if (enrolled.has(expert.id)) throw new DomainError(ErrorCode.AlreadyEnrolled);

        const country = expert.country.trim();
        let status: 'nominated' | 'confirmed' | 'waitlisted';
        if (nominating) status = 'nominated';
        else if (command.role === 'trainer') status = 'confirmed';
        else {
          book ??= await this.ledger.book(em, activity, false);
          status = book.admit({ id: '', country });
        }
        const id = randomUUID();
        rowsToInsert.push([id, expert.id, country, command.role, status, nominating ? who.userId : null, who.userId, command.idempotencyKey ?? null]);
        enrolled.add(expert.id);
        outcomes.push({ insertedAt: inserted.push(id) - 1 });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push(error);
      }
    }
    if (inserted.length === 0) return outcomes as EnrollOutcome[];
    // One statement for the batch; arrival numbers follow the batch order (nextval after ORDER BY).
    const column = (i: number) => rowsToInsert.map((r) => r[i] ?? null);
    await em.query(
      `INSERT INTO programmes.enrollments (id, activity_id, expert_id, expert_country, role, status, nominated_by, requested_by, idempotency_key, arrival, created_at, updated_at)
       SELECT t.id, $1, t.expert_id, t.country, t.role, t.status, t.nominated_by, t.requested_by, t.idempotency_key, nextval('programmes.enrollment_arrival'), $2, $2
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::uuid[], $10::text[])
            WITH ORDINALITY AS t(id, expert_id, country, role, status, nominated_by, requested_by, idempotency_key, ord)
       ORDER BY t.ord`,
      [activity.id, now, column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7)],
    );
    await this.ledger.recount(em, activity.id);
    const rows = new Map((await this.ledger.load(em, inserted)).map((r) => [r.id, r]));
    const facts = await this.ledger.facts(em, activity);
    for (const status of ['nominated', 'confirmed', 'waitlisted'] as const) {
      const group = inserted.map((id) => rows.get(id)!).filter((r) => r.status === status);
      await this.ledger.emit(em, `programmes.enrollment.${status}.v1`, facts, group, now);
    }
    return outcomes.map((o) => ('insertedAt' in o ? toEnrollmentView(rows.get(inserted[o.insertedAt]!)!) : o));
  }

  /** The enrolment an earlier request with this key made; IDEMPOTENCY_KEY_REUSED if it was for something else. */
  private async byIdempotencyKey(userId: string, command: EnrollCommand): Promise<EnrollmentView | undefined> {
    const earlier = await queryRow<EnrollmentRow>(this.dataSource, `${ENROLLMENT_SELECT} WHERE e.requested_by = $1 AND e.idempotency_key = $2`, [userId, command.idempotencyKey]);
    if (!earlier) return undefined;
    if (earlier.activity_id !== command.activityId || earlier.expert_id !== command.expertId || earlier.role !== command.role) {
      throw new DomainError(ErrorCode.IdempotencyKeyReused);
    }
    return toEnrollmentView(earlier);
  }

  /** Coordinators see every enrolment of their programme's activities; focal points those of their countries. */
  async list(principal: Principal | undefined, request: ListEnrollmentsRequest): Promise<EnrollmentPage> {
    const who = caller(principal);
    const activity = await queryRow<{ programme_code: string }>(this.dataSource, `SELECT programme_code FROM programmes.activities WHERE id = $1`, [request.activityId]);
    if (!activity) throw new DomainError(ErrorCode.ActivityNotFound);
    const coordinator = await this.programmes.isCoordinatorOf(this.dataSource.manager, who, activity.programme_code);
    if (!coordinator && !who.roles.includes('focal-point')) throw forbidden();
    const limit = request.limit ?? 50;
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, isArrivalCursor);
    if (request.cursor !== undefined && !after) throw invalid([{ field: 'cursor', rule: 'isCursor' }]);
    const params: unknown[] = [request.activityId];
    const where = ['e.activity_id = $1'];
    if (!coordinator) where.push(`e.expert_country = ANY($${params.push(who.countryScope)}::text[])`);
    if (request.status) where.push(`e.status = $${params.push(request.status)}`);
    if (after) where.push(`e.arrival > $${params.push(after.a)}::bigint`);
    const found = await queryRows<EnrollmentRow>(this.dataSource, `${ENROLLMENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.arrival LIMIT $${params.push(limit + 1)}`, params);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toEnrollmentView), nextCursor: found.length > limit && last ? encodeCursor({ a: last.arrival }) : null };
  }

  /** A coordinator approves (the nomination takes a seat or joins the waitlist now) or rejects a nomination. */
  async decide(principal: Principal | undefined, command: DecideNominationCommand): Promise<EnrollmentView> {
    const who = caller(principal);
    return this.dataSource.transaction(async (em) => {
      const { activity, enrollment } = await this.lockEnrollment(em, command.enrollmentId);
      if (!(await this.programmes.isCoordinatorOf(em, who, activity.programme_code))) throw forbidden();
      if (enrollment.status !== 'nominated') throw new DomainError(ErrorCode.EnrollmentNotActive, { status: enrollment.status });
      const now = new Date();
      let status: 'confirmed' | 'waitlisted' | 'rejected' = 'rejected';
      if (command.decision === 'approve') {
        if (activity.status !== 'open' && activity.status !== 'closed') throw new DomainError(ErrorCode.ActivityNotOpen, { status: activity.status });
        status = (await this.ledger.book(em, activity, false)).admit({ id: enrollment.id, country: enrollment.expert_country.trim() });
      }
      // Approval is the arrival in the queue: the waitlist is served in that order.
      await em.query(
        `UPDATE programmes.enrollments SET status = $2, updated_at = $3${status === 'rejected' ? '' : `, arrival = nextval('programmes.enrollment_arrival')`} WHERE id = $1`,
        [enrollment.id, status, now],
      );
      await this.ledger.recount(em, activity.id);
      const [row] = await this.ledger.load(em, [enrollment.id]);
      await this.ledger.emit(em, `programmes.enrollment.${status}.v1`, await this.ledger.facts(em, activity), [row!], now);
      return toEnrollmentView(row!);
    });
  }

  /**
   * Cancels a nomination or enrolment: by the programme's coordinators, the focal point of the
   * expert's country, or the expert themselves. A freed seat goes at once to the next eligible
   * waitlisted participant.
   */
  async cancel(principal: Principal | undefined, enrollmentId: string): Promise<EnrollmentView> {
    const who = caller(principal);
    return this.dataSource.transaction(async (em) => {
      const { activity, enrollment } = await this.lockEnrollment(em, enrollmentId);
      const allowed =
        (await this.programmes.isCoordinatorOf(em, who, activity.programme_code)) ||
        isFocalPointOf(who, enrollment.expert_country.trim()) ||
        (enrollment.expert_user_id !== null && enrollment.expert_user_id === who.userId);
      if (!allowed) throw new DomainError(ErrorCode.EnrollmentNotFound);
      if (!ACTIVE.includes(enrollment.status)) throw new DomainError(ErrorCode.EnrollmentNotActive, { status: enrollment.status });
      if (activity.status === 'completed' || activity.status === 'cancelled') throw new DomainError(ErrorCode.ActivityNotOpen, { status: activity.status });
      const now = new Date();
      const facts = await this.ledger.facts(em, activity);
      const holdsPlace = enrollment.role === 'participant' && (enrollment.status === 'confirmed' || enrollment.status === 'waitlisted');
      const book = holdsPlace ? await this.ledger.book(em, activity, true) : undefined;
      await em.query(`UPDATE programmes.enrollments SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [enrollment.id, now]);
      const [cancelled] = await this.ledger.load(em, [enrollment.id]);
      await this.ledger.emit(em, 'programmes.enrollment.cancelled.v1', facts, [cancelled!], now);
      if (book) await this.ledger.promote(em, facts, book.leave(enrollment.id, enrollment.expert_country.trim(), enrollment.status === 'confirmed'), now);
      await this.ledger.recount(em, activity.id);
      return toEnrollmentView(cancelled!);
    });
  }

  /** Attendance and completion of a confirmed enrolment, by a coordinator of the programme. */
  async recordAttendance(principal: Principal | undefined, command: RecordAttendanceCommand): Promise<EnrollmentView> {
    const who = caller(principal);
    return this.dataSource.transaction(async (em) => {
      const { activity, enrollment } = await this.lockEnrollment(em, command.enrollmentId);
      if (!(await this.programmes.isCoordinatorOf(em, who, activity.programme_code))) throw forbidden();
      if (enrollment.status !== 'confirmed') throw new DomainError(ErrorCode.EnrollmentNotActive, { status: enrollment.status });
      if (activity.status === 'planned' || activity.status === 'cancelled') throw new DomainError(ErrorCode.ActivityNotOpen, { status: activity.status });
      await em.query(`UPDATE programmes.enrollments SET attendance = $2, completed = $3, updated_at = now() WHERE id = $1`, [enrollment.id, command.attendance, command.completed]);
      const [row] = await this.ledger.load(em, [enrollment.id]);
      return toEnrollmentView(row!);
    });
  }

  /** The enrolment and its activity, the activity locked first (the one lock order everywhere). */
  async lockEnrollment(em: EntityManager, enrollmentId: string): Promise<{ activity: ActivityRow; enrollment: EnrollmentRow }> {
    const ref = await queryRow<{ activity_id: string }>(em, `SELECT activity_id FROM programmes.enrollments WHERE id = $1`, [enrollmentId]);
    if (!ref) throw new DomainError(ErrorCode.EnrollmentNotFound);
    const activity = await this.ledger.lockActivity(em, ref.activity_id);
    const [enrollment] = await this.ledger.load(em, [enrollmentId]);
    return { activity, enrollment: enrollment! };
  }
}
