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
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CEFR_LEVELS, IsLanguageCode, IsMemberState, type CefrLevel } from '@olp/reference-data';
import { IsCalendarDate } from '../../common/localized-text.validator.js';

export const VISIBILITIES = ['hidden', 'matching', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const RELOCATION_SCOPES = ['none', 'listed', 'any-member-state'] as const;
export type RelocationScope = (typeof RELOCATION_SCOPES)[number];

export class SpokenLanguageDto {
  @ApiProperty({ example: 'ar' })
  @IsLanguageCode()
  code: string;

  @ApiProperty({ enum: CEFR_LEVELS, example: 'C2' })
  @IsIn(CEFR_LEVELS)
  level: CefrLevel;
}

export class EducationDto {
  @ApiProperty({ minimum: 0, maximum: 8, description: 'ISCED 2011 level', example: 6 })
  @IsInt()
  @Min(0)
  @Max(8)
  level: number;

  @ApiPropertyOptional({ example: 'Civil engineering', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  field?: string;
}

export class ExperienceDto {
  @ApiProperty({ example: '2142', description: 'ISCO-08 unit group' })
  @Matches(/^\d{4}$/)
  iscoCode: string;

  @ApiProperty({ minimum: 0, maximum: 60, example: 5 })
  @IsInt()
  @Min(0)
  @Max(60)
  years: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  employer?: string;

  @ApiPropertyOptional({ example: 'JO' })
  @IsOptional()
  @IsMemberState()
  country?: string;
}

export class MobilityDto {
  @ApiProperty({ enum: RELOCATION_SCOPES, description: 'Where the seeker would move for work' })
  @IsIn(RELOCATION_SCOPES)
  relocate: RelocationScope;

  @ApiPropertyOptional({ type: [String], example: ['QA', 'AE'], description: 'Required when relocate is listed' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  countries?: string[];

  @ApiProperty({ description: 'Open to remote work' })
  @IsBoolean()
  remote: boolean;
}

export class PutProfileRequest {
  @ApiProperty({ example: 'أمينة الحسن', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  fullName: string;

  @ApiProperty({ example: 'JO' })
  @IsMemberState()
  nationality: string;

  @ApiProperty({ example: 'JO' })
  @IsMemberState()
  residenceCountry: string;

  @ApiProperty({ type: [SpokenLanguageDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SpokenLanguageDto)
  languages: SpokenLanguageDto[];

  @ApiPropertyOptional({ type: EducationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EducationDto)
  education?: EducationDto;

  @ApiProperty({ type: [ExperienceDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ExperienceDto)
  experience: ExperienceDto[];

  @ApiProperty({ type: [String], example: ['osh.risk-assessment'], description: 'Skill ids from /reference/skills' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(3, 120, { each: true })
  skills: string[];

  @ApiProperty({ type: [String], example: ['2149'], description: 'ISCO-08 codes (any level)' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^\d{1,4}$/, { each: true })
  desiredOccupations: string[];

  @ApiProperty({ type: MobilityDto })
  @ValidateNested()
  @Type(() => MobilityDto)
  mobility: MobilityDto;

  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptional()
  @IsCalendarDate()
  availableFrom?: string;

  @ApiProperty({ enum: VISIBILITIES, description: 'hidden; visible to employers through matching; public' })
  @IsIn(VISIBILITIES)
  visibility: Visibility;

  @ApiProperty({ description: 'Explicit consent to be matched with vacancies (withdrawable)' })
  @IsBoolean()
  consentToMatching: boolean;
}

export class ProfileView extends PutProfileRequest {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When consent was last given' }) consentGivenAt?: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SeekerExport {
  @ApiPropertyOptional({ type: ProfileView, nullable: true }) profile: ProfileView | null;
}
