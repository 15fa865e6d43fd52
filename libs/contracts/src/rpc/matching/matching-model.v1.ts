import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { LocalizedText } from '@olp/reference-data';
import { PageRequest } from '../../common/pagination.js';

/** Why a pair matches (or what is missing), as a code with parameters; rendered in ar/en/fr. */
export const MATCH_REASON_CODES = [
  'essential-skills',
  'optional-skills',
  'missing-skill',
  'occupation',
  'language',
  'language-missing',
  'education',
  'experience',
  'location-same-country',
  'location-relocate',
  'location-remote',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

export class MatchReason {
  @ApiProperty({ enum: MATCH_REASON_CODES }) code: MatchReasonCode;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { matched: 5, total: 6 } }) params: Record<string, string | number>;
  @ApiProperty({ description: 'The reason in the request language', example: '5 of 6 essential skills' }) text: string;
}

/** `?limit=&cursor=` over a list of matches. */
export class MatchListRequest extends PageRequest {}

export class VacancyMatchesRequest extends MatchListRequest {
  @IsUUID()
  vacancyId: string;
}

export class MatchedVacancy {
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ type: 'object', properties: { ar: { type: 'string' }, en: { type: 'string' }, fr: { type: 'string' } } }) title: LocalizedText;
  @ApiProperty({ description: 'Title in the request language' }) displayTitle: string;
  @ApiProperty({ example: 'QA' }) country: string;
  @ApiProperty() city: string;
  @ApiProperty({ example: '2149' }) iscoCode: string;
  @ApiProperty({ example: '2027-03-31' }) closingDate: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.87 }) score: number;
  @ApiProperty({ type: [MatchReason] }) reasons: MatchReason[];
}

/** A consenting, visible seeker as an employer sees them through matching: no name or contact details. */
export class MatchedSeeker {
  @ApiProperty({ format: 'uuid', description: 'Pseudonymous id; contact happens through applications' }) seekerId: string;
  @ApiProperty({ example: 'JO' }) residenceCountry: string;
  @ApiProperty({ example: 'JO' }) nationality: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [MatchReason] }) reasons: MatchReason[];
}

export class SeekerMatchPage {
  @ApiProperty({ type: [MatchedVacancy] }) items: MatchedVacancy[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class VacancyMatchPage {
  @ApiProperty({ type: [MatchedSeeker] }) items: MatchedSeeker[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MatchingExport {
  @ApiProperty({ type: [MatchedVacancy], description: 'The vacancies the platform matched me with' })
  matches: MatchedVacancy[];
}
