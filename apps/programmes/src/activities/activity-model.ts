import type { ActivityModality, ActivityStatus, ActivityType, ActivityView, CreateActivityRequest, FieldError, UpdateActivityRequest } from '@olp/contracts';
import { resolveText, type Locale, type LocalizedText } from '@olp/reference-data';

export interface ActivityRow {
  id: string;
  programme_code: string;
  type: ActivityType;
  title: LocalizedText;
  description: LocalizedText;
  host_country: string;
  provider_countries: string[];
  beneficiary_countries: string[];
  modality: ActivityModality;
  languages: string[];
  start_date: string;
  end_date: string;
  application_deadline: string;
  seats: number;
  country_quota: number | null;
  status: ActivityStatus;
  confirmed: number;
  waitlisted: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const ACTIVITY_COLUMNS = `a.id, a.programme_code, a.type, a.title, a.description, a.host_country, a.provider_countries, a.beneficiary_countries,
  a.modality, a.languages, a.start_date::text AS start_date, a.end_date::text AS end_date, a.application_deadline::text AS application_deadline,
  a.seats, a.country_quota, a.status, a.confirmed, a.waitlisted, a.version, a.created_at, a.updated_at`;

export function toActivityView(row: ActivityRow, locale: Locale): ActivityView {
  return {
    id: row.id,
    programmeCode: row.programme_code,
    type: row.type,
    title: row.title,
    description: row.description,
    displayTitle: resolveText(row.title, locale) ?? '',
    hostCountry: row.host_country.trim(),
    providerCountries: row.provider_countries,
    beneficiaryCountries: row.beneficiary_countries,
    modality: row.modality,
    languages: row.languages,
    startDate: row.start_date,
    endDate: row.end_date,
    applicationDeadline: row.application_deadline,
    seats: row.seats,
    countryQuota: row.country_quota,
    status: row.status,
    confirmed: row.confirmed,
    waitlisted: row.waitlisted,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Column values for the content fields present in `input` (seats and quota are the seat book's business). */
export function contentColumns(input: UpdateActivityRequest | CreateActivityRequest): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (input.type !== undefined) c['type'] = input.type;
  if (input.title !== undefined) c['title'] = JSON.stringify(input.title);
  if (input.description !== undefined) c['description'] = JSON.stringify(input.description);
  if (input.hostCountry !== undefined) c['host_country'] = input.hostCountry;
  if (input.providerCountries !== undefined) c['provider_countries'] = input.providerCountries;
  if (input.beneficiaryCountries !== undefined) c['beneficiary_countries'] = input.beneficiaryCountries;
  if (input.modality !== undefined) c['modality'] = input.modality;
  if (input.languages !== undefined) c['languages'] = input.languages;
  if (input.startDate !== undefined) c['start_date'] = input.startDate;
  if (input.endDate !== undefined) c['end_date'] = input.endDate;
  if (input.applicationDeadline !== undefined) c['application_deadline'] = input.applicationDeadline;
  return c;
}

/** Date order of the activity as it would be: deadline ≤ start ≤ end. */
export function dateProblems(dates: { startDate: string; endDate: string; applicationDeadline: string }): FieldError[] {
  const problems: FieldError[] = [];
  if (dates.endDate < dates.startDate) problems.push({ field: 'endDate', rule: 'notBeforeStartDate' });
  if (dates.applicationDeadline > dates.startDate) problems.push({ field: 'applicationDeadline', rule: 'notAfterStartDate' });
  return problems;
}
