import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CEFR_LEVELS, IsCurrencyCode, IsLanguageCode, IsMemberState, type CefrLevel, type LocalizedText } from '@olp/reference-data';
import { IsCalendarDate, IsLocalizedText } from '../../common/localized-text.validator.js';
import { PageRequest } from '../../common/pagination.js';

export const ISIC_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;
export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const WORK_MODES = ['on-site', 'hybrid', 'remote'] as const;
export const CONTRACT_TYPES = ['permanent', 'fixed-term', 'part-time', 'internship', 'apprenticeship', 'seasonal'] as const;
export const SALARY_PERIODS = ['hour', 'day', 'month', 'year'] as const;
export const VACANCY_STATUSES = ['draft', 'published', 'closed', 'filled', 'expired'] as const;
export const CLOSE_REASONS = ['closed', 'filled', 'cancelled'] as const;
export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type WorkMode = (typeof WORK_MODES)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const LOCALIZED_SCHEMA = {
  type: 'object',
  properties: { ar: { type: 'string' }, en: { type: 'string' }, fr: { type: 'string' } },
  description: 'At least one of ar, en, fr',
} as const;

// ---------- employers ----------

export class CreateEmployerRequest {
  @ApiProperty({ ...LOCALIZED_SCHEMA, example: { ar: 'شركة الدوحة للإنشاءات', en: 'Doha Construction Company' } })
  @IsLocalizedText(200)
  name: LocalizedText;

  @ApiPropertyOptional({ ...LOCALIZED_SCHEMA })
  @IsOptional()
  @IsLocalizedText(5000)
  description?: LocalizedText;

  @ApiProperty({ example: 'QA' })
  @IsMemberState()
  country: string;

  @ApiProperty({ enum: ISIC_SECTIONS, description: 'ISIC Rev.4 section', example: 'F' })
  @IsIn(ISIC_SECTIONS)
  isicSection: string;

  @ApiProperty({ enum: EMPLOYER_SIZES, description: 'micro 1–9, small 10–49, medium 50–249, large 250+' })
  @IsIn(EMPLOYER_SIZES)
  size: string;

