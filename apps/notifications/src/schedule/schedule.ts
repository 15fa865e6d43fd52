import { DateTime } from 'luxon';

/** Local times `HH:MM` in the recipient's zone; `start` > `end` spans midnight, `start` = `end` is never. */
export interface QuietHours {
  start: string;
  end: string;
}

/** Quiet hours as stored (`quiet_start`, `quiet_end`: both set or neither). */
export function quietHoursOf(start: string | null, end: string | null): QuietHours | null {
  return start && end ? { start, end } : null;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function atMinutes(day: DateTime, minutes: number): DateTime {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/**
 * When `at` falls within the quiet hours in `zone`, the instant they end (the held e-mail's new due
 * time); otherwise undefined. Clock changes are luxon's: an end inside a skipped hour moves forward.
 */
export function quietHoursEnd(at: Date, zone: string, quiet: QuietHours | null | undefined): Date | undefined {
  if (!quiet) return undefined;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return undefined;
  const local = DateTime.fromJSDate(at, { zone });
  const now = local.hour * 60 + local.minute;
  if (start < end) {
    return now >= start && now < end ? atMinutes(local, end).toJSDate() : undefined;
  }
  if (now >= start) return atMinutes(local.plus({ days: 1 }), end).toJSDate();
  if (now < end) return atMinutes(local, end).toJSDate();
  return undefined;
}

export interface DigestMoment {
  /** The cut-off: notifications held up to this instant belong to this digest. */
  at: Date;
  /** The recipient's local calendar day of the digest (one digest per user and day). */
  localDate: string;
}

/** The latest digest cut-off at or before `at`: `hour`:00 in `zone`, today or yesterday (luxon every time; what the cache must equal). */
export function computeLastDigestMoment(at: Date, zone: string, hour: number): DigestMoment {
  const local = DateTime.fromJSDate(at, { zone });
  let moment = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (moment > local) moment = moment.minus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { at: moment.toJSDate(), localDate: moment.toISODate()! };
}

/** The first digest cut-off after `at` (luxon every time; what the cache must equal). */
export function computeNextDigestMoment(at: Date, zone: string, hour: number): DigestMoment {
  return nextAfterCutoff(computeLastDigestMoment(at, zone, hour).at, zone, hour);
}

/** The cut-off a day after the cut-off `cutoff`. */
function nextAfterCutoff(cutoff: Date, zone: string, hour: number): DigestMoment {
  const next = DateTime.fromJSDate(cutoff, { zone }).plus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { at: next.toJSDate(), localDate: next.toISODate()! };
}

/**
 * The digest moments of one local day in one zone at one offset: every instant in [from, to) has
 * the same local date and UTC offset, and luxon's `set({ hour })` depends on nothing else (the
 * date, the offset as its first guess, the zone), so today's cut-off is the same for all of them;
 * whether an instant is before or after it picks today's or yesterday's, and the next cut-off
 * depends on that cut-off alone.
 */
interface DigestDay {
  from: number;
  to: number;
  today: DigestMoment;
  yesterday: DigestMoment;
  nextAfterToday: DigestMoment;
  nextAfterYesterday: DigestMoment;
}

const DAY_MS = 86_400_000;
/** Zones × hours kept; a service sees the handful of zones of its member states, so this is ample. */
const DIGEST_DAY_CACHE_SIZE = 512;
const digestDays = new Map<string, DigestDay>();

/**
 * The local day of `at` in `zone` with its digest moments, from the cache or computed; undefined
 * when `at` is on a day whose offset changes (a clock change) or the zone is unknown: those are
 * computed with luxon each time, so the cache never has to reason about a clock change.
 */
function digestDay(at: Date, zone: string, hour: number): DigestDay | undefined {
  const key = `${hour}|${zone}`;
  const ms = at.getTime();
  const cached = digestDays.get(key);
  if (cached && ms >= cached.from && ms < cached.to) return cached;
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return undefined;
  const offsetMs = local.offset * 60_000;
  const from = Date.UTC(local.year, local.month - 1, local.day) - offsetMs;
  const to = from + DAY_MS;
  // The whole local day at this one offset: no clock change on it (a change and its reversal within one day does not occur in tzdata).
  if (local.zone.offset(from) !== local.offset || local.zone.offset(to - 1) !== local.offset) return undefined;
  const todayAt = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  const yesterdayAt = todayAt.minus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  const today = { at: todayAt.toJSDate(), localDate: todayAt.toISODate()! };
  const yesterday = { at: yesterdayAt.toJSDate(), localDate: yesterdayAt.toISODate()! };
  const day: DigestDay = {
    from,
    to,
    today,
    yesterday,
    nextAfterToday: nextAfterCutoff(today.at, zone, hour),
    nextAfterYesterday: nextAfterCutoff(yesterday.at, zone, hour),
  };
  if (digestDays.size >= DIGEST_DAY_CACHE_SIZE && !digestDays.has(key)) digestDays.delete(digestDays.keys().next().value!);
  digestDays.set(key, day);
  return day;
}

function copy(moment: DigestMoment): DigestMoment {
  return { at: new Date(moment.at.getTime()), localDate: moment.localDate };
}

/**
 * The latest digest cut-off at or before `at`: `hour`:00 in `zone`, today or yesterday. The same
 * as `computeLastDigestMoment`, from a small cache of local days (the delivery worker asks this per
 * held e-mail, and luxon's zone arithmetic costs several Intl calls each time).
 */
export function lastDigestMoment(at: Date, zone: string, hour: number): DigestMoment {
  const day = digestDay(at, zone, hour);
  if (!day) return computeLastDigestMoment(at, zone, hour);
  return copy(day.today.at.getTime() > at.getTime() ? day.yesterday : day.today);
}

/** The first digest cut-off after `at` (the same as `computeNextDigestMoment`, cached like `lastDigestMoment`). */
export function nextDigestMoment(at: Date, zone: string, hour: number): DigestMoment {
  const day = digestDay(at, zone, hour);
  if (!day) return computeNextDigestMoment(at, zone, hour);
  return copy(day.today.at.getTime() > at.getTime() ? day.nextAfterYesterday : day.nextAfterToday);
}

const SEND_TIME_CACHE_SIZE = 1024;
const sendTimes = new Map<string, number | null>();

/**
 * When a digest whose cut-off is `moment` may go out: at the cut-off, or when quiet hours then end.
 * Cut-offs are few (one a day per zone), so the quiet-hours answer is kept per (cut-off, zone, quiet hours).
 */
export function digestSendTime(moment: Date, zone: string, quiet: QuietHours | null | undefined): Date {
  if (!quiet) return moment;
  const key = `${moment.getTime()}|${zone}|${quiet.start}|${quiet.end}`;
  let end = sendTimes.get(key);
  if (end === undefined) {
    end = quietHoursEnd(moment, zone, quiet)?.getTime() ?? null;
    if (sendTimes.size >= SEND_TIME_CACHE_SIZE) sendTimes.delete(sendTimes.keys().next().value!);
    sendTimes.set(key, end);
  }
  return end === null ? moment : new Date(end);
}

/**
 * When an e-mail held for a digest at `at` goes out: with the recipient's next digest (its cut-off
 * in `zone`), or when that digest's quiet hours end.
 */
export function heldUntil(at: Date, zone: string, hour: number, quiet: QuietHours | null): Date {
  return digestSendTime(nextDigestMoment(at, zone, hour).at, zone, quiet);
}

/** Exponential backoff: `base` × 2^(attempt-1), at most `max`. */
export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}
