import argon2 from 'argon2';
import { Injectable } from '@nestjs/common';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane): strong against
 * offline guessing while keeping a login around 20–40 ms on the platform's 2-core nodes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same effort for an unknown account, so response time does not reveal which e-mails exist. */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummy ??= this.hash('dummy-password-for-timing-1');
    await this.verify(await this.dummy, password);
    return false;
  }
}
