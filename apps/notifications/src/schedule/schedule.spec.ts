import { backoffMs, digestSendTime, lastDigestMoment, nextDigestMoment, quietHoursEnd } from './schedule.js';

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

describe('backoff', () => {
  it('doubles up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
