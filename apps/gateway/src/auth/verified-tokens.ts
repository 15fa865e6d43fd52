import type { Principal } from '@olp/contracts';

/**
 * Access tokens whose signature and claims were verified, with what they say, until they expire.
 * A portal sends the same token with every request for its lifetime, and checking an ES256
 * signature was the gateway's largest single cost per request (~12 % of its CPU under bench:e2e's
 * publications). A hit repeats only the expiry check (with the same clock tolerance as the full
 * verification, which reports TOKEN_EXPIRED once an entry has lapsed).
 *
 * Only verified tokens are kept, keyed by the whole compact token (a changed byte is another key),
 * and at most `capacity` of them; the oldest goes first. The verifier clears the cache when the
 * signing keys change, so a removed key stops a cached token as soon as the gateway learns of it.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(
    readonly capacity: number,
    private readonly toleranceMs: number,
  ) {}

  /** The principal of a verified token still within its expiry (plus tolerance) at `nowMs`. */
  get(token: string, nowMs: number): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expiresAtMs + this.toleranceMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  /** Remembers a verified token until `expiresAtMs` (its `exp` claim, in milliseconds). */
  set(token: string, principal: Principal, expiresAtMs: number): void {
    if (this.capacity <= 0) return;
    this.entries.delete(token);
    while (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, expiresAtMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
