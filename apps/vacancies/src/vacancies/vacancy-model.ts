import type {
  ContractType,
  EligibilityDto,
  FieldError,
  LanguageRequirementDto,
  SalaryDto,
  VacancyContentDto,
  VacancySkillDto,
  VacancySnapshotV1,
  VacancyStatus,
  VacancyView,
  WorkMode,
} from '@olp/contracts';
import { resolveText, type CefrLevel, type Locale, type LocalizedText, type Taxonomy } from '@olp/reference-data';
import { addDays, addYears } from '../common/access.js';

/** A vacancy as read from the database (see VACANCY_COLUMNS), with its employer's name. */
export interface VacancyRow {
  id: string;
  employer_id: string;
  employer_name: LocalizedText;
  status: VacancyStatus;
  title: LocalizedText;
  description: LocalizedText;
  isco_code: string;
  skills: VacancySkillDto[];
  languages: LanguageRequirementDto[];
  min_education_level: number | null;
  min_experience_years: number | null;
  country: string;
  city: string;
  work_mode: WorkMode;
  contract_type: ContractType;
  salary_min: string | null;
  salary_max: string | null;
  salary_currency: string | null;
  salary_period: string | null;
  positions: number;
  eligibility_scope: EligibilityDto['scope'];
  eligibility_countries: string[];
  relocation_support: boolean;
  visa_support: boolean;
  closing_date: string;
  version: number;
  published_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
  application_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Every column of `vacancies v` a view needs, plus `employer_name` from `employers e`. */
export const VACANCY_COLUMNS = `
  v.id, v.employer_id, e.name AS employer_name, v.status, v.title, v.description, v.isco_code, v.skills, v.languages,
  v.min_education_level, v.min_experience_years, v.country, v.city, v.work_mode, v.contract_type,
  v.salary_min, v.salary_max, v.salary_currency, v.salary_period, v.positions, v.eligibility_scope,
  v.eligibility_countries, v.relocation_support, v.visa_support, v.closing_date::text AS closing_date, v.version,
  v.published_at, v.closed_at, v.close_reason, v.application_count, v.created_at, v.updated_at`;

/** The same columns for `UPDATE … RETURNING` (the employer's name is joined in by a sub-select). */
export const VACANCY_RETURNING = VACANCY_COLUMNS.replace('e.name AS employer_name', '(SELECT e.name FROM vacancies.employers e WHERE e.id = v.employer_id) AS employer_name');

export function salaryOf(row: Pick<VacancyRow, 'salary_min' | 'salary_max' | 'salary_currency' | 'salary_period'>): SalaryDto | undefined {
  if (row.salary_min === null || row.salary_max === null || !row.salary_currency || !row.salary_period) return undefined;
  return { min: Number(row.salary_min), max: Number(row.salary_max), currency: row.salary_currency, period: row.salary_period };
}

function eligibilityOf(row: VacancyRow): EligibilityDto {
  return row.eligibility_scope === 'listed' ? { scope: 'listed', countries: row.eligibility_countries } : { scope: 'all-member-states' };
}

function contentOf(row: VacancyRow): VacancyContentDto {
  const salary = salaryOf(row);
  return {
    title: row.title,
    description: row.description,
    iscoCode: row.isco_code,
    skills: row.skills,
    languages: row.languages,
    ...(row.min_education_level !== null ? { minEducationLevel: row.min_education_level } : {}),
    ...(row.min_experience_years !== null ? { minExperienceYears: row.min_experience_years } : {}),
    country: row.country,
    city: row.city,
    workMode: row.work_mode,
    contractType: row.contract_type,
    ...(salary ? { salary } : {}),
    positions: row.positions,
    eligibility: eligibilityOf(row),
    relocationSupport: row.relocation_support,
    visaSupport: row.visa_support,
    closingDate: row.closing_date,
  };
}

export function toVacancyView(row: VacancyRow, locale: Locale): VacancyView {
  return {
    ...contentOf(row),
    id: row.id,
    employerId: row.employer_id,
    employerName: resolveText(row.employer_name, locale) ?? '',
    status: row.status,
    version: row.version,
    resolved: { title: resolveText(row.title, locale) ?? '', description: resolveText(row.description, locale) ?? '' },
    ...(row.published_at ? { publishedAt: row.published_at.toISOString() } : {}),
    ...(row.closed_at ? { closedAt: row.closed_at.toISOString() } : {}),
    ...(row.close_reason ? { closeReason: row.close_reason } : {}),
    applicationCount: row.application_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What matching and notifications get with `published` and `updated` (no salary, nothing personal). */
export function toSnapshot(row: VacancyRow): VacancySnapshotV1 {
  return {
    vacancyId: row.id,
    employerId: row.employer_id,
    title: row.title,
    iscoCode: row.isco_code,
    skills: row.skills.map((s) => ({ skillId: s.skillId, essential: s.essential })),
    languages: row.languages.map((l) => ({ code: l.code, minLevel: l.minLevel })),
    ...(row.min_education_level !== null ? { minEducationLevel: row.min_education_level } : {}),
    ...(row.min_experience_years !== null ? { minExperienceYears: row.min_experience_years } : {}),
    country: row.country,
    city: row.city,
    workMode: row.work_mode,
    contractType: row.contract_type,
    eligibility: eligibilityOf(row),
    relocationSupport: row.relocation_support,
    visaSupport: row.visa_support,
    closingDate: row.closing_date,
    version: row.version,
  };
}

/** A create request or an edit: every content field may be absent (edit) or, for optional ones, null (cleared). */
export type ContentInput = { [K in keyof VacancyContentDto]?: VacancyContentDto[K] | null };

const REQUIRED: (keyof VacancyContentDto)[] = [
  'title',
  'description',
  'iscoCode',
  'skills',
  'languages',
  'country',
  'city',
  'workMode',
  'contractType',
  'positions',
  'eligibility',
  'relocationSupport',
  'visaSupport',
  'closingDate',
];

/**
 * The rules beyond the request's shape, each reported as a field error: a known ISCO unit group,
 * known and distinct skills, distinct languages, salary min ≤ max, listed eligibility with
 * countries (and none otherwise), a closing date after today and at most a year ahead.
 */
export function contentProblems(input: ContentInput, taxonomy: Taxonomy, today: string): FieldError[] {
  const fields: FieldError[] = [];
  for (const key of REQUIRED) {
    if (input[key] === null) fields.push({ field: key, rule: 'isDefined' });
  }
  if (typeof input.iscoCode === 'string' && !taxonomy.isUnitGroup(input.iscoCode)) {
    fields.push({ field: 'iscoCode', rule: 'unknownOccupation' });
  }
  if (Array.isArray(input.skills)) {
    input.skills.forEach((skill, index) => {
      if (!taxonomy.hasSkill(skill.skillId)) fields.push({ field: `skills[${index}].skillId`, rule: 'unknownSkill' });
    });
    if (new Set(input.skills.map((s) => s.skillId)).size !== input.skills.length) fields.push({ field: 'skills', rule: 'arrayUnique' });
  }
  if (Array.isArray(input.languages) && new Set(input.languages.map((l) => l.code)).size !== input.languages.length) {
    fields.push({ field: 'languages', rule: 'arrayUnique' });
  }
  if (input.salary && input.salary.min > input.salary.max) {
    fields.push({ field: 'salary.min', rule: 'lessThanOrEqualMax', params: { max: input.salary.max } });
  }
  if (input.eligibility) {
    const countries = input.eligibility.countries ?? [];
    if (input.eligibility.scope === 'listed' && countries.length === 0) fields.push({ field: 'eligibility.countries', rule: 'requiredWhenListed' });
    if (input.eligibility.scope === 'all-member-states' && countries.length > 0) {
      fields.push({ field: 'eligibility.countries', rule: 'arrayMaxSize', params: { max: 0 } });
    }
  }
  if (typeof input.closingDate === 'string') {
    const latest = addYears(today, 1);
    if (input.closingDate <= today) fields.push({ field: 'closingDate', rule: 'isFutureDate', params: { min: addDays(today, 1) } });
    else if (input.closingDate > latest) fields.push({ field: 'closingDate', rule: 'isDateInRange', params: { min: addDays(today, 1), max: latest } });
  }
  return fields;
}

/** Column values for the given content fields (only those present; null clears an optional one). */
export function contentColumns(input: ContentInput): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (input.title) c['title'] = JSON.stringify(input.title);
  if (input.description) c['description'] = JSON.stringify(input.description);
  if (input.iscoCode) c['isco_code'] = input.iscoCode;
  if (input.skills) {
    c['skills'] = JSON.stringify(input.skills.map((s) => ({ skillId: s.skillId, essential: s.essential })));
    c['skill_ids'] = input.skills.map((s) => s.skillId);
  }
  if (input.languages) c['languages'] = JSON.stringify(input.languages.map((l) => ({ code: l.code, minLevel: l.minLevel as CefrLevel })));
  if (input.minEducationLevel !== undefined) c['min_education_level'] = input.minEducationLevel;
  if (input.minExperienceYears !== undefined) c['min_experience_years'] = input.minExperienceYears;
  if (input.country) c['country'] = input.country;
  if (input.city) c['city'] = input.city;
  if (input.workMode) c['work_mode'] = input.workMode;
  if (input.contractType) c['contract_type'] = input.contractType;
  if (input.salary !== undefined) {
    c['salary_min'] = input.salary?.min ?? null;
    c['salary_max'] = input.salary?.max ?? null;
    c['salary_currency'] = input.salary?.currency ?? null;
    c['salary_period'] = input.salary?.period ?? null;
  }
  if (input.positions !== undefined && input.positions !== null) c['positions'] = input.positions;
  if (input.eligibility) {
    c['eligibility_scope'] = input.eligibility.scope;
    c['eligibility_countries'] = input.eligibility.scope === 'listed' ? (input.eligibility.countries ?? []) : [];
  }
  if (typeof input.relocationSupport === 'boolean') c['relocation_support'] = input.relocationSupport;
  if (typeof input.visaSupport === 'boolean') c['visa_support'] = input.visaSupport;
  if (input.closingDate) c['closing_date'] = input.closingDate;
  return c;
}
