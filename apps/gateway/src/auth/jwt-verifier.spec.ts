import { jest } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DomainError, ErrorCode } from '@olp/contracts';
import type { RpcClient } from '@olp/messaging';
import { GatewayConfig } from '../gateway.config.js';
import { JwtVerifier } from './jwt-verifier.js';

const ISSUER = 'https://olp.oic-labour.org';
const AUDIENCE = 'olp-api';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function sign(key: SigningKey, expiresAtS: number): Promise<string> {
  return new SignJWT({ roles: ['seeker'], cs: [] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject('0b3f8d2e-4c1a-4f8e-9a57-2d6c1e7b9f10')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresAtS)
    .sign(key.privateKey);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

/** The verifier against a JWKS the test controls (identity's `rpc.identity.jwks.v1`). */
function verifierWith(jwks: { keys: JWK[] }, cacheSize = 100): { verifier: JwtVerifier; jwksCalls: () => number } {
  const request = jest.fn(async () => jwks);
  const config = Object.assign(new GatewayConfig(), { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, AUTH_TOKEN_CACHE_SIZE: cacheSize });
  return { verifier: new JwtVerifier({ request } as unknown as RpcClient, config), jwksCalls: () => request.mock.calls.length };
}

describe('JwtVerifier with its verified-token cache', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a repeated token from the cache with the same principal, which nobody can change', async () => {
    const key = await signingKey('k1');
    const { verifier } = verifierWith({ keys: [key.jwk] });
    const token = await sign(key, Math.floor(Date.now() / 1000) + 600);
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(second).toBe(first);
    expect(first).toEqual({ userId: '0b3f8d2e-4c1a-4f8e-9a57-2d6c1e7b9f10', roles: ['seeker'], countryScope: [] });
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles) && Object.isFrozen(first.countryScope)).toBe(true);
  });

  it('still refuses a cached token once it has expired (TOKEN_EXPIRED)', async () => {
    const key = await signingKey('k1');
    const { verifier } = verifierWith({ keys: [key.jwk] });
    const expiresAtS = Math.floor(Date.now() / 1000) + 60;
    const token = await sign(key, expiresAtS);
    await verifier.verify(token);
    jest.spyOn(Date, 'now').mockReturnValue((expiresAtS + 6) * 1000);
    expect(await codeOf(verifier.verify(token))).toBe(ErrorCode.TokenExpired);
  });

  it('forgets cached tokens when the key set changes: a token of a withdrawn key is refused', async () => {
    const old = await signingKey('old');
    const next = await signingKey('new');
    const jwks = { keys: [old.jwk] };
    const { verifier, jwksCalls } = verifierWith(jwks);
    const exp = Math.floor(Date.now() / 1000) + 600;
    const oldToken = await sign(old, exp);
    await verifier.verify(oldToken);
    // Identity rotates and withdraws the old key; a token with the new kid makes the gateway refresh
    // (at most every 5 s, hence the clock moved on).
    jwks.keys = [next.jwk];
    const nextToken = await sign(next, exp);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 6_000);
    await verifier.verify(nextToken);
    expect(jwksCalls()).toBe(2);
    expect(await codeOf(verifier.verify(oldToken))).toBe(ErrorCode.TokenInvalid);
  });

  it('never caches a refused token, and verifies every time with a cache size of 0', async () => {
    const key = await signingKey('k1');
    const other = await signingKey('k1');
    const { verifier } = verifierWith({ keys: [key.jwk] }, 0);
    const forged = await sign(other, Math.floor(Date.now() / 1000) + 600);
    expect(await codeOf(verifier.verify(forged))).toBe(ErrorCode.TokenInvalid);
    expect(await codeOf(verifier.verify(forged))).toBe(ErrorCode.TokenInvalid);
    const token = await sign(key, Math.floor(Date.now() / 1000) + 600);
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).not.toBe(first);
  });
});
