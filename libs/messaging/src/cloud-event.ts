import { randomUUID } from 'node:crypto';

/** CloudEvents 1.0 structured-mode envelope, JSON. */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  data: T;
}

/** `identity.user.registered.v1` → `olp.identity.user.registered.v1`. */
export function eventTypeOf(subject: string): string {
  return `olp.${subject}`;
}

export function buildCloudEvent<T>(source: string, subject: string, data: T, about?: string): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `/olp/${source}`,
    type: eventTypeOf(subject),
    time: new Date().toISOString(),
    ...(about ? { subject: about } : {}),
    datacontenttype: 'application/json',
    data,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the envelope's required attributes; the payload is checked against its contract class separately. */
export function isCloudEvent(value: unknown): value is CloudEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    event['specversion'] === '1.0' &&
    typeof event['id'] === 'string' &&
    UUID.test(event['id']) &&
    typeof event['source'] === 'string' &&
    typeof event['type'] === 'string' &&
    typeof event['time'] === 'string' &&
    typeof event['data'] === 'object' &&
    event['data'] !== null
  );
}

/** NATS headers every event carries besides `Nats-Msg-Id` (= the event id, for JetStream de-duplication). */
export const HEADER_TRACEPARENT = 'traceparent';
export const HEADER_EVENT_ID = 'Olp-Event-Id';
export const HEADER_EVENT_TYPE = 'Olp-Event-Type';
