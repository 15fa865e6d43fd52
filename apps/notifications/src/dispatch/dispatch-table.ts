import type { EnrollmentEventV1, EventPayload, EventSubject, NotificationCategory } from '@olp/contracts';
import { findCountry, type LocalizedText } from '@olp/reference-data';
import type { TemplateType } from '../templates/catalog.js';
import type { TemplateParams } from '../templates/render.js';

/** One notification an event causes for one recipient. */
export interface Dispatch {
  recipientId: string;
  category: NotificationCategory;
  type: TemplateType;
  params: TemplateParams;
  /** Ids of what it is about, returned to clients as they are. */
  refs: Record<string, string>;
  /** Path in the portal, relative to PORTAL_URL. */
  link: string;
}

export type DispatchRule<S extends EventSubject> = (data: EventPayload<S>) => Dispatch[];
export type DispatchTable = { [S in EventSubject]?: DispatchRule<S> };

/** What a rule may ask the recipient directory, in the consumer's transaction. */
export interface RecipientFinder {
  /** Users holding the focal-point role for any of these countries. */
  focalPointsOf(countries: readonly string[]): Promise<string[]>;
}
export type DirectoryRule<S extends EventSubject> = (data: EventPayload<S>, directory: RecipientFinder) => Promise<Dispatch[]>;
export type DirectoryDispatchTable = { [S in EventSubject]?: DirectoryRule<S> };

/**
 * Which events notify whom, in which category, with which template and parameters. Everything a
 * template needs comes from the event (the vacancy title travels in the vacancies and matching
 * events), so notifying never calls another service. Programme events name their recipients by
 * user id (the expert when they have an account, the nominating focal point, the programme's
 * coordinators, the confirmed experts of a completed activity) and carry the activity's title and
 * dates. Events that name a group rather than people are in `DIRECTORY_DISPATCH`.
 */
export const DISPATCH: DispatchTable = {
  'matching.matches.found.v1': (e) =>
    e.seekers.map(({ seekerId, score }) => ({
      recipientId: seekerId,
      category: 'matches' as const,
      type: 'match.found' as const,
      params: { vacancyTitle: e.vacancyTitle, score },
      refs: { vacancyId: e.vacancyId },
      link: `/vacancies/${e.vacancyId}`,
    })),
  'vacancies.application.submitted.v1': (e) =>
    e.employerMemberIds.map((recipientId) => ({
      recipientId,
      category: 'applications' as const,
      type: 'application.received' as const,
      params: { vacancyTitle: e.vacancyTitle, submittedAt: e.submittedAt },
      refs: { vacancyId: e.vacancyId, applicationId: e.applicationId },
      link: `/vacancies/${e.vacancyId}/applications`,
    })),
  'vacancies.application.status-changed.v1': (e) =>
    // The seeker is told what the employer did; a withdrawal is the seeker's own act.
    e.changedBy === e.seekerId
      ? []
      : [
          {
            recipientId: e.seekerId,
            category: 'applications',
            type: 'application.status-changed',
            params: { vacancyTitle: e.vacancyTitle, status: e.to, changedAt: e.changedAt },
            refs: { vacancyId: e.vacancyId, applicationId: e.applicationId },
            link: `/me/applications/${e.applicationId}`,
          },
        ],
  'vacancies.vacancy.closed.v1': (e) =>
    e.applicantIds.map((recipientId) => ({
      recipientId,
      category: 'essential' as const,
      type: 'vacancy.closed' as const,
      params: { vacancyTitle: e.title, reason: e.reason },
      refs: { vacancyId: e.vacancyId },
      link: `/vacancies/${e.vacancyId}`,
    })),
  'programmes.enrollment.nominated.v1': (e) => enrolment([coordinatorsTold(e, 'nominated')]),
  'programmes.enrollment.confirmed.v1': (e) =>
    enrolment([expertTold(e, 'programme.enrollment.confirmed', { role: e.role, startDate: noon(e.startDate), endDate: noon(e.endDate) }), nomineeUpdate(e, 'confirmed')]),
  'programmes.enrollment.waitlisted.v1': (e) => enrolment([expertTold(e, 'programme.enrollment.waitlisted', { position: e.waitlistPosition ?? 0 }), nomineeUpdate(e, 'waitlisted')]),
  'programmes.enrollment.promoted.v1': (e) =>
    enrolment([
      expertTold(e, 'programme.enrollment.promoted', { startDate: noon(e.startDate), endDate: noon(e.endDate) }),
      nomineeUpdate(e, 'promoted'),
      coordinatorsTold(e, 'promoted'),
    ]),
  'programmes.enrollment.cancelled.v1': (e) =>
    enrolment([expertTold(e, 'programme.enrollment.ended', { outcome: 'cancelled' }), nomineeUpdate(e, 'cancelled'), coordinatorsTold(e, 'cancelled')]),
  'programmes.enrollment.rejected.v1': (e) => enrolment([expertTold(e, 'programme.enrollment.ended', { outcome: 'rejected' }), nomineeUpdate(e, 'rejected')]),
  'programmes.certificate.issued.v1': (e) =>
    e.expertUserId
      ? [
          {
            recipientId: e.expertUserId,
            category: 'programmes',
            type: 'programme.certificate.issued',
            params: { activityTitle: e.activityTitle, certificateNumber: e.certificateNumber },
            refs: { activityId: e.activityId, enrollmentId: e.enrollmentId, certificateNumber: e.certificateNumber },
            link: `/certificates/${e.certificateNumber}`,
          },
        ]
      : [],
  'programmes.activity.cancelled.v1': (e) => activityTold(e, [...e.expertUserIds, ...e.focalPointIds], 'essential', 'programme.activity.cancelled', activityDates(e)),
  'programmes.activity.completed.v1': (e) => activityTold(e, e.expertUserIds, 'programmes', 'programme.activity.completed', activityDates(e)),
};

