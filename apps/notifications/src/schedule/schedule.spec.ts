import { DateTime } from 'luxon';
import {
  backoffMs,
  computeLastDigestMoment,
  computeNextDigestMoment,
  digestSendTime,
  lastDigestMoment,
  nextDigestMoment,
  quietHoursEnd,
} from './schedule.js';

const QATAR = 'Asia/Qatar'; // UTC+3, no DST
const CASABLANCA = 'Africa/Casablanca';

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };

  it('holds inside a span crossing midnight until its end, in the recipient’s zone', () => {
    // 20:30 UTC = 23:30 in Doha → held until 07:00 Doha next day = 04:00 UTC.
    expect(quietHoursEnd(new Date('2026-03-01T20:30:00Z'), QATAR, night)?.toISOString()).toBe('2026-03-02T04:00:00.000Z');
    // 01:00 UTC = 04:00 in Doha → until 07:00 Doha the same day.
    expect(quietHoursEnd(new Date('2026-03-02T01:00:00Z'), QATAR, night)?.toISOString()).toBe('2026-03-02T04:00:00.000Z');
  });

  it('lets through outside the span, at its end, and when there are none', () => {
    expect(quietHoursEnd(new Date('2026-03-02T04:00:00Z'), QATAR, night)).toBeUndefined();
    expect(quietHoursEnd(new Date('2026-03-02T18:59:00Z'), QATAR, night)).toBeUndefined();
    expect(quietHoursEnd(new Date('2026-03-02T19:00:00Z'), QATAR, night)?.toISOString()).toBe('2026-03-03T04:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-03-02T01:00:00Z'), QATAR, null)).toBeUndefined();
    expect(quietHoursEnd(new Date('2026-03-02T01:00:00Z'), QATAR, { start: '08:00', end: '08:00' })).toBeUndefined();
  });

  it('handles a span within one day', () => {
    const siesta = { start: '13:00', end: '15:30' };
    expect(quietHoursEnd(new Date('2026-03-02T11:00:00Z'), QATAR, siesta)?.toISOString()).toBe('2026-03-02T12:30:00.000Z');
    expect(quietHoursEnd(new Date('2026-03-02T12:30:00Z'), QATAR, siesta)).toBeUndefined();
  });

  it('follows the same wall-clock hours in another zone', () => {
    // 23:30 in Casablanca (UTC+1 in May 2026) = 22:30 UTC; during Ramadan Morocco is on UTC+0.
    expect(quietHoursEnd(new Date('2026-05-01T22:30:00Z'), CASABLANCA, night)?.toISOString()).toBe('2026-05-02T06:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-03-01T23:30:00Z'), CASABLANCA, night)?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
  });
});