  @ApiPropertyOptional({ example: 'https://example.qa' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}

export class EmployerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(LOCALIZED_SCHEMA) name: LocalizedText;
  @ApiProperty({ description: 'The name in the request language' }) displayName: string;
  @ApiPropertyOptional(LOCALIZED_SCHEMA) description?: LocalizedText;
  @ApiProperty() country: string;
  @ApiProperty({ enum: ISIC_SECTIONS }) isicSection: string;
  @ApiProperty({ enum: EMPLOYER_SIZES }) size: string;
  @ApiPropertyOptional() website?: string;
  @ApiProperty({ description: 'Whether the caller is a member of this organisation' }) isMember: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EmployerRef {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  employerId: string;
}

// ---------- vacancies ----------

export class VacancySkillDto {
  @ApiProperty({ example: 'osh.risk-assessment', description: 'A skill id from /reference/skills' })
  @IsString()
  @Length(3, 120)
  skillId: string;

  @ApiProperty({ description: 'Essential skills weigh more in matching' })
  @IsBoolean()
  essential: boolean;
}

export class LanguageRequirementDto {
  @ApiProperty({ example: 'ar', description: 'ISO 639-1' })
  @IsLanguageCode()
  code: string;

  @ApiProperty({ enum: CEFR_LEVELS, example: 'B2' })
  @IsIn(CEFR_LEVELS)
  minLevel: CefrLevel;
}

export class SalaryDto {
  @ApiProperty({ description: 'In minor units of the currency (e.g. dirhams × 100)', example: 1500000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  min: number;

  @ApiProperty({ example: 2000000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  max: number;

  @ApiProperty({ example: 'QAR' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ enum: SALARY_PERIODS })
  @IsIn(SALARY_PERIODS)
  period: string;
}

export class EligibilityDto {
  @ApiProperty({ enum: ['all-member-states', 'listed'], description: 'Who may apply, by nationality' })
  @IsIn(['all-member-states', 'listed'])
  scope: 'all-member-states' | 'listed';

  @ApiPropertyOptional({ type: [String], example: ['JO', 'EG'], description: 'Required when scope is listed' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  countries?: string[];
}

/** The editable content of a vacancy (every field of a draft; all optional in an edit). */
export class VacancyContentDto {
  @ApiProperty({ ...LOCALIZED_SCHEMA, example: { ar: 'مهندس سلامة مهنية', en: 'Occupational safety engineer' } })
  @IsLocalizedText(200)
  title: LocalizedText;

  @ApiProperty({ ...LOCALIZED_SCHEMA })
  @IsLocalizedText(10000)
  description: LocalizedText;

  @ApiProperty({ example: '2149', description: 'ISCO-08 unit group (4 digits)' })
  @Matches(/^\d{4}$/)
  iscoCode: string;

  @ApiProperty({ type: [VacancySkillDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VacancySkillDto)
  skills: VacancySkillDto[];

  @ApiProperty({ type: [LanguageRequirementDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageRequirementDto)
  languages: LanguageRequirementDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 8, description: 'Minimum ISCED 2011 level' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8)
  minEducationLevel?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minExperienceYears?: number;

  @ApiProperty({ example: 'QA' })
  @IsMemberState()
  country: string;

  @ApiProperty({ example: 'Doha' })
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ enum: WORK_MODES })
  @IsIn(WORK_MODES)
  workMode: WorkMode;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @ApiPropertyOptional({ type: SalaryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SalaryDto)
  salary?: SalaryDto;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 2 })
  @IsInt()
  @Min(1)
  @Max(1000)
  positions: number;

  @ApiProperty({ type: EligibilityDto })
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility: EligibilityDto;

  @ApiProperty()
  @IsBoolean()
  relocationSupport: boolean;

  @ApiProperty()
  @IsBoolean()
  visaSupport: boolean;

  @ApiProperty({ example: '2027-03-31', description: 'Last day to apply (UTC); expiry closes the vacancy after it' })
  @IsCalendarDate()
  closingDate: string;
}

export class CreateVacancyRequest extends VacancyContentDto {
  @ApiProperty({ format: 'uuid', description: 'An organisation the caller belongs to' })
  @IsUUID()
  employerId: string;
}

export class VacancyRef {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  vacancyId: string;
}

/** PATCH: any subset of the content; the expected version comes from If-Match. */
export class UpdateVacancyRequest {
  @ApiPropertyOptional(LOCALIZED_SCHEMA) @IsOptional() @IsLocalizedText(200) title?: LocalizedText;
  @ApiPropertyOptional(LOCALIZED_SCHEMA) @IsOptional() @IsLocalizedText(10000) description?: LocalizedText;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}$/) iscoCode?: string;

  @ApiPropertyOptional({ type: [VacancySkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VacancySkillDto)
  skills?: VacancySkillDto[];

  @ApiPropertyOptional({ type: [LanguageRequirementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageRequirementDto)
  languages?: LanguageRequirementDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(8) minEducationLevel?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50) minExperienceYears?: number;
  @ApiPropertyOptional() @IsOptional() @IsMemberState() country?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) city?: string;
  @ApiPropertyOptional({ enum: WORK_MODES }) @IsOptional() @IsIn(WORK_MODES) workMode?: WorkMode;
  @ApiPropertyOptional({ enum: CONTRACT_TYPES }) @IsOptional() @IsIn(CONTRACT_TYPES) contractType?: ContractType;

  @ApiPropertyOptional({ type: SalaryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SalaryDto)
  salary?: SalaryDto;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) positions?: number;

  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() relocationSupport?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() visaSupport?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() closingDate?: string;
}

export class UpdateVacancyCommand extends UpdateVacancyRequest {
  @IsUUID()
  vacancyId: string;

  /** From If-Match; the edit applies only to this version. */
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

export class CloseVacancyRequest {
  @ApiProperty({ enum: CLOSE_REASONS, description: 'filled → status filled; otherwise closed' })
  @IsIn(CLOSE_REASONS)
  reason: (typeof CLOSE_REASONS)[number];
}

export class CloseVacancyCommand extends CloseVacancyRequest {
  @IsUUID()
  vacancyId: string;
}

export class ResolvedText {
  @ApiProperty({ description: 'Title in the request language (or the fallback)' }) title: string;
  @ApiProperty() description: string;
}

export class VacancyView extends VacancyContentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ description: "The employer's name in the request language" }) employerName: string;
  @ApiProperty({ enum: VACANCY_STATUSES }) status: VacancyStatus;
  @ApiProperty({ description: 'Send as If-Match (quoted) to edit' }) version: number;
  @ApiProperty({ type: ResolvedText }) resolved: ResolvedText;
  @ApiPropertyOptional({ format: 'date-time' }) publishedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() closeReason?: string;
  @ApiProperty({ description: 'Applications received (kept after applicants erase their data)' }) applicationCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

// ---------- search ----------

export class SearchVacanciesRequest {
  @ApiPropertyOptional({ description: 'Words in Arabic, English or French' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: [String], description: 'Vacancy country (ISO alpha-2); repeat for several' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(57)
  @IsMemberState({ each: true })
  country?: string[];

  @ApiPropertyOptional({ description: 'ISCO-08 code at any level (1–4 digits)' })
  @IsOptional()
  @Matches(/^\d{1,4}$/)
  occupation?: string;

  @ApiPropertyOptional({ type: [String], description: 'Skill ids; a vacancy must require all of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(3, 120, { each: true })
  skill?: string[];

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CONTRACT_TYPES, { each: true })
  contractType?: ContractType[];

  @ApiPropertyOptional({ enum: WORK_MODES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(WORK_MODES, { each: true })
  workMode?: WorkMode[];

  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsCalendarDate()
  postedSince?: string;

  @ApiPropertyOptional({ description: 'Only vacancies open to applicants of this nationality', example: 'JO' })
  @IsOptional()
  @IsMemberState()
  openTo?: string;

  @ApiPropertyOptional({ enum: ['relevance', 'recency'], description: 'Default: relevance with q, else recency' })
  @IsOptional()
  @IsIn(['relevance', 'recency'])
  sort?: 'relevance' | 'recency';

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;
}

export class FacetValue {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class VacancyFacets {
  @ApiProperty({ type: [FacetValue] }) country: FacetValue[];
  @ApiProperty({ type: [FacetValue] }) contractType: FacetValue[];
  @ApiProperty({ type: [FacetValue] }) workMode: FacetValue[];
  @ApiProperty({ type: [FacetValue], description: 'ISCO-08 major group' }) occupationMajor: FacetValue[];
}

export class VacancySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(LOCALIZED_SCHEMA) title: LocalizedText;
  @ApiProperty({ description: 'Title in the request language' }) displayTitle: string;
  @ApiProperty() employerName: string;
  @ApiProperty() iscoCode: string;
  @ApiProperty() country: string;
  @ApiProperty() city: string;
  @ApiProperty({ enum: WORK_MODES }) workMode: WorkMode;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiPropertyOptional({ type: SalaryDto }) salary?: SalaryDto;
  @ApiProperty({ example: '2027-03-31' }) closingDate: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class VacancySearchResult {
  @ApiProperty({ type: [VacancySummary] }) items: VacancySummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Matches across all pages; when totalIsLowerBound, at least this many' }) total: number;
  @ApiProperty({
    description:
      'true when the search matched more vacancies than the service counts (SEARCH_CANDIDATE_LIMIT, default 1,000, the newest matches): ' +
      'total and the facet counts are then counted over those newest matches only (lower bounds; show e.g. "1,000+"), and relevance order ' +
      'ranks those only. Recency order still pages through every match.',
  })
  totalIsLowerBound: boolean;
  @ApiProperty({ type: VacancyFacets, description: 'Counts for the current query and filters (lower bounds when totalIsLowerBound)' }) facets: VacancyFacets;
}

/**
 * The search generation: it changes whenever what public search can return may have changed (a
 * vacancy published, edited while published, closed, filled or expired; an employer renamed) and
 * when the date (UTC) changes, since closing dates pass at midnight. Caches of search results keep
 * what they computed under a generation and may reuse it while the generation is the same.
 * Compare for equality only.
 */
export class SearchGenerationView {
  @ApiProperty({ example: '1842@2026-11-20' }) generation: string;
}

/** Whether a search may return something else now than at generation `since` (its cursor is ignored). */
export class SearchChangedRequest extends SearchVacanciesRequest {
  @IsString()
  @MaxLength(100)
  since: string;
}

export class SearchChangeView {
  /** false: the search returns today what it returned at `since`, as of `generation`. */
  @ApiProperty() changed: boolean;
  /** The current generation, read in the same snapshot as the answer. */
  @ApiProperty({ example: '1843@2026-11-20' }) generation: string;
}

// ---------- applications ----------

export class ApplyRequest {
  @ApiProperty({ maxLength: 5000, example: 'أرغب في التقدم لهذه الوظيفة…' })
  @IsString()
  @Length(1, 5000)
  coverNote: string;
}

/** What the gateway sends: the seeker's profile as it stands now, frozen into the application. */
export class ApplyCommand extends ApplyRequest {
  @IsUUID()
  vacancyId: string;

  @IsOptional()
  profileSnapshot?: Record<string, unknown>;
}

export class ChangeApplicationStatusRequest {
  @ApiProperty({ enum: APPLICATION_STATUSES.filter((s) => s !== 'submitted') })
  @IsIn(APPLICATION_STATUSES.filter((s) => s !== 'submitted'))
  status: ApplicationStatus;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ChangeApplicationStatusCommand extends ChangeApplicationStatusRequest {
  @IsUUID()
  applicationId: string;
}

export class ApplicationHistoryEntry {
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', description: 'Who made the change' }) by: string;
  @ApiPropertyOptional() note?: string;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ description: 'Vacancy title in the request language' }) vacancyTitle: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty() coverNote: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "The seeker's profile when they applied" })
  profileSnapshot?: Record<string, unknown>;
  @ApiProperty({ type: [ApplicationHistoryEntry] }) history: ApplicationHistoryEntry[];
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ListApplicationsRequest extends PageRequest {
  /** Set: that vacancy's applications (members of its organisation). Unset: the caller's own. */
  @IsOptional()
  @IsUUID()
  vacancyId?: string;
}

export class ApplicationPage {
  @ApiProperty({ type: [ApplicationView] }) items: ApplicationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class VacanciesExport {
  @ApiProperty({ type: [ApplicationView], description: "The seeker's applications, with the profile snapshots they shared" })
  applications: ApplicationView[];
}
