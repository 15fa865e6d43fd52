import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import type { EntityManager } from 'typeorm';
import type { TokenPair } from '@olp/contracts';
import { CONFIG } from '@olp/platform';
import type { IdentityConfig } from '../identity.config.js';
import { SIGNING_ALGORITHM, SigningKeys } from '../keys/signing-keys.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Access JWTs (short-lived, ES256, key id in the header) and opaque single-use refresh tokens. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(SigningKeys) private readonly keys: SigningKeys,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  async accessToken(user: UserEntity): Promise<string> {
    const { kid, key } = await this.keys.signingKey();
    return new SignJWT({ roles: user.roles, cs: user.countryScope, cty: user.country, lng: user.locale })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL_SECONDS}s`)
      .setJti(randomUUID())
      .sign(key);
  }

  /** Stores a new refresh token in the family (a new family for a fresh login) and returns the pair. */
  async issuePair(em: EntityManager, user: UserEntity, familyId: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await em.getRepository(RefreshTokenEntity).insert({
      id: randomUUID(),
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    return {
      accessToken: await this.accessToken(user),
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresAt: expiresAt.toISOString(),
    };
  }
}
