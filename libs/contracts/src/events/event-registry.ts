import { UserDeletedV1, UserRegisteredV1, UserUpdatedV1 } from './identity/user-events.v1.js';

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
} as const;

export type EventSubject = keyof typeof EVENTS;
export type EventPayload<S extends EventSubject> = InstanceType<(typeof EVENTS)[S]>;

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
