import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, importJWK, jwtVerify, type CryptoKey, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { DomainError, ErrorCode, ROLES, type Principal, type Role } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { CONFIG } from '@olp/platform';
import type { GatewayConfig } from '../gateway.config.js';

export const ACCEPTED_ALGORITHMS = ['ES256'];
/** An unknown key id triggers a JWKS refresh at most this often (a flood of forged kids cannot hammer identity). */
const MIN_REFRESH_INTERVAL_MS = 5000;

/**
 * Verifies access tokens against the identity service's JWKS: pinned algorithm (so `alg: none`
 * and HMAC-with-public-key tricks fail), issuer, audience, expiry. Keys are cached and refreshed
 * when a token names a key id we do not know (rotation).
 */
@Injectable()
export class JwtVerifier {
  private keys = new Map<string, CryptoKey>();
  private lastRefresh = 0;
  private refreshing?: Promise<void>;

  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      }));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new DomainError(ErrorCode.TokenExpired);
      throw new DomainError(ErrorCode.TokenInvalid);
    }
    const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
    const scope = Array.isArray(payload['cs']) ? payload['cs'].filter((c): c is string => typeof c === 'string') : [];
    if (typeof payload.sub !== 'string' || roles.length === 0) throw new DomainError(ErrorCode.TokenInvalid);
    return { userId: payload.sub, roles, countryScope: scope };
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
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
