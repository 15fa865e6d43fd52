import { UserDeletedV1, UserRegisteredV1, UserUpdatedV1 } from './identity/user-events.v1.js';
import { SeekerConsentChangedV1, SeekerErasedV1, SeekerProfileUpdatedV1 } from './seekers/seeker-events.v1.js';
import { MatchesFoundV1 } from './matching/match-events.v1.js';
import { NotificationsCreatedV1 } from './notifications/notification-events.v1.js';
import {
  ActivityCancelledV1,
  ActivityCompletedV1,
  ActivityOpenedV1,
  CertificateIssuedV1,
  EnrollmentCancelledV1,
  EnrollmentConfirmedV1,
  EnrollmentNominatedV1,
  EnrollmentPromotedV1,
  EnrollmentRejectedV1,
  EnrollmentWaitlistedV1,
} from './programmes/programme-events.v1.js';
import {
  ApplicationStatusChangedV1,
  EmployerMemberAddedV1,
  EmployerMemberRemovedV1,
  ApplicationSubmittedV1,
  VacancyClosedV1,
  VacancyPublishedV1,
  VacancyUpdatedV1,
} from './vacancies/vacancy-events.v1.js';

/**
 * Every event subject and the class of its payload. Subjects carry their version: a breaking
 * change is a new class under a new subject, and the old one stays until its consumers are gone.
 * `publish(subject, payload)` and consumer handlers are typed through this map, and payloads are
 * validated against these classes on both ends.
 */
export const EVENTS = {
  'identity.user.registered.v1': UserRegisteredV1,
  'identity.user.updated.v1': UserUpdatedV1,
  'identity.user.deleted.v1': UserDeletedV1,
  'vacancies.vacancy.published.v1': VacancyPublishedV1,
  'vacancies.vacancy.updated.v1': VacancyUpdatedV1,
  'vacancies.vacancy.closed.v1': VacancyClosedV1,
  'vacancies.application.submitted.v1': ApplicationSubmittedV1,
  'vacancies.application.status-changed.v1': ApplicationStatusChangedV1,
  'vacancies.employer.member-added.v1': EmployerMemberAddedV1,
  'vacancies.employer.member-removed.v1': EmployerMemberRemovedV1,
  'matching.matches.found.v1': MatchesFoundV1,
  'seekers.profile.updated.v1': SeekerProfileUpdatedV1,
  'seekers.consent.changed.v1': SeekerConsentChangedV1,
  'seekers.seeker.erased.v1': SeekerErasedV1,
  'programmes.activity.opened.v1': ActivityOpenedV1,
  'programmes.activity.cancelled.v1': ActivityCancelledV1,
  'programmes.activity.completed.v1': ActivityCompletedV1,
  'programmes.enrollment.nominated.v1': EnrollmentNominatedV1,
  'programmes.enrollment.confirmed.v1': EnrollmentConfirmedV1,
  'programmes.enrollment.waitlisted.v1': EnrollmentWaitlistedV1,
  'programmes.enrollment.promoted.v1': EnrollmentPromotedV1,
  'programmes.enrollment.cancelled.v1': EnrollmentCancelledV1,
  'programmes.enrollment.rejected.v1': EnrollmentRejectedV1,
  'programmes.certificate.issued.v1': CertificateIssuedV1,
  'notifications.notifications.created.v1': NotificationsCreatedV1,
} as const;

export type EventSubject = keyof typeof EVENTS;
export type EventPayload<S extends EventSubject> = InstanceType<(typeof EVENTS)[S]>;

/**
 * Events that name several people in an array of their `data` (batch announcements): the array
 * and each entry's field holding the person's id. Their CloudEvents `subject` cannot name everyone
 * they are about, so erasure (`scrubOutbox` in @olp/messaging) takes a person's entries out of
 * them by this table. An event naming several people must be listed here.
 */
export const EVENT_PEOPLE: { [S in EventSubject]?: { list: keyof EventPayload<S> & string; key: string } } = {
  'matching.matches.found.v1': { list: 'seekers', key: 'seekerId' },
  'notifications.notifications.created.v1': { list: 'notifications', key: 'userId' },
};

export function isEventSubject(value: string): value is EventSubject {
  return Object.prototype.hasOwnProperty.call(EVENTS, value);
}

/**
 * One JetStream stream per owning service, file storage. The stream captures the service's
 * whole subject space (`identity.>`); request/reply subjects live under `rpc.` so they never land
 * in a stream.
 */
export const STREAMS = {
  IDENTITY: { subjects: ['identity.>'], owner: 'identity', description: 'Events owned by the identity service' },
  VACANCIES: { subjects: ['vacancies.>'], owner: 'vacancies', description: 'Events owned by the vacancies service' },
  SEEKERS: { subjects: ['seekers.>'], owner: 'seekers', description: 'Events owned by the seekers service' },
  MATCHING: { subjects: ['matching.>'], owner: 'matching', description: 'Events owned by the matching service' },
  PROGRAMMES: { subjects: ['programmes.>'], owner: 'programmes', description: 'Events owned by the programmes service' },
  NOTIFICATIONS: { subjects: ['notifications.>'], owner: 'notifications', description: 'Events owned by the notifications service' },
} as const;
export type StreamName = keyof typeof STREAMS;

/** The stream that holds an event subject (by its owning service prefix). */
export function streamOf(subject: EventSubject): StreamName {
  const prefix = subject.split('.')[0];
  const found = (Object.keys(STREAMS) as StreamName[]).find((name) => STREAMS[name].owner === prefix);
  if (!found) throw new Error(`No stream owns subject ${subject}`);
  return found;
}

/** Where messages that exhausted their deliveries go, per (service, consumer). */
export const DEAD_LETTER_STREAM = 'DEADLETTER';
export const DEAD_LETTER_SUBJECT_PREFIX = 'deadletter';
