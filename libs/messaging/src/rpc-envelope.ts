import type { ErrorPayload, Principal } from '@olp/contracts';
import type { Locale } from '@olp/reference-data';

/** What the caller sends: who asks (as the gateway verified it), in which language, and the request. */
export interface RpcRequestEnvelope<T = unknown> {
  meta: {
    principal?: Principal;
    locale: Locale;
  };
  data: T;
}

export type RpcReplyEnvelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export const HEADER_REQUEST_ID = 'Olp-Request-Id';
