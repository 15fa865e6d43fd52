import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** What follows one unit of work (an HTTP request, a request/reply call, an event) across processes. */
export interface TraceContext {
  /** W3C trace context header value: `00-<trace-id>-<span-id>-<flags>`. */
  traceparent: string;
  traceId: string;
  requestId?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const storage = new AsyncLocalStorage<TraceContext>();

// Ids come from a pre-filled random pool: one system call per 4 KiB instead of one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function hex(bytes: number): string {
  if (offset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const value = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return value;
}

export function parseTraceparent(value: string | undefined | null): { traceId: string; spanId: string; flags: string } | null {
  if (!value) return null;
  const match = TRACEPARENT.exec(value.trim());
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return null;
  return { traceId: match[1]!, spanId: match[2]!, flags: match[3]! };
}

/** A child span of an incoming traceparent, or a new trace when there is none (or it is malformed). */
export function continueTrace(incoming?: string | null, requestId?: string): TraceContext {
  const parent = parseTraceparent(incoming);
  const traceId = parent?.traceId ?? hex(16);
  const flags = parent?.flags ?? '01';
  return { traceparent: `00-${traceId}-${hex(8)}-${flags}`, traceId, ...(requestId ? { requestId } : {}) };
}

export function runInTrace<T>(context: TraceContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}

/** The traceparent to send with an outgoing message: the current one, or a fresh trace. */
export function outgoingTraceparent(): string {
  return currentTrace()?.traceparent ?? continueTrace().traceparent;
}
