import type { Attendance, EnrollmentEventV1, EnrollmentRole, EnrollmentStatus, EnrollmentView } from '@olp/contracts';
import type { LocalizedText } from '@olp/reference-data';

export interface EnrollmentRow {
  id: string;
  activity_id: string;
  expert_id: string;
  expert_name: string;
  expert_country: string;
  expert_user_id: string | null;
  role: EnrollmentRole;
  status: EnrollmentStatus;
  arrival: string;
  nominated_by: string | null;
  requested_by: string;
  idempotency_key: string | null;
  attendance: Attendance | null;
  completed: boolean;
  certificate_number: string | null;
  waitlist_position: number | null;
  created_at: Date;
  updated_at: Date;
}

/** An enrolment with its expert, certificate and (while waitlisted) place in the queue. */
export const ENROLLMENT_SELECT = `
  SELECT e.id, e.activity_id, e.expert_id, x.full_name AS expert_name, e.expert_country, x.user_id AS expert_user_id, e.role, e.status,
         e.arrival::text AS arrival, e.nominated_by, e.requested_by, e.idempotency_key, e.attendance, e.completed, c.number AS certificate_number,
         CASE WHEN e.status = 'waitlisted' THEN (
           SELECT count(*)::int FROM programmes.enrollments w
           WHERE w.activity_id = e.activity_id AND w.status = 'waitlisted' AND w.arrival <= e.arrival
         ) END AS waitlist_position,
         e.created_at, e.updated_at
  FROM programmes.enrollments e
  JOIN programmes.experts x ON x.id = e.expert_id
  LEFT JOIN programmes.certificates c ON c.enrollment_id = e.id`;

export function toEnrollmentView(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.id,
    activityId: row.activity_id,
    expertId: row.expert_id,
    expertName: row.expert_name,
    expertCountry: row.expert_country.trim(),
    role: row.role,
    status: row.status,
    ...(row.nominated_by ? { nominatedBy: row.nominated_by } : {}),
    ...(row.waitlist_position !== null ? { waitlistPosition: row.waitlist_position } : {}),
    ...(row.attendance ? { attendance: row.attendance } : {}),
    completed: row.completed,
    ...(row.certificate_number ? { certificateNumber: row.certificate_number } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What every programmes event says about the activity. */
export interface ActivityFacts {
  activityId: string;
  programmeCode: string;
  activityTitle: LocalizedText;
  startDate: string;
  endDate: string;
  hostCountry: string;
  coordinatorIds: string[];
}

export function enrollmentEvent(facts: ActivityFacts, row: EnrollmentRow, occurredAt: Date): EnrollmentEventV1 {
  return {
    ...facts,
    enrollmentId: row.id,
    expertId: row.expert_id,
    expertCountry: row.expert_country.trim(),
    ...(row.expert_user_id ? { expertUserId: row.expert_user_id } : {}),
    ...(row.nominated_by ? { nominatedBy: row.nominated_by } : {}),
    role: row.role,
    status: row.status,
    ...(row.waitlist_position !== null ? { waitlistPosition: row.waitlist_position } : {}),
    occurredAt: occurredAt.toISOString(),
  };
}
