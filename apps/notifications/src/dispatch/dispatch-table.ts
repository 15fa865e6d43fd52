import type { EventPayload, EventSubject, NotificationCategory } from '@olp/contracts';
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

/**
 * Which events notify whom, in which category, with which template and parameters. Everything a
 * template needs comes from the event (the vacancy title travels in the vacancies and matching
 * events), so notifying never calls another service. Programme events (enrolment confirmed,
 * waitlisted, promoted, cancelled, nominated, rejected, certificate issued, activity cancelled) plug
 * in as further entries with their templates in `templates/catalog.ts`.
 */
export const DISPATCH: DispatchTable = {
  'matching.match.found.v1': (e) => [
    {
      recipientId: e.seekerId,
      category: 'matches',
      type: 'match.found',
      params: { vacancyTitle: e.vacancyTitle, score: e.score },
      refs: { vacancyId: e.vacancyId },
      link: `/vacancies/${e.vacancyId}`,
    },
  ],
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
};

/** The subjects the dispatch consumer reads. */
export const DISPATCHED_SUBJECTS = Object.keys(DISPATCH) as EventSubject[];
