import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError, ErrorCode } from '@olp/contracts';
import { createLogger, PlatformMetrics } from '@olp/platform';
import { connectTestNats, testMessagingPrefix } from '@olp/testing';
import { RpcClient, RpcServer, SubjectNamespace } from '../src/index.js';

describe('typed request/reply over NATS', () => {
  let nc: NatsConnection;
  let ns: SubjectNamespace;
  let server: RpcServer;
  let client: RpcClient;
  const metrics = new PlatformMetrics('rpc-test', false);
  const logger = createLogger('rpc-test', 'silent');
  const calls: unknown[] = [];

  beforeAll(async () => {
    nc = await connectTestNats('rpc');
    ns = new SubjectNamespace(testMessagingPrefix('rpc'));
    server = new RpcServer(nc, ns, 'identity', metrics, logger);
    server.handle('rpc.identity.refresh.v1', async (request) => {
      calls.push(request);
      if (request.refreshToken.startsWith('slow')) await new Promise((r) => setTimeout(r, 800));
      if (request.refreshToken.startsWith('reject')) throw new DomainError(ErrorCode.RefreshTokenInvalid);
      if (request.refreshToken.startsWith('crash')) throw new Error('a bug');
      return { accessToken: 'a', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r', refreshExpiresAt: new Date(0).toISOString() };
    });
    server.handle('rpc.identity.get-me.v1', async (_request, ctx) => ({
      id: ctx.principal?.userId ?? 'anonymous',
      email: 'x@example.org',
      displayName: ctx.locale,
      locale: ctx.locale,
      country: 'QA',
      timeZone: 'Asia/Qatar',
      roles: ctx.principal?.roles ?? [],
      countryScope: [],
      createdAt: new Date(0).toISOString(),
    }));
    server.start();
    client = new RpcClient(nc, ns, metrics, 2000);
  });

  afterAll(async () => {
    await server.stop();
    await nc.close();
  });

  it('returns the typed reply and passes the caller and language along', async () => {
    const me = await client.request('rpc.identity.get-me.v1', {}, { principal: { userId: 'u-1', roles: ['seeker'], countryScope: [] }, locale: 'ar' });
    expect(me).toMatchObject({ id: 'u-1', locale: 'ar', roles: ['seeker'] });
  });

  it('carries a domain error back as the same code', async () => {
    await expect(client.request('rpc.identity.refresh.v1', { refreshToken: 'reject-this-token-0000000' })).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('validates the request on the serving side before the handler runs', async () => {
    const before = calls.length;
    await expect(client.request('rpc.identity.refresh.v1', { refreshToken: 'short', extra: 1 } as never)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'refreshToken', rule: 'isLength' }), expect.objectContaining({ field: 'extra', rule: 'whitelistValidation' })]),
    });
    expect(calls.length).toBe(before);
  });

  it('hides unexpected failures behind INTERNAL', async () => {
    const error = await client.request('rpc.identity.refresh.v1', { refreshToken: 'crash-this-token-00000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INTERNAL');
    expect(JSON.stringify(error)).not.toContain('a bug');
  });

  it('tells a timeout (504) from no responders (503)', async () => {
    await expect(client.request('rpc.identity.refresh.v1', { refreshToken: 'slow-token-000000000000000' }, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    await expect(client.request('rpc.identity.login.v1', { email: 'a@example.org', password: 'x', clientAddress: '127.0.0.1' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('finishes requests in flight when it stops', async () => {
    const other = new RpcServer(nc, ns, 'identity', metrics, logger);
    let finished = false;
    other.handle('rpc.identity.logout.v1', async () => {
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
      return { ok: true };
    });
    other.start();
    await nc.flush();
    const pending = client.request('rpc.identity.logout.v1', { refreshToken: 'token-token-token-token-1' });
    await new Promise((r) => setTimeout(r, 50));
    await other.stop();
    expect(finished).toBe(true);
    await expect(pending).resolves.toEqual({ ok: true });
  });
});
