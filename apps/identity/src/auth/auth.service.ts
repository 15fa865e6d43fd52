import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type LoginCommand, type TokenPair } from '@olp/contracts';
import { DATA_SOURCE } from '@olp/persistence';
import { UserEntity } from '../users/user.entity.js';
import { normalizeEmail } from '../users/user-view.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { TokenService, hashRefreshToken } from './token.service.js';

type RefreshOutcome = { pair: TokenPair } | { reused: true };

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  async login(command: LoginCommand): Promise<TokenPair> {
    const email = normalizeEmail(command.email);
    const keys = this.throttle.keys(email, command.clientAddress);
    await this.throttle.assertAllowed(keys);
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { emailNormalized: email } });
    const valid = user ? await this.hasher.verify(user.passwordHash, command.password) : await this.hasher.verifyAgainstDummy(command.password);
    if (!user || !valid) {
      await this.throttle.recordFailure(keys);
      throw new DomainError(ErrorCode.InvalidCredentials);
    }
    if (user.disabled) throw new DomainError(ErrorCode.AccountDisabled);
    await this.throttle.recordSuccess(keys);
    return this.dataSource.transaction((em) => this.tokens.issuePair(em, user));
  }

  /**
   * Exchanges a refresh token for a new pair. Each token works once: presenting a spent token
   * means it was copied, so the whole family (every token since that login) is revoked.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (em): Promise<RefreshOutcome> => {
      const repository = em.getRepository(RefreshTokenEntity);
      const token = await repository.findOne({ where: { tokenHash: hashRefreshToken(refreshToken) }, lock: { mode: 'pessimistic_write' } });
      if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) {
        throw new DomainError(ErrorCode.RefreshTokenInvalid);
      }
      if (token.usedAt) {
        await em.query(`UPDATE identity.refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [token.familyId]);
        return { reused: true };
      }
      const user = await em.getRepository(UserEntity).findOne({ where: { id: token.userId } });
      if (!user) throw new DomainError(ErrorCode.RefreshTokenInvalid);
      if (user.disabled) throw new DomainError(ErrorCode.AccountDisabled);
      await repository.update({ id: token.id }, { usedAt: new Date() });
      return { pair: await this.tokens.issuePair(em, user, token.familyId) };
    });
    // Thrown after the revocation committed.
    if ('reused' in outcome) throw new DomainError(ErrorCode.RefreshTokenReused);
    return outcome.pair;
  }

  /** Revokes the session (the token's whole family). Unknown tokens are accepted silently. */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE identity.refresh_tokens SET revoked_at = now()
       WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM identity.refresh_tokens WHERE token_hash = $1)`,
      [hashRefreshToken(refreshToken)],
    );
  }
}
