import { jetstreamManager, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM, DEAD_LETTER_SUBJECT_PREFIX, STREAMS } from '@olp/contracts';
import type { SubjectNamespace } from './subject-namespace.js';

export interface StreamSettings {
  /** 1 on one machine; 3 on the JetStream cluster in deploy/. */
  replicas: number;
  maxAgeDays: number;
  /** Window in which a repeated `Nats-Msg-Id` is dropped by the server. */
  duplicateWindowMs: number;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = { replicas: 1, maxAgeDays: 14, duplicateWindowMs: 120_000 };

/** The streams of every owning service and the dead letters, with wire names and subjects. */
export function streamDefinitions(ns: SubjectNamespace, settings: StreamSettings): (Partial<StreamConfig> & { name: string })[] {
  const owned = Object.entries(STREAMS).map(([name, spec]) => ({
    name: ns.stream(name),
    subjects: spec.subjects.map((s) => ns.subject(s)),
    description: spec.description,
  }));
  const deadLetters = {
    name: ns.stream(DEAD_LETTER_STREAM),
    subjects: [ns.subject(`${DEAD_LETTER_SUBJECT_PREFIX}.>`)],
    description: 'Messages that exhausted their deliveries, with the error',
  };
  return [...owned, deadLetters].map((stream) => ({
    ...stream,
    storage: 'file' as StreamConfig['storage'],
    retention: 'limits' as StreamConfig['retention'],
    discard: 'old' as StreamConfig['discard'],
    num_replicas: settings.replicas,
    max_age: nanos(settings.maxAgeDays * 24 * 3600 * 1000),
    duplicate_window: nanos(settings.duplicateWindowMs),
  }));
}

/**
 * Creates or updates every stream (idempotent; safe from every service and replica at start).
 * Every service provisions all of them, so a consumer never waits for the owner to start first.
 */
export async function ensureStreams(
  nc: NatsConnection,
  ns: SubjectNamespace,
  settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  for (const config of streamDefinitions(ns, settings)) {
    const name = config.name;
    try {
      await jsm.streams.info(name);
      await jsm.streams.update(name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await jsm.streams.add(config);
      } catch (addError) {
        // Another process created it between our look-up and our add.
        if (!String(addError).includes('already in use')) throw addError;
      }
    }
  }
  return jsm;
}

export function isNotFound(error: unknown): boolean {
  const text = String((error as { message?: unknown })?.message ?? error);
  return /not found/i.test(text);
}
