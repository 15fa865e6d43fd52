import type { EventHandlers } from '@olp/messaging';
import type { MatchingEngine } from '../engine/matching-engine.js';

/** The subjects the matcher's read model is built from. */
export const PROJECTED_SUBJECTS = [
  'vacancies.vacancy.published.v1',
  'vacancies.vacancy.updated.v1',
  'vacancies.vacancy.closed.v1',
  'vacancies.employer.member-added.v1',
  'vacancies.employer.member-removed.v1',
  'seekers.profile.updated.v1',
  'seekers.consent.changed.v1',
  'seekers.seeker.erased.v1',
  'identity.user.deleted.v1',
] as const;

/**
 * The handlers, used both by the durable consumer (with its inbox, in delivery batches) and by the
 * rebuild's replay, so both build the read model the same way. Publications and edits take the
 * batch's events at once (one statement stores them all); the others one event at a time.
 */
export function projectionHandlers(engine: MatchingEngine): EventHandlers {
  return {
    'vacancies.vacancy.published.v1': { batch: (events, { em }) => engine.applyVacancies(em, events.map((e) => e.data)) },
    'vacancies.vacancy.updated.v1': { batch: (events, { em }) => engine.applyVacancies(em, events.map((e) => e.data)) },
    'vacancies.vacancy.closed.v1': (event, { em }) => engine.closeVacancy(em, event.data),
    'vacancies.employer.member-added.v1': (event, { em }) => engine.addMember(em, event.data),
    'vacancies.employer.member-removed.v1': (event, { em }) => engine.removeMember(em, event.data),
    'seekers.profile.updated.v1': (event, { em }) => engine.applyProfile(em, event.data),
    'seekers.consent.changed.v1': (event, { em }) => engine.applyConsent(em, event.data),
    'seekers.seeker.erased.v1': (event, { em }) => engine.eraseUser(em, event.data.userId, event.data.erasedAt, false),
    'identity.user.deleted.v1': (event, { em }) => engine.eraseUser(em, event.data.userId, event.data.deletedAt, true),
  };
}
