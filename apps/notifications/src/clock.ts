/** The service's notion of now: quiet hours, digests and due times are computed from it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('NOTIFICATIONS_CLOCK');

export const systemClock: Clock = { now: () => new Date() };
