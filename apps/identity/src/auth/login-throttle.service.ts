import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@olp/contracts';
import { CONFIG } from '@olp/platform';
import { DATA_SOURCE } from '@olp/persistence';
import type { IdentityConfig } from '../identity.config.js';

/**
 * Failed sign-ins counted per account and per client address in a fixed window, in the database
 * so every replica sees the same counts. Past the limit the key is refused until its window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  keys(emailNormalized: string, clientAddress: string): { account: string; address: string } {
    return { account: `account:${emailNormalized}`, address: `address:${clientAddress}` };
  }

  /** Throws TOO_MANY_LOGIN_ATTEMPTS (with the seconds to wait) when either key is over its limit. */
  async assertAllowed(keys: { account: string; address: string }): Promise<void> {
    const window = this.config.LOGIN_FAILURE_WINDOW_SECONDS;
    const rows: { key: string; failures: number; retry_after: number }[] = await this.dataSource.query(
      `SELECT key, failures,
              CEIL(EXTRACT(EPOCH FROM window_started_at + make_interval(secs => $2) - now()))::int AS retry_after
       FROM identity.login_failures
       WHERE key = ANY($1) AND window_started_at > now() - make_interval(secs => $2)`,
      [[keys.account, keys.address], window],
    );
    for (const row of rows) {
      const limit = row.key === keys.account ? this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT : this.config.LOGIN_MAX_FAILURES_PER_ADDRESS;
      if (row.failures >= limit) {
        throw new DomainError(ErrorCode.TooManyLoginAttempts, { retryAfter: Math.max(1, row.retry_after) });
      }
    }
  }

  async recordFailure(keys: { account: string; address: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO identity.login_failures AS f (key, failures, window_started_at)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN f.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE f.failures + 1 END,
         window_started_at = CASE WHEN f.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE f.window_started_at END`,
      [[keys.account, keys.address], this.config.LOGIN_FAILURE_WINDOW_SECONDS],
    );
  }

  async recordSuccess(keys: { account: string }): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.login_failures WHERE key = $1`, [keys.account]);
  }
}
