import { COUNTRIES } from './index.js';
import { defaultTimeZone } from './time-zones.js';

describe('defaultTimeZone', () => {
  it('gives the zone of a one-zone country and the capital’s for a country with several', () => {
    expect(defaultTimeZone('QA')).toBe('Asia/Qatar');
    expect(defaultTimeZone('ma')).toBe('Africa/Casablanca');
    expect(defaultTimeZone('ID')).toBe('Asia/Jakarta');
  });

  it('gives a valid IANA zone for every member state', () => {
    for (const { alpha2 } of COUNTRIES) {
      const zone = defaultTimeZone(alpha2);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
      expect(zone).not.toBe('UTC');
    }
  });

  it('falls back to UTC for a region ICU does not know', () => {
    expect(defaultTimeZone('ZZ')).toBe('UTC');
    expect(defaultTimeZone('not a region')).toBe('UTC');
  });
});
