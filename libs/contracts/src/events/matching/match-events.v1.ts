import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNumber, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import type { LocalizedText } from '@olp/reference-data';
import { IsLocalizedText } from '../../common/localized-text.validator.js';
import { MATCH_REASON_CODES, type MatchReasonCode } from '../../rpc/matching/matching-model.v1.js';

export class MatchReasonV1 {
  @IsIn(MATCH_REASON_CODES) code: MatchReasonCode;
  @IsObject() params: Record<string, string | number>;
}

/**
 * `matching.match.found.v1`: a seeker and an open vacancy newly match above the threshold. Sent
 * once per pair (again only after it dropped below and came back), for notifications.
 */
export class MatchFoundV1 {
  @IsUUID() vacancyId: string;
  @IsUUID() employerId: string;
  @IsUUID() seekerId: string;
  @IsLocalizedText(200) vacancyTitle: LocalizedText;
  @IsNumber() @Min(0) @Max(1) score: number;

  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => MatchReasonV1)
  reasons: MatchReasonV1[];

  @IsISO8601() foundAt: string;
}