/**
 * Rules whose recipients are a group the event names by attribute, resolved set-based in the
 * recipient directory (kept from identity events) within the consumer's transaction: an activity
 * opening invites the focal points of its beneficiary countries to nominate experts.
 */
export const DIRECTORY_DISPATCH: DirectoryDispatchTable = {
  'programmes.activity.opened.v1': async (e, directory) =>
    activityTold(e, await directory.focalPointsOf(e.beneficiaryCountries), 'programmes', 'programme.activity.opened', {
      ...activityDates(e),
      applicationDeadline: noon(e.applicationDeadline),
    }),
};

/** Activity dates are calendar days: noon UTC shows the same day in every member state's zone. */
function noon(day: string): string {
  return `${day}T12:00:00Z`;
}

/** A member state's name in all three languages (the code itself if unknown). */
function countryName(code: string): LocalizedText {
  return findCountry(code)?.name ?? { en: code };
}

/** The activity's title and its first and last days, as every activity-wide message names them. */
function activityDates(e: { activityTitle: LocalizedText; startDate: string; endDate: string }): TemplateParams {
  return { activityTitle: e.activityTitle, startDate: noon(e.startDate), endDate: noon(e.endDate) };
}

/** The same message about the activity as a whole to each of these people, once each. */
function activityTold(e: { activityId: string }, recipientIds: readonly string[], category: NotificationCategory, type: TemplateType, params: TemplateParams): Dispatch[] {
  return onePerRecipient(recipientIds.map((recipientId) => ({ recipientId, category, type, params, refs: { activityId: e.activityId }, link: `/activities/${e.activityId}` })));
}

/** One notification per person even when someone holds two parts (say a coordinator who is also the expert). */
function onePerRecipient(dispatches: Dispatch[]): Dispatch[] {
  const seen = new Set<string>();
  return dispatches.filter((d) => !seen.has(d.recipientId) && seen.add(d.recipientId));
}

type EnrolmentParts = (Dispatch | Dispatch[] | undefined)[];

function enrolment(parts: EnrolmentParts): Dispatch[] {
  return onePerRecipient(parts.flatMap((part) => part ?? []));
}

function enrolmentBase(e: EnrollmentEventV1): Pick<Dispatch, 'category' | 'refs' | 'link'> {
  return { category: 'programmes', refs: { activityId: e.activityId, enrollmentId: e.enrollmentId }, link: `/activities/${e.activityId}` };
}

/** The expert, when they have an account. */
function expertTold(e: EnrollmentEventV1, type: TemplateType, params: TemplateParams): Dispatch | undefined {
  return e.expertUserId ? { ...enrolmentBase(e), recipientId: e.expertUserId, type, params: { activityTitle: e.activityTitle, ...params } } : undefined;
}

/** The focal point who nominated the expert, if one did. */
function nomineeUpdate(e: EnrollmentEventV1, outcome: string): Dispatch | undefined {
  return e.nominatedBy
    ? { ...enrolmentBase(e), recipientId: e.nominatedBy, type: 'programme.nominee.update', params: { activityTitle: e.activityTitle, country: countryName(e.expertCountry), outcome } }
    : undefined;
}

/** The programme's coordinators. */
function coordinatorsTold(e: EnrollmentEventV1, event: string): Dispatch[] {
  return e.coordinatorIds.map((recipientId) => ({
    ...enrolmentBase(e),
    recipientId,
    type: 'programme.coordinator.update' as const,
    params: { activityTitle: e.activityTitle, country: countryName(e.expertCountry), event },
    link: `/activities/${e.activityId}/enrollments`,
  }));
}

/** The subjects the dispatch consumer reads. */
export const DISPATCHED_SUBJECTS = [...Object.keys(DISPATCH), ...Object.keys(DIRECTORY_DISPATCH)] as EventSubject[];
