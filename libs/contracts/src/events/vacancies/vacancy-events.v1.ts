import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { LocalizedText } from '@olp/reference-data';
import { IsCalendarDate, IsLocalizedText } from '../../common/localized-text.validator.js';
import {
  APPLICATION_STATUSES,
  CONTRACT_TYPES,
  EligibilityDto,
  LanguageRequirementDto,
  VacancySkillDto,
  WORK_MODES,
  type ApplicationStatus,
  type ContractType,
  type WorkMode,
} from '../../rpc/vacancies/vacancies-model.v1.js';

/** What matching and notifications need about an open vacancy, so they never call back. */
export class VacancySnapshotV1 {
  @IsUUID() vacancyId: string;
  @IsUUID() employerId: string;
  @IsLocalizedText(200) title: LocalizedText;
  @Matches(/^\d{4}$/) iscoCode: string;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VacancySkillDto)
  skills: VacancySkillDto[];

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageRequirementDto)
  languages: LanguageRequirementDto[];

  @IsOptional() @IsInt() @Min(0) @Max(8) minEducationLevel?: number;
  @IsOptional() @IsInt() @Min(0) @Max(50) minExperienceYears?: number;
  @Matches(/^[A-Z]{2}$/) country: string;
  @IsString() city: string;
  @IsIn(WORK_MODES) workMode: WorkMode;
  @IsIn(CONTRACT_TYPES) contractType: ContractType;

  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility: EligibilityDto;

  @IsBoolean() relocationSupport: boolean;
  @IsBoolean() visaSupport: boolean;
  @IsCalendarDate() closingDate: string;
  @IsInt() @Min(1) version: number;
}

/** `vacancies.vacancy.published.v1` */
export class VacancyPublishedV1 extends VacancySnapshotV1 {
  @IsISO8601() publishedAt: string;
}

/** `vacancies.vacancy.updated.v1`: a published vacancy's content changed. */
export class VacancyUpdatedV1 extends VacancySnapshotV1 {
  @IsISO8601() updatedAt: string;
}

/** `vacancies.vacancy.closed.v1`: no longer open (closed, filled, expired), with who had applied. */
export class VacancyClosedV1 {
  @IsUUID() vacancyId: string;
  @IsUUID() employerId: string;
  @IsLocalizedText(200) title: LocalizedText;
  @IsIn(['closed', 'filled', 'cancelled', 'expired']) reason: 'closed' | 'filled' | 'cancelled' | 'expired';
  @IsISO8601() closedAt: string;

  @IsArray()
  @ArrayMaxSize(100000)
  @IsUUID('all', { each: true })
  applicantIds: string[];
}

/** `vacancies.application.submitted.v1` */
export class ApplicationSubmittedV1 {
  @IsUUID() applicationId: string;
  @IsUUID() vacancyId: string;
  @IsUUID() employerId: string;
  @IsUUID() seekerId: string;
  @IsLocalizedText(200) vacancyTitle: LocalizedText;

  /** The employer's members, who are told. */
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  employerMemberIds: string[];

  @IsISO8601() submittedAt: string;
}

/** `vacancies.application.status-changed.v1` */
export class ApplicationStatusChangedV1 {
  @IsUUID() applicationId: string;
  @IsUUID() vacancyId: string;
  @IsUUID() employerId: string;
  @IsUUID() seekerId: string;
  @IsLocalizedText(200) vacancyTitle: LocalizedText;
  @IsIn(APPLICATION_STATUSES) from: ApplicationStatus;
  @IsIn(APPLICATION_STATUSES) to: ApplicationStatus;
  @IsUUID() changedBy: string;
  @IsISO8601() changedAt: string;
}

/** `vacancies.employer.member-added.v1`: a user now acts for an employer (owner at creation). */
export class EmployerMemberAddedV1 {
  @IsUUID() employerId: string;
  @IsUUID() userId: string;
  @IsIn(['owner', 'member']) role: 'owner' | 'member';
  @IsISO8601() addedAt: string;
}

/** `vacancies.employer.member-removed.v1`: a user no longer acts for an employer. */
export class EmployerMemberRemovedV1 {
  @IsUUID() employerId: string;
  @IsUUID() userId: string;
  @IsISO8601() removedAt: string;
}
