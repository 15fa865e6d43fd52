import type { FieldError, PutProfileRequest } from '@olp/contracts';
import type { Taxonomy } from '../taxonomy.provider.js';

export const EARLIEST_AVAILABLE_FROM = '1950-01-01';
export const AVAILABLE_FROM_MAX_YEARS_AHEAD = 5;

/** `YYYY-MM-DD` of `now` (UTC) plus `years`; 29 February rolls to 1 March in common years. */
export function latestAvailableFrom(now: Date, years = AVAILABLE_FROM_MAX_YEARS_AHEAD): string {
  return new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
}

/**
 * The rules the request's contract class cannot check on its own: taxonomy lookups, uniqueness
 * inside nested objects, fields that depend on each other and dates relative to today. Every
 * problem is reported with its field path, so one reply lists everything to fix.
 */
export function profileProblems(request: PutProfileRequest, taxonomy: Taxonomy, now = new Date()): FieldError[] {
  const problems: FieldError[] = [];

  const seen = new Set<string>();
  request.languages.forEach((language, i) => {
    if (seen.has(language.code)) problems.push({ field: `languages[${i}].code`, rule: 'arrayUnique' });
    seen.add(language.code);
  });

  request.experience.forEach((item, i) => {
    if (!taxonomy.isUnitGroup(item.iscoCode)) problems.push({ field: `experience[${i}].iscoCode`, rule: 'unknownOccupation' });
  });

  request.skills.forEach((id, i) => {
    if (!taxonomy.hasSkill(id)) problems.push({ field: `skills[${i}]`, rule: 'unknownSkill' });
  });

  request.desiredOccupations.forEach((code, i) => {
    if (!taxonomy.isIscoCode(code)) problems.push({ field: `desiredOccupations[${i}]`, rule: 'unknownOccupation' });
  });

  const countries = request.mobility.countries ?? [];
  if (request.mobility.relocate === 'listed' && countries.length === 0) {
    problems.push({ field: 'mobility.countries', rule: 'requiredWhenListed' });
  }
  if (request.mobility.relocate !== 'listed' && countries.length > 0) {
    problems.push({ field: 'mobility.countries', rule: 'arrayMaxSize', params: { max: 0 } });
  }

  if (request.availableFrom !== undefined) {
    const max = latestAvailableFrom(now);
    if (request.availableFrom < EARLIEST_AVAILABLE_FROM || request.availableFrom > max) {
      problems.push({ field: 'availableFrom', rule: 'isDateInRange', params: { min: EARLIEST_AVAILABLE_FROM, max } });
    }
  }

  return problems;
}
