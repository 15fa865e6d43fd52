import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type EventSubject } from '@olp/contracts';
import { OutboxWriter } from '@olp/messaging';
import { queryRow, queryRows } from '@olp/persistence';
import { ACTIVITY_COLUMNS, type ActivityRow } from '../activities/activity-model.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ENROLLMENT_SELECT, enrollmentEvent, type ActivityFacts, type EnrollmentRow } from './enrollment-model.js';
import { SeatBook } from './seat-book.js';

type EnrollmentSubject = Extract<EventSubject, `programmes.enrollment.${string}`>;

/**
 * The database side of SeatBook: every seat decision happens in a transaction that first locks
 * the activity's row (`SELECT … FOR UPDATE`), so concurrent enrolments, cancellations and seat
 * changes of one activity run one after the other and each sees the last one's result.
 */
@Injectable()
export class SeatLedger {
  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
  ) {}

  /** The activity, locked until the transaction ends; ACTIVITY_NOT_FOUND if there is none. */
  async lockActivity(em: EntityManager, activityId: string): Promise<ActivityRow> {
    const activity = await queryRow<ActivityRow>(em, `SELECT ${ACTIVITY_COLUMNS} FROM programmes.activities a WHERE a.id = $1 FOR UPDATE`, [activityId]);
    if (!activity) throw new DomainError(ErrorCode.ActivityNotFound);
    return activity;
  }

  async facts(em: EntityManager, activity: ActivityRow): Promise<ActivityFacts> {
    return {
      activityId: activity.id,
      programmeCode: activity.programme_code,
      activityTitle: activity.title,
      startDate: activity.start_date,
      endDate: activity.end_date,
      hostCountry: activity.host_country.trim(),
      coordinatorIds: await this.programmes.coordinatorIds(em, activity.programme_code),
    };
  }

  /** The activity's seat book as stored: confirmed participants per country and (if asked) the waitlist in arrival order. */
  async book(em: EntityManager, activity: ActivityRow, withWaitlist: boolean): Promise<SeatBook> {
    const counts = await queryRows<{ country: string; n: number }>(
      em,
      `SELECT expert_country AS country, count(*)::int AS n FROM programmes.enrollments
       WHERE activity_id = $1 AND role = 'participant' AND status = 'confirmed' GROUP BY expert_country`,
      [activity.id],
    );
    const waiting = withWaitlist
      ? await queryRows<{ id: string; country: string }>(
          em,
          `SELECT id, expert_country AS country FROM programmes.enrollments WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY arrival`,
          [activity.id],
        )
      : [];
    return new SeatBook(
      { seats: activity.seats, quota: activity.country_quota },
      counts.map((c) => [c.country.trim(), c.n]),
      waiting.map((w) => ({ id: w.id, country: w.country.trim() })),
    );
  }

  /** Confirms the enrolments SeatBook promoted, each with its `promoted` event. */
  async promote(em: EntityManager, facts: ActivityFacts, ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await em.query(`UPDATE programmes.enrollments SET status = 'confirmed', updated_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'waitlisted'`, [ids, now]);
    const promoted = await this.load(em, ids);
    await this.emit(em, 'programmes.enrollment.promoted.v1', facts, promoted, now);
  }

  /** Keeps the activity's confirmed/waitlisted counters (and its CHECK confirmed ≤ seats) in step with the enrolments. */
  async recount(em: EntityManager, activityId: string): Promise<void> {
    await em.query(
      `UPDATE programmes.activities a SET
         confirmed = (SELECT count(*) FROM programmes.enrollments e WHERE e.activity_id = a.id AND e.role = 'participant' AND e.status = 'confirmed'),
         waitlisted = (SELECT count(*) FROM programmes.enrollments e WHERE e.activity_id = a.id AND e.status = 'waitlisted')
       WHERE a.id = $1`,
      [activityId],
    );
  }

  async load(em: EntityManager, ids: string[]): Promise<EnrollmentRow[]> {
    return queryRows<EnrollmentRow>(em, `${ENROLLMENT_SELECT} WHERE e.id = ANY($1::uuid[]) ORDER BY e.arrival`, [ids]);
  }

  async emit(em: EntityManager, subject: EnrollmentSubject, facts: ActivityFacts, enrollments: EnrollmentRow[], now: Date): Promise<void> {
    if (enrollments.length === 0) return;
    await this.outbox.addMany(
      em,
      subject,
      enrollments.map((row) => ({ payload: enrollmentEvent(facts, row, now), about: row.id })),
    );
  }
}
