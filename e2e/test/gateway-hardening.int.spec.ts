import { PlatformHarness } from '../src/platform-harness.js';

type Problem = { type: string; title: string; status: number; code: string; detail: string; instance: string; requestId: string; errors?: { field: string; rule: string; detail: string }[] };

const h = new PlatformHarness();

beforeAll(async () => {
  await h.start('gateway', { BODY_LIMIT_BYTES: '4096' }, { identityOnly: true });
});
afterAll(async () => {
  await h.stop();
});

async function userCount(): Promise<number> {
  const [row] = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM identity.users`);
  return row!.n;
}

describe('errors in the request language', () => {
  const invalid = { email: 'not-an-email', password: 'short', displayName: '', locale: 'de', country: 'FR', role: 'seeker' };

  it.each([
    ['ar', 'بيانات غير صالحة', 'يجب أن يكون عنوان بريد إلكتروني صالحًا.'],
    ['en', 'Invalid input', 'Must be a valid e-mail address.'],
    ['fr', 'Données invalides', 'Doit être une adresse e-mail valide.'],
  ])('answers %s with a problem+json naming every bad field', async (lang, title, emailDetail) => {
    const response = await h.call<Problem>('POST', '/api/v1/auth/register', invalid, { lang });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('content-language')).toBe(lang);
    expect(response.body).toMatchObject({ type: 'urn:olp:problem:validation-failed', title, status: 400, code: 'VALIDATION_FAILED', instance: '/api/v1/auth/register' });
    expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['country', 'displayName', 'email', 'locale', 'password']);
    expect(response.body.errors?.find((e) => e.field === 'email')?.detail).toBe(emailDetail);
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('lets ?lang= override Accept-Language, and honours q-values and regional tags', async () => {
    const viaQuery = await h.call<Problem>('GET', '/api/v1/me?lang=fr', undefined, { lang: 'ar' });
    expect(viaQuery.body.title).toBe('Authentification requise');
    const weighted = await h.call<Problem>('GET', '/api/v1/me', undefined, { lang: 'de-DE, fr;q=0.5, ar-QA;q=0.8' });
    expect(weighted.body.title).toBe('مطلوب تسجيل الدخول');
    const unknown = await h.call<Problem>('GET', '/api/v1/me', undefined, { lang: 'zz' });
    expect(unknown.body.title).toBe('Authentication required');
  });

  it('localizes rule arguments (lengths) with plural rules', async () => {
    const response = await h.call<Problem>('POST', '/api/v1/auth/register', { ...invalid, email: 'ok@example.org', country: 'QA', locale: 'ar' }, { lang: 'fr' });
    expect(response.body.errors?.find((e) => e.field === 'password')?.detail).toBe('Doit comporter entre 12 et 128 caractères.');
    expect(response.body.detail).toBe('2 champs sont invalides.');
  });
});

describe('no input yields a 5xx, and bad input changes nothing', () => {
  const cases: [string, { raw?: string; body?: unknown; contentType?: string }, number, string][] = [
    ['broken JSON', { raw: '{"email": "a@b.org",' }, 400, 'MALFORMED_REQUEST'],
    ['an empty JSON body', { raw: '' }, 400, 'MALFORMED_REQUEST'],
    ['a JSON array', { raw: '[1,2,3]' }, 400, 'VALIDATION_FAILED'],
    ['a JSON string', { raw: '"hello"' }, 400, 'VALIDATION_FAILED'],
    ['null', { raw: 'null' }, 400, 'VALIDATION_FAILED'],
    ['wrong types', { body: { email: 42, password: ['x'], displayName: { a: 1 }, locale: true, country: 7, role: null } }, 400, 'VALIDATION_FAILED'],
    ['unknown fields', { body: { email: 'u@example.org', password: 'correct horse 7 battery', displayName: 'U', locale: 'en', country: 'QA', role: 'seeker', isAdmin: true } }, 400, 'VALIDATION_FAILED'],
    ['prototype pollution keys', { raw: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' }, 400, 'MALFORMED_REQUEST'],
    ['text/plain', { raw: 'email=a@b.org', contentType: 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a form body', { raw: 'email=a@b.org', contentType: 'application/x-www-form-urlencoded' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['XML', { raw: '<user/>', contentType: 'application/xml' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the limit', { raw: JSON.stringify({ email: 'x'.repeat(10_000) }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a very long string within the limit', { body: { email: `${'a'.repeat(300)}@example.org`, password: 'p'.repeat(3000), displayName: 'ي'.repeat(200), locale: 'ar', country: 'QA', role: 'seeker' } }, 400, 'VALIDATION_FAILED'],
    ['control characters and emoji', { body: { email: 'a\u0000@example.org', password: '🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑1a', displayName: '\u202Eevil', locale: 'ar', country: 'qa', role: 'seeker' } }, 400, 'VALIDATION_FAILED'],
  ];

  it.each(cases)('register with %s → %d %s', async (_name, input, status, code) => {
    const before = await userCount();
    const response = await h.call<Problem>('POST', '/api/v1/auth/register', input.body, { ...(input.raw !== undefined ? { raw: input.raw } : {}), ...(input.contentType ? { contentType: input.contentType } : {}) });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await userCount()).toBe(before);
  });

  it('answers unknown routes and methods with 404 problem+json', async () => {
    const unknown = await h.call<Problem>('GET', '/api/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const wrongMethod = await h.call<Problem>('PUT', '/api/v1/auth/login', {});
    expect(wrongMethod.status).toBe(404);
  });

  it('rejects a non-UUID user id with a field error', async () => {
    const admin = await h.login('admin@olp.test', 'Sesric-Ankara-2026');
    const response = await h.call<Problem>('DELETE', '/api/v1/users/not-a-uuid', undefined, { token: admin.body.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({ field: 'id', rule: 'isUuid' });
  });

  it('survives a burst of random garbage without a single 5xx', async () => {
    const paths = ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/users'];
    const methods = ['POST', 'PATCH', 'GET', 'DELETE'];
    const bodies = ['{', '{}', '[]', '0', '"x"', '{"a":{"b":{"c":{"d":[1,{"e":null}]}}}}', '{"email":{"$gt":""}}', '{"refreshToken":"\' OR 1=1 --aaaaaaaaaaaaaaaaaaaa"}', 'ñ', '\u0000'];
    const statuses: number[] = [];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 120; i++) {
      const response = await h.call(methods[next(methods.length)]!, paths[next(paths.length)]!, undefined, { raw: bodies[next(bodies.length)]!, headers: { authorization: i % 3 === 0 ? 'Bearer a.b.c' : '' } });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});

describe('cross-cutting HTTP behaviour', () => {
  it('sets security headers, echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const response = await h.call('GET', '/api/v1/reference/countries', undefined, { headers: { 'x-request-id': 'client-req-42' } });
    expect(response.headers.get('x-request-id')).toBe('client-req-42');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    const unsafe = await h.call('GET', '/api/v1/reference/countries', undefined, { headers: { 'x-request-id': 'bad id with spaces and "quotes"' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await h.call('GET', '/api/v1/reference/countries', undefined, { headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const denied = await h.call('GET', '/api/v1/reference/countries', undefined, { headers: { origin: 'https://evil.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves reference data with labels in the request language and all three names', async () => {
    const response = await h.call<{ items: { code: string; label: string; name: { ar: string; en: string; fr: string }; oicGroup: string }[]; nextCursor: null }>('GET', '/api/v1/reference/countries?lang=ar');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(57);
    const qatar = response.body.items.find((c) => c.code === 'QA')!;
    expect(qatar).toMatchObject({ label: 'قطر', name: { ar: 'قطر', en: 'Qatar', fr: 'Qatar' }, oicGroup: 'arab' });
    for (const path of ['languages', 'education-levels', 'currencies']) {
      const list = await h.call<{ items: { label: string }[] }>('GET', `/api/v1/reference/${path}`, undefined, { lang: 'fr' });
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(5);
      expect(list.headers.get('content-language')).toBe('fr');
    }
  });

  it('documents every route in OpenAPI 3 at /api/docs-json and serves Swagger UI at /api/docs', async () => {
    const docs = await h.call<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/reference/countries',
      '/api/v1/reference/languages',
      '/api/v1/reference/education-levels',
      '/api/v1/reference/currencies',
      '/.well-known/jwks.json',
    ]) {
      expect(Object.keys(docs.body.paths)).toContain(path);
    }
    expect(docs.body.components.schemas).toHaveProperty('ProblemDetails');
    const ui = await fetch(`${h.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('reports readiness and Prometheus metrics', async () => {
    const ready = await h.call<{ status: string; details: Record<string, { status: string }> }>('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details['nats']?.status).toBe('up');
    const identityUrl = await h.identity!.getUrl();
    const identityReady = (await (await fetch(`${identityUrl}/health/ready`)).json()) as { details: Record<string, { status: string }> };
    expect(identityReady.details["database"]?.status).toBe('up');
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toContain('olp_http_request_duration_seconds');
    expect(metrics).toContain('olp_rpc_duration_seconds');
    const identityMetrics = await (await fetch(`${identityUrl}/metrics`)).text();
    expect(identityMetrics).toContain('olp_outbox_published_total');
  });

  it('rate-limits per client address, with problem+json and Retry-After', async () => {
    const limited = await h.startGateway({ AUTH_RATE_LIMIT_MAX: '3', RATE_LIMIT_MAX: '1000' });
    const url = await limited.getUrl();
    const statuses: number[] = [];
    let last: Problem | undefined;
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await h.call<Problem>('POST', '/api/v1/auth/login', { email: 'nobody@example.org', password: 'whatever 1234' }, { lang: 'ar' }, url);
      statuses.push(response.status);
      if (response.status === 429) {
        last = response.body;
        retryAfter = response.headers.get('retry-after');
      }
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(last?.code).toBe('RATE_LIMITED');
    expect(last?.title).toBe('طلبات كثيرة');
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Other routes keep their own, larger budget.
    expect((await h.call('GET', '/api/v1/reference/countries', undefined, {}, url)).status).toBe(200);
  });

  it('answers 503 SERVICE_UNAVAILABLE when no identity service is running, and recovers when it returns', async () => {
    await h.stopIdentity();
    const down = await h.call<Problem>('POST', '/api/v1/auth/login', { email: 'a@example.org', password: 'whatever 1234' }, { lang: 'fr' });
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.title).toBe('Service indisponible');
    await h.startIdentity();
    const up = await h.call<Problem>('POST', '/api/v1/auth/login', { email: 'a@example.org', password: 'whatever 1234' });
    expect(up.status).toBe(401);
  });
});
