import { Role, type Principal } from '@olp/contracts';
import { VerifiedTokens } from './verified-tokens.js';

const principal = (userId: string): Principal => ({ userId, roles: [Role.Seeker], countryScope: [] });

describe('VerifiedTokens', () => {
  it('returns a verified token’s principal until its expiry plus the tolerance, then forgets it', () => {
    const cache = new VerifiedTokens(10, 5_000);
    const who = principal('u1');
    cache.set('token-1', who, 100_000);
    expect(cache.get('token-1', 50_000)).toBe(who);
    expect(cache.get('token-1', 104_999)).toBe(who);
    expect(cache.get('token-1', 105_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('knows only the exact token it was given', () => {
    const cache = new VerifiedTokens(10, 0);
    cache.set('header.payload.signature', principal('u1'), 100_000);
    expect(cache.get('header.payload.signaturX', 1)).toBeUndefined();
    expect(cache.get('header.payload.signature', 1)?.userId).toBe('u1');
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const cache = new VerifiedTokens(2, 0);
    cache.set('a', principal('a'), 100_000);
    cache.set('b', principal('b'), 100_000);
    cache.set('c', principal('c'), 100_000);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)?.userId).toBe('b');
    expect(cache.get('c', 1)?.userId).toBe('c');
  });

  it('keeps nothing with a capacity of 0, and nothing after clear()', () => {
    const off = new VerifiedTokens(0, 0);
    off.set('a', principal('a'), 100_000);
    expect(off.get('a', 1)).toBeUndefined();
    const cache = new VerifiedTokens(5, 0);
    cache.set('a', principal('a'), 100_000);
    cache.clear();
    expect(cache.get('a', 1)).toBeUndefined();
  });
});