describe('daily digest moments', () => {
  it('cuts off at the local hour, today once it has passed, else yesterday', () => {
    expect(lastDigestMoment(new Date('2026-03-02T06:00:00Z'), QATAR, 8)).toEqual({ at: new Date('2026-03-02T05:00:00Z'), localDate: '2026-03-02' });
    expect(lastDigestMoment(new Date('2026-03-02T04:59:00Z'), QATAR, 8)).toEqual({ at: new Date('2026-03-01T05:00:00Z'), localDate: '2026-03-01' });
    expect(nextDigestMoment(new Date('2026-03-02T04:59:00Z'), QATAR, 8)).toEqual({ at: new Date('2026-03-02T05:00:00Z'), localDate: '2026-03-02' });
    expect(nextDigestMoment(new Date('2026-03-02T05:00:00Z'), QATAR, 8)).toEqual({ at: new Date('2026-03-03T05:00:00Z'), localDate: '2026-03-03' });
  });

  it('waits for quiet hours to end', () => {
    const moment = new Date('2026-03-02T05:00:00Z'); // 08:00 Doha
    expect(digestSendTime(moment, QATAR, { start: '22:00', end: '09:00' }).toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(digestSendTime(moment, QATAR, null)).toBe(moment);
  });
});

describe('cached digest moments', () => {
  // Zones with clock changes (Cairo at midnight, Casablanca around Ramadan at 02:00/03:00) and without.
  const ZONES = ['Africa/Cairo', 'Asia/Riyadh', 'Europe/Istanbul', 'Asia/Jakarta', 'Africa/Casablanca', 'Asia/Tehran'];
  const START = Date.parse('2025-12-25T00:00:00Z');
  const END = Date.parse('2027-01-05T00:00:00Z');
  const HOUR = 3_600_000;

  /** Instants where the zone's UTC offset changes, to the hour, between START and END. */
  function clockChanges(zone: string): number[] {
    const changes: number[] = [];
    let previous = DateTime.fromMillis(START, { zone }).offset;
    for (let t = START + HOUR; t < END; t += HOUR) {
      const offset = DateTime.fromMillis(t, { zone }).offset;
      if (offset !== previous) changes.push(t);
      previous = offset;
    }
    return changes;
  }

  /** Deterministic shuffle, so the cache is also asked out of time order (days and offsets interleaved). */
  function shuffled<T>(items: T[]): T[] {
    const out = [...items];
    let seed = 12345;
    for (let i = out.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  function expectSame(instants: number[], zone: string, hour: number): void {
    for (const t of instants) {
      const at = new Date(t);
      const last = lastDigestMoment(at, zone, hour);
      const next = nextDigestMoment(at, zone, hour);
      const [expectedLast, expectedNext] = [computeLastDigestMoment(at, zone, hour), computeNextDigestMoment(at, zone, hour)];
      if (last.at.getTime() !== expectedLast.at.getTime() || last.localDate !== expectedLast.localDate) {
        throw new Error(`last ${zone} ${hour}h at ${at.toISOString()}: ${JSON.stringify(last)} ≠ ${JSON.stringify(expectedLast)}`);
      }
      if (next.at.getTime() !== expectedNext.at.getTime() || next.localDate !== expectedNext.localDate) {
        throw new Error(`next ${zone} ${hour}h at ${at.toISOString()}: ${JSON.stringify(next)} ≠ ${JSON.stringify(expectedNext)}`);
      }
    }
  }

  it('finds the clock changes the comparisons below rely on', () => {
    expect(clockChanges('Africa/Cairo').length).toBeGreaterThanOrEqual(2);
    expect(clockChanges('Africa/Casablanca').length).toBeGreaterThanOrEqual(2);
    expect(clockChanges('Asia/Riyadh')).toEqual([]);
  });

  it.each(ZONES)('equal luxon’s answer every 6 hours 13 minutes over a year, in and out of order, in %s', (zone) => {
    const instants: number[] = [];
    for (let t = START; t < END; t += 373 * 60_000) instants.push(t);
    for (const hour of [0, 8]) {
      expectSame(instants, zone, hour);
      expectSame(shuffled(instants), zone, hour);
    }
  });

  it.each(ZONES)('equal luxon’s answer around every clock change, at every hour near it, in %s', (zone) => {
    const instants: number[] = [];
    for (const change of clockChanges(zone)) {
      for (let t = change - 2 * 86_400_000; t < change + 2 * 86_400_000; t += 29 * 60_000) instants.push(t);
      // The instants next to the change itself, to the millisecond.
      instants.push(change - 1, change, change + 1, change - HOUR, change - HOUR - 1, change + HOUR, change + HOUR - 1);
    }
    for (const hour of [0, 1, 2, 3, 4, 8, 23]) {
      expectSame(instants, zone, hour);
      expectSame(shuffled(instants), zone, hour);
    }
  });

  it('equal luxon’s answer in every zone this runtime knows (more zones than the cache keeps)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) expectSame([Date.parse('2026-03-29T01:30:00Z'), Date.parse('2026-10-25T07:59:59Z'), Date.parse('2026-06-15T12:00:00Z')], zone, 8);
  });

  it('returns a fresh object each time (callers cannot change the cache)', () => {
    const at = new Date('2026-03-02T06:00:00Z');
    const first = lastDigestMoment(at, QATAR, 8);
    first.at.setTime(0);
    expect(lastDigestMoment(at, QATAR, 8)).toEqual({ at: new Date('2026-03-02T05:00:00Z'), localDate: '2026-03-02' });
  });

  it('keeps the digest sending time equal to the quiet-hours end or the cut-off', () => {
    const quiets = [null, { start: '22:00', end: '09:00' }, { start: '07:00', end: '08:30' }, { start: '08:00', end: '08:00' }, { start: '01:00', end: '05:00' }];
    for (const zone of ZONES) {
      for (const change of [...clockChanges(zone), Date.parse('2026-06-15T00:00:00Z')]) {
        for (let t = change - 2 * 86_400_000; t < change + 2 * 86_400_000; t += 3 * HOUR) {
          for (const hour of [0, 2, 8]) {
            const cutoff = nextDigestMoment(new Date(t), zone, hour).at;
            for (const quiet of quiets) {
              for (let i = 0; i < 2; i++) {
                expect(digestSendTime(cutoff, zone, quiet).getTime()).toBe((quietHoursEnd(cutoff, zone, quiet) ?? cutoff).getTime());
              }
            }
          }
        }
      }
    }
  });
});

describe('backoff', () => {
  it('doubles up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
