import { SignJWT, base64url, generateKeyPair, importJWK, type JWK } from 'jose';
import { eventually } from '@olp/testing';
import { ADMIN_EMAIL, ADMIN_PASSWORD, PlatformHarness } from '../src/platform-harness.js';

type Problem = { type: string; title: string; status: number; code: string; detail: string; requestId: string; errors?: { field: string; rule: string; detail: string }[] };
type Tokens = { accessToken: string; refreshToken: string; expiresIn: number; tokenType: string };

const h = new PlatformHarness();

beforeAll(async () => {
  await h.start('auth', {}, { identityOnly: true });
});
afterAll(async () => {
  await h.stop();
});

async function outboxSubjects(): Promise<string[]> {
  const rows = await h.db.query<{ subject: string }>(`SELECT subject FROM identity.outbox ORDER BY seq`);
  return rows.map((r) => r.subject);
}

describe('registration', () => {
  it('creates a seeker, keeps Arabic text intact and emits identity.user.registered.v1 through the outbox', async () => {
    const response = await h.call('POST', '/api/v1/auth/register', {
      email: 'Amina.Hassan@Example.org',
      password: 'correct horse 7 battery',
      displayName: 'أمينة الحسن',
      locale: 'ar',
      country: 'QA',
      role: 'seeker',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: 'Amina.Hassan@Example.org', displayName: 'أمينة الحسن', roles: ['seeker'], locale: 'ar', countryScope: [] });
    expect(response.body).not.toHaveProperty('passwordHash');
    const [stored] = await h.db.query<{ password_hash: string; display_name: string }>(`SELECT password_hash, display_name FROM identity.users WHERE email_normalized = 'amina.hassan@example.org'`);
    expect(stored!.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored!.display_name).toBe('أمينة الحسن');
    await eventually(async () => (await h.db.query(`SELECT 1 FROM identity.outbox WHERE subject = 'identity.user.registered.v1' AND published_at IS NOT NULL`)).length > 0);
  });

  it('carries the caller\'s trace id from the HTTP request through request/reply into the event it causes', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await h.call('POST', '/api/v1/auth/register', {
      email: 'traced@example.org',
      password: 'correct horse 7 battery',
      displayName: 'Traced',
      locale: 'en',
      country: 'JO',
      role: 'employer',
    }, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(response.status).toBe(201);
    const [row] = await h.db.query<{ traceparent: string }>(
      `SELECT traceparent FROM identity.outbox WHERE subject = 'identity.user.registered.v1' AND envelope->'data'->>'email' = 'traced@example.org'`,
    );
    expect(row!.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it('refuses a second account with the same e-mail in any letter case (409)', async () => {
    await h.registerAndLogin('dup@example.org');
    const again = await h.call<Problem>('POST', '/api/v1/auth/register', {
      email: 'DUP@example.org',
      password: 'correct horse 7 battery',
      displayName: 'Dup',
      locale: 'fr',
      country: 'SN',
      role: 'employer',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it.each(['admin', 'coordinator', 'focal-point'])('refuses self-registration as %s, at the gateway and in the identity service itself', async (role) => {
    const email = `self-${role}@example.org`;
    const response = await h.call<Problem>('POST', '/api/v1/auth/register', { email, password: 'correct horse 7 battery', displayName: 'X', locale: 'en', country: 'TR', role });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'role', rule: 'isIn' })]);
    // Bypassing the gateway changes nothing: the owning service validates the same contract.
    await expect(
      h.rpc().request('rpc.identity.register.v1', { email, password: 'correct horse 7 battery', displayName: 'X', locale: 'en', country: 'TR', role } as never),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await h.db.query(`SELECT 1 FROM identity.users WHERE email_normalized = $1`, [email])).toHaveLength(0);
  });

  it('applies the password policy in the service (400 WEAK_PASSWORD)', async () => {
    const response = await h.call<Problem>('POST', '/api/v1/auth/register', {
      email: 'weak@example.org',
      password: 'onlylettersnodigits',
      displayName: 'Weak',
      locale: 'en',
      country: 'MY',
      role: 'seeker',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('WEAK_PASSWORD');
  });
});

describe('login, refresh rotation and logout', () => {
  it('logs in and reads /me with the access token', async () => {
    const { accessToken, user } = await h.registerAndLogin('login@example.org');
    const me = await h.call('GET', '/api/v1/me', undefined, { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, email: 'login@example.org' });
  });

  it('gives the same answer for a wrong password and an unknown account (401 INVALID_CREDENTIALS)', async () => {
    await h.registerAndLogin('wrongpw@example.org');
    const wrong = await h.login('wrongpw@example.org', 'not the password 1');
    const unknown = await h.login('nobody@example.org', 'not the password 1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as unknown as Problem).code).toBe('INVALID_CREDENTIALS');
    expect((unknown.body as unknown as Problem).code).toBe('INVALID_CREDENTIALS');
  });

  it('rotates refresh tokens, and reusing a spent one revokes the whole family', async () => {
    const first = await h.registerAndLogin('rotate@example.org');
    const second = await h.call<Tokens>('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await h.call<Tokens>('POST', '/api/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    const replay = await h.call<Problem>('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The thief's replay also kills the legitimate holder's newest token.
    const afterRevocation = await h.call<Problem>('POST', '/api/v1/auth/refresh', { refreshToken: third.body.refreshToken });
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.body.code).toBe('REFRESH_TOKEN_INVALID');
    // Another login starts a fresh family that works.
    const fresh = await h.login('rotate@example.org', first.password);
    expect((await h.call('POST', '/api/v1/auth/refresh', { refreshToken: fresh.body.refreshToken })).status).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const session = await h.registerAndLogin('race@example.org');
    const results = await Promise.all([1, 2].map(() => h.call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logout revokes the session', async () => {
    const session = await h.registerAndLogin('logout@example.org');
    expect((await h.call('POST', '/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    const after = await h.call<Problem>('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(after.status).toBe(401);
  });

  it('throttles failed logins per account, even with the right password afterwards (429 + Retry-After)', async () => {
    const session = await h.registerAndLogin('throttle@example.org');
    for (let i = 0; i < 5; i++) expect((await h.login('throttle@example.org', `wrong password ${i}x`)).status).toBe(401);
    const blocked = await h.login('throttle@example.org', session.password);
    expect(blocked.status).toBe(429);
    expect((blocked.body as unknown as Problem).code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('login throttling per client address', () => {
  it('refuses any account from an address after too many failures there, while other addresses still sign in', async () => {
    const victim = await h.registerAndLogin('per-address@example.org');
    const address = '203.0.113.7';
    for (let i = 0; i < 50; i++) {
      await expect(
        h.rpc().request('rpc.identity.login.v1', { email: `spray${i}@example.org`, password: 'guess 1234 guess', clientAddress: address }),
      ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(
      h.rpc().request('rpc.identity.login.v1', { email: 'per-address@example.org', password: victim.password, clientAddress: address }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    await expect(
      h.rpc().request('rpc.identity.login.v1', { email: 'per-address@example.org', password: victim.password, clientAddress: '198.51.100.9' }),
    ).resolves.toMatchObject({ tokenType: 'Bearer' });
  });
});

describe('access tokens', () => {
  async function signingKey(): Promise<{ kid: string; jwk: JWK }> {
    const [row] = await h.db.query<{ kid: string; private_jwk: JWK }>(`SELECT kid, private_jwk FROM identity.signing_keys ORDER BY created_at DESC LIMIT 1`);
    return { kid: row!.kid, jwk: row!.private_jwk };
  }

  function claims(sub: string) {
    return { roles: ['admin'], cs: [] as string[], sub };
  }

  it('rejects an expired token (401 TOKEN_EXPIRED)', async () => {
    const { user } = await h.registerAndLogin('expired@example.org');
    const { kid, jwk } = await signingKey();
    const token = await new SignJWT({ roles: ['seeker'], cs: [] })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(user.id)
      .setIssuer('https://olp.oic-labour.org')
      .setAudience('olp-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(await importJWK(jwk, 'ES256'));
    const response = await h.call<Problem>('GET', '/api/v1/me', undefined, { token });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_EXPIRED');
  });

  it('rejects a token whose payload was tampered with', async () => {
    const { accessToken, user } = await h.registerAndLogin('tamper@example.org');
    const [header, , signature] = accessToken.split('.');
    const forgedPayload = base64url.encode(JSON.stringify({ ...claims(user.id), iss: 'https://olp.oic-labour.org', aud: 'olp-api', iat: 1, exp: 4102444800 }));
    const response = await h.call<Problem>('POST', '/api/v1/users', {}, { token: `${header}.${forgedPayload}.${signature}` });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_INVALID');
  });

  it('rejects alg: none', async () => {
    const { user } = await h.registerAndLogin('none@example.org');
    const { kid } = await signingKey();
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid, typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify({ ...claims(user.id), iss: 'https://olp.oic-labour.org', aud: 'olp-api', iat: Math.floor(Date.now() / 1000), exp: 4102444800 }));
    const response = await h.call<Problem>('GET', '/api/v1/me', undefined, { token: `${header}.${payload}.` });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_INVALID');
  });

  it('rejects a token signed by a key that is not ours, even with our key id', async () => {
    const { user } = await h.registerAndLogin('foreign@example.org');
    const { kid } = await signingKey();
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ roles: ['admin'], cs: [] })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(user.id)
      .setIssuer('https://olp.oic-labour.org')
      .setAudience('olp-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await h.call('GET', '/api/v1/me', undefined, { token })).status).toBe(401);
  });

  it('rejects a token for another audience or issuer', async () => {
    const { user } = await h.registerAndLogin('audience@example.org');
    const { kid, jwk } = await signingKey();
    const key = await importJWK(jwk, 'ES256');
    for (const [iss, aud] of [
      ['https://olp.oic-labour.org', 'another-api'],
      ['https://evil.example', 'olp-api'],
    ]) {
      const token = await new SignJWT({ roles: ['seeker'], cs: [] }).setProtectedHeader({ alg: 'ES256', kid }).setSubject(user.id).setIssuer(iss!).setAudience(aud!).setIssuedAt().setExpirationTime('5m').sign(key);
      expect((await h.call('GET', '/api/v1/me', undefined, { token })).status).toBe(401);
    }
  });

  it('requires a token for /me and rejects a malformed Authorization header', async () => {
    expect(((await h.call<Problem>('GET', '/api/v1/me')).body).code).toBe('UNAUTHENTICATED');
    const malformed = await h.call<Problem>('GET', '/api/v1/me', undefined, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.code).toBe('TOKEN_INVALID');
  });

  it('publishes the verification keys at /.well-known/jwks.json', async () => {
    const response = await h.call<{ keys: { kid: string; alg: string; kty: string; d?: string }[] }>('GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.body.keys[0]).toMatchObject({ alg: 'ES256', kty: 'EC', use: 'sig' });
    expect(response.body.keys.every((k) => k.d === undefined)).toBe(true);
  });
});

describe('roles', () => {
  it('lets the bootstrap admin create a coordinator scoped to countries, who can sign in', async () => {
    const admin = await h.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(admin.status).toBe(200);
    const created = await h.call('POST', '/api/v1/users', {
      email: 'coordinator@sesric.org',
      password: 'Programme-OSH-2026',
      displayName: 'منسق البرنامج',
      locale: 'ar',
      country: 'TR',
      roles: ['coordinator'],
      countryScope: ['TR', 'AZ'],
    }, { token: admin.body.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ roles: ['coordinator'], countryScope: ['TR', 'AZ'] });
    const login = await h.login('coordinator@sesric.org', 'Programme-OSH-2026');
    expect(login.status).toBe(200);
    // A coordinator is not an admin.
    const denied = await h.call<Problem>('POST', '/api/v1/users', { email: 'x@sesric.org', password: 'Programme-OSH-2026', displayName: 'X', locale: 'en', country: 'TR', roles: ['admin'] }, { token: login.body.accessToken });
    expect(denied.status).toBe(403);
  });

  it('requires a country scope for coordinators and focal points', async () => {
    const admin = await h.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const response = await h.call<Problem>('POST', '/api/v1/users', {
      email: 'focal@example.org', password: 'Focal-Point-2026', displayName: 'Focal', locale: 'fr', country: 'SN', roles: ['focal-point'],
    }, { token: admin.body.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe('countryScope');
  });

  it('refuses admin routes to seekers (403), and to anonymous callers (401)', async () => {
    const seeker = await h.registerAndLogin('notadmin@example.org');
    const body = { email: 'sneaky@example.org', password: 'Programme-OSH-2026', displayName: 'S', locale: 'en', country: 'QA', roles: ['admin'] };
    const forbidden = await h.call<Problem>('POST', '/api/v1/users', body, { token: seeker.accessToken });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await h.call('POST', '/api/v1/users', body)).status).toBe(401);
    // The identity service enforces it too, whatever the caller claims to the gateway.
    await expect(
      h.rpc().request('rpc.identity.create-user.v1', body as never, { principal: { userId: seeker.user.id, roles: ['seeker'], countryScope: [] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.db.query(`SELECT 1 FROM identity.users WHERE email_normalized = 'sneaky@example.org'`)).toHaveLength(0);
  });
});

describe('profile and account deletion', () => {
  it('PATCH /me changes name and language and emits identity.user.updated.v1', async () => {
    const session = await h.registerAndLogin('patch@example.org');
    const response = await h.call('PATCH', '/api/v1/me', { displayName: 'Fatima Zahra', locale: 'fr' }, { token: session.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ displayName: 'Fatima Zahra', locale: 'fr' });
    expect(await outboxSubjects()).toContain('identity.user.updated.v1');
    const bad = await h.call<Problem>('PATCH', '/api/v1/me', { roles: ['admin'] }, { token: session.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toMatchObject({ field: 'roles', rule: 'whitelistValidation' });
  });

  it('gives an account its country’s time zone, lets it choose another, and refuses what is not an IANA zone', async () => {
    const session = await h.registerAndLogin('zone@example.org', 'seeker', { country: 'MA' });
    expect((await h.call('GET', '/api/v1/me', undefined, { token: session.accessToken })).body).toMatchObject({ timeZone: 'Africa/Casablanca' });
    const changed = await h.call('PATCH', '/api/v1/me', { timeZone: 'Europe/Istanbul' }, { token: session.accessToken });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ timeZone: 'Europe/Istanbul' });
    const [event] = await h.db.query<{ envelope: { data: { timeZone: string } } }>(
      `SELECT envelope FROM identity.outbox WHERE subject = 'identity.user.updated.v1' AND envelope->>'subject' = $1`,
      [session.user.id],
    );
    expect(event!.envelope.data.timeZone).toBe('Europe/Istanbul');
    const bad = await h.call<Problem>('PATCH', '/api/v1/me', { timeZone: 'Mars/Olympus_Mons' }, { token: session.accessToken, lang: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toMatchObject({ field: 'timeZone', rule: 'isTimeZone' });
    const chosen = await h.registerAndLogin('zone2@example.org', 'seeker', { country: 'ID', timeZone: 'Asia/Makassar' });
    expect((await h.call('GET', '/api/v1/me', undefined, { token: chosen.accessToken })).body).toMatchObject({ timeZone: 'Asia/Makassar' });
  });

  it('DELETE /me removes the account and emits identity.user.deleted.v1', async () => {
    const session = await h.registerAndLogin('leaving@example.org');
    expect((await h.call('DELETE', '/api/v1/me', undefined, { token: session.accessToken })).status).toBe(204);
    expect(await h.db.query(`SELECT 1 FROM identity.users WHERE id = $1`, [session.user.id])).toHaveLength(0);
    expect(await h.db.query(`SELECT 1 FROM identity.refresh_tokens WHERE user_id = $1`, [session.user.id])).toHaveLength(0);
    expect(await outboxSubjects()).toContain('identity.user.deleted.v1');
    expect((await h.call('GET', '/api/v1/me', undefined, { token: session.accessToken })).status).toBe(404);
  });
});
