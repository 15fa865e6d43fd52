/**
 * A country's default IANA time zone: the first zone ICU (CLDR) lists for the region, which for
 * countries spanning several zones is the capital's or the most populous one (Indonesia →
 * Asia/Jakarta, Kazakhstan → Asia/Almaty). 'UTC' when the region is unknown to ICU.
 */
export function defaultTimeZone(country: string): string {
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    const zones = typeof locale.getTimeZones === 'function' ? locale.getTimeZones() : locale.timeZones;
    return zones?.[0] ?? 'UTC';
  } catch {
    return 'UTC';
  }
}
