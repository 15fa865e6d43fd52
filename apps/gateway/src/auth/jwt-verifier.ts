import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, importJWK, jwtVerify, type CryptoKey, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { DomainError, ErrorCode, ROLES, type Principal, type Role } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { CONFIG } from '@olp/platform';
import type { GatewayConfig } from '../gateway.config.js';
import { VerifiedTokens } from './verified-tokens.js';

export const ACCEPTED_ALGORITHMS = ['ES256'];
/** An unknown key id triggers a JWKS refresh at most this often (a flood of forged kids cannot hammer identity). */
const MIN_REFRESH_INTERVAL_MS = 5000;
/** Accepted clock skew between identity and the gateway, in seconds (expiry and issued-at). */
const CLOCK_TOLERANCE_S = 5;

/**
 * Verifies access tokens against the identity service's JWKS: pinned algorithm (so `alg: none`
 * and HMAC-with-public-key tricks fail), issuer, audience, expiry. Keys are cached and refreshed
 * when a token names a key id we do not know (rotation). Verified tokens are remembered until they
 * expire (`AUTH_TOKEN_CACHE_SIZE`, {@link VerifiedTokens}); a new key set forgets them all.
 */
@Injectable()
export class JwtVerifier {
  private keys = new Map<string, CryptoKey>();
  private lastRefresh = 0;
  private refreshing?: Promise<void>;
  private readonly verified: VerifiedTokens;

  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {
    this.verified = new VerifiedTokens(config.AUTH_TOKEN_CACHE_SIZE, CLOCK_TOLERANCE_S * 1000);
  }

  async verify(token: string): Promise<Principal> {
    // One clock for the cache and the full verification.
    const now = Date.now();
    const known = this.verified.get(token, now);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(now),
      }));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new DomainError(ErrorCode.TokenExpired);
      throw new DomainError(ErrorCode.TokenInvalid);
    }
    const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
    const scope = Array.isArray(payload['cs']) ? payload['cs'].filter((c): c is string => typeof c === 'string') : [];
    if (typeof payload.sub !== 'string' || roles.length === 0) throw new DomainError(ErrorCode.TokenInvalid);
    // Shared by every request carrying this token while it is cached: nobody may change it.
    const principal: Principal = Object.freeze({ userId: payload.sub, roles: Object.freeze(roles) as Role[], countryScope: Object.freeze(scope) as string[] });
    this.verified.set(token, principal, payload.exp! * 1000);
    return principal;
  }

  private async keyFor(header: JWTHeaderParameters): Promise<CryptoKey> {
    if (!header.kid || !ACCEPTED_ALGORITHMS.includes(header.alg)) throw new DomainError(ErrorCode.TokenInvalid);
    let key = this.keys.get(header.kid);
    if (!key && (this.keys.size === 0 || Date.now() - this.lastRefresh >= MIN_REFRESH_INTERVAL_MS)) {
      await this.refresh();
      key = this.keys.get(header.kid);
    }
    if (!key) throw new DomainError(ErrorCode.TokenInvalid);
    return key;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const { keys } = await this.rpc.request('rpc.identity.jwks.v1', {});
        const next = new Map<string, CryptoKey>();
        for (const jwk of keys) {
          if (jwk.alg !== 'ES256' || !jwk.kid) continue;
          next.set(jwk.kid, (await importJWK({ ...jwk }, 'ES256')) as CryptoKey);
        }
        this.keys = next;
        this.lastRefresh = Date.now();
        // A key that is gone must stop the tokens it signed, cached ones included.
        this.verified.clear();
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
