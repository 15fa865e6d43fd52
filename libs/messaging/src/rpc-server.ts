import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { DomainError, ErrorCode, RPC, ROLES, type Principal, type RpcPattern, type RpcRequest, type RpcResponse } from '@olp/contracts';
import { isLocale, type Locale } from '@olp/reference-data';
import { continueTrace, runInTrace, validatePayload, type Logger, type PlatformMetrics } from '@olp/platform';
import { HEADER_TRACEPARENT } from './cloud-event.js';
import { HEADER_REQUEST_ID, type RpcReplyEnvelope, type RpcRequestEnvelope } from './rpc-envelope.js';
import type { SubjectNamespace } from './subject-namespace.js';

export interface RpcContext {
  principal?: Principal;
  locale: Locale;
  logger: Logger;
}

export type RpcHandler<P extends RpcPattern> = (request: RpcRequest<P>, ctx: RpcContext) => Promise<RpcResponse<P>>;

function readPrincipal(value: unknown): Principal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  if (typeof p['userId'] !== 'string' || !Array.isArray(p['roles']) || !Array.isArray(p['countryScope'])) return undefined;
  const roles = p['roles'].filter((r): r is Principal['roles'][number] => (ROLES as readonly unknown[]).includes(r));
  const countryScope = p['countryScope'].filter((c): c is string => typeof c === 'string');
  return { userId: p['userId'], roles, countryScope };
}

/**
 * Serves request/reply patterns in a queue group named after the service, so replicas share the
 * load. Requests are validated against their contract class before the handler sees them; a
 * DomainError travels back as its code, anything else as INTERNAL (and is logged here).
 */
export class RpcServer {
  private readonly handlers = new Map<RpcPattern, RpcHandler<RpcPattern>>();
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly ns: SubjectNamespace,
    private readonly service: string,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
  ) {}

  handle<P extends RpcPattern>(pattern: P, handler: RpcHandler<P>): void {
    if (this.handlers.has(pattern)) throw new Error(`Handler for ${pattern} registered twice`);
    this.handlers.set(pattern, handler as unknown as RpcHandler<RpcPattern>);
  }

  start(): void {
    for (const [pattern, handler] of this.handlers) {
      const sub = this.nc.subscribe(this.ns.subject(pattern), {
        queue: this.service,
        callback: (error, msg) => {
          if (error) {
            this.logger.error({ err: error, pattern }, 'request subscription failed');
            return;
          }
          const work = this.dispatch(pattern, handler, msg).finally(() => this.inFlight.delete(work));
          this.inFlight.add(work);
        },
      });
      this.subscriptions.push(sub);
    }
  }

  /** Stops taking requests and waits for the ones being handled. */
  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.drain().catch(() => undefined)));
    this.subscriptions.length = 0;
    await Promise.all([...this.inFlight]);
  }

  private async dispatch(pattern: RpcPattern, handler: RpcHandler<RpcPattern>, msg: Msg): Promise<void> {
    const stop = this.metrics.rpcDuration.startTimer({ pattern, side: 'server' });
    const requestId = msg.headers?.get(HEADER_REQUEST_ID) || undefined;
    const trace = continueTrace(msg.headers?.get(HEADER_TRACEPARENT), requestId);
    await runInTrace(trace, async () => {
      let reply: RpcReplyEnvelope;
      try {
        let envelope: RpcRequestEnvelope;
        try {
          envelope = msg.json<RpcRequestEnvelope>();
        } catch {
          throw new DomainError(ErrorCode.MalformedRequest);
        }
        const locale = isLocale(envelope?.meta?.locale) ? envelope.meta.locale : 'en';
        const principal = readPrincipal(envelope?.meta?.principal);
        const requestClass = RPC[pattern].request as unknown as new () => object;
        const request = await validatePayload(requestClass, envelope?.data ?? {});
        const data = await handler(request as RpcRequest<RpcPattern>, {
          locale,
          ...(principal ? { principal } : {}),
          logger: this.logger.child({ pattern }),
        });
        reply = { ok: true, data };
        stop({ outcome: 'ok' });
      } catch (error) {
        if (error instanceof DomainError) {
          reply = { ok: false, error: error.toPayload() };
          stop({ outcome: 'error' });
        } else {
          this.logger.error({ err: error, pattern }, 'request handler failed');
          reply = { ok: false, error: { code: ErrorCode.Internal, params: { requestId: requestId ?? trace.traceId } } };
          stop({ outcome: 'internal' });
        }
      }
      if (msg.reply) msg.respond(JSON.stringify(reply));
    });
  }
}
