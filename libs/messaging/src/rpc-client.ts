import { headers as natsHeaders, RequestError, TimeoutError, NoRespondersError, type NatsConnection } from '@nats-io/transport-node';
import { DomainError, ErrorCode, isErrorCode, type Principal, type RpcPattern, type RpcRequest, type RpcResponse } from '@olp/contracts';
import type { Locale } from '@olp/reference-data';
import { currentTrace, outgoingTraceparent, type PlatformMetrics } from '@olp/platform';
import { HEADER_TRACEPARENT } from './cloud-event.js';
import { HEADER_REQUEST_ID, type RpcReplyEnvelope, type RpcRequestEnvelope } from './rpc-envelope.js';
import type { SubjectNamespace } from './subject-namespace.js';

export interface RpcCallOptions {
  principal?: Principal;
  locale?: Locale;
  timeoutMs?: number;
}

function isNoResponders(error: unknown): boolean {
  if (error instanceof NoRespondersError) return true;
  if (error instanceof RequestError) return error.isNoResponders() || error.cause instanceof NoRespondersError;
  return false;
}

function isTimeout(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof Error && error.cause instanceof TimeoutError);
}

/**
 * Typed request/reply to the owning service, with a deadline. A reply carrying an error becomes
 * a DomainError with the same code; no responder becomes SERVICE_UNAVAILABLE (HTTP 503) and no
 * answer in time UPSTREAM_TIMEOUT (HTTP 504), so callers can tell the two apart.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly ns: SubjectNamespace,
    private readonly metrics: PlatformMetrics,
    private readonly defaultTimeoutMs = 5000,
  ) {}

  async request<P extends RpcPattern>(pattern: P, data: RpcRequest<P>, options: RpcCallOptions = {}): Promise<RpcResponse<P>> {
    const envelope: RpcRequestEnvelope = {
      meta: { locale: options.locale ?? 'en', ...(options.principal ? { principal: options.principal } : {}) },
      data,
    };
    const h = natsHeaders();
    h.set(HEADER_TRACEPARENT, outgoingTraceparent());
    const requestId = currentTrace()?.requestId;
    if (requestId) h.set(HEADER_REQUEST_ID, requestId);
    const stop = this.metrics.rpcDuration.startTimer({ pattern, side: 'client' });
    let reply: RpcReplyEnvelope<RpcResponse<P>>;
    try {
      const msg = await this.nc.request(this.ns.subject(pattern), JSON.stringify(envelope), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers: h,
      });
      reply = msg.json<RpcReplyEnvelope<RpcResponse<P>>>();
    } catch (error) {
      if (isNoResponders(error)) {
        stop({ outcome: 'no_responders' });
        throw new DomainError(ErrorCode.ServiceUnavailable, { pattern });
      }
      if (isTimeout(error)) {
        stop({ outcome: 'timeout' });
        throw new DomainError(ErrorCode.UpstreamTimeout, { pattern });
      }
      stop({ outcome: 'transport_error' });
      throw new DomainError(ErrorCode.ServiceUnavailable, { pattern });
    }
    if (reply.ok) {
      stop({ outcome: 'ok' });
      return reply.data;
    }
    stop({ outcome: 'error' });
    const code = isErrorCode(reply.error?.code) ? reply.error.code : ErrorCode.Internal;
    throw new DomainError(code, reply.error?.params, reply.error?.fields);
  }
}
