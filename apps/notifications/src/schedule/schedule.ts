import { DateTime } from 'luxon';

/** Local times `HH:MM` in the recipient's zone; `start` > `end` spans midnight, `start` = `end` is never. */
export interface QuietHours {
  start: string;
  end: string;
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

/** The latest digest cut-off at or before `at`: `hour`:00 in `zone`, today or yesterday. */
export function lastDigestMoment(at: Date, zone: string, hour: number): DigestMoment {
  const local = DateTime.fromJSDate(at, { zone });
  let moment = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (moment > local) moment = moment.minus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { at: moment.toJSDate(), localDate: moment.toISODate()! };
}

/** The first digest cut-off after `at`. */
export function nextDigestMoment(at: Date, zone: string, hour: number): DigestMoment {
  const last = DateTime.fromJSDate(lastDigestMoment(at, zone, hour).at, { zone });
  const next = last.plus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { at: next.toJSDate(), localDate: next.toISODate()! };
}

/** When a digest whose cut-off is `moment` may go out: at the cut-off, or when quiet hours then end. */
export function digestSendTime(moment: Date, zone: string, quiet: QuietHours | null | undefined): Date {
  return quietHoursEnd(moment, zone, quiet) ?? moment;
}

/** Exponential backoff: `base` × 2^(attempt-1), at most `max`. */
export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}
