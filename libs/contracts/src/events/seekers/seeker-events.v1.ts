import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { EducationDto, ExperienceDto, MobilityDto, SpokenLanguageDto, VISIBILITIES, type Visibility } from '../../rpc/seekers/seekers-model.v1.js';

/**
 * `seekers.profile.updated.v1`: what matching needs about a seeker, with no name or contact
 * details (matching never shows a person; employers see profiles only through applications).
 */
export class SeekerProfileUpdatedV1 {
  @IsUUID() userId: string;
  @Matches(/^[A-Z]{2}$/) nationality: string;
  @Matches(/^[A-Z]{2}$/) residenceCountry: string;

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SpokenLanguageDto)
  languages: SpokenLanguageDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => EducationDto)
  education?: EducationDto;

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ExperienceDto)
  experience: ExperienceDto[];

  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) skills: string[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) desiredOccupations: string[];

  @ValidateNested()
  @Type(() => MobilityDto)
  mobility: MobilityDto;

  @IsOptional() @IsString() availableFrom?: string;
  @IsIn(VISIBILITIES) visibility: Visibility;
  @IsBoolean() consentToMatching: boolean;
  @IsInt() @Min(1) version: number;
  @IsISO8601() updatedAt: string;
}

/** `seekers.consent.changed.v1`: consent to matching given or withdrawn. */
export class SeekerConsentChangedV1 {
  @IsUUID() userId: string;
  @IsBoolean() consentToMatching: boolean;
  @IsISO8601() changedAt: string;
}

/** `seekers.seeker.erased.v1`: the seeker asked for erasure; every holder of their data erases it. */
export class SeekerErasedV1 {
  @IsUUID() userId: string;
  @IsISO8601() erasedAt: string;
}
