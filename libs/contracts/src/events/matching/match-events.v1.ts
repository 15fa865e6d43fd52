import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import type { LocalizedText } from '@olp/reference-data';
import { IsLocalizedText } from '../../common/localized-text.validator.js';

/** Most seekers one `matching.matches.found.v1` names (a larger group is split over several events). */
export const MATCHES_FOUND_MAX_SEEKERS = 1000;

/** One seeker of a `matching.matches.found.v1` event and the pair's score. */
export class FoundSeekerV1 {
  @IsUUID() seekerId: string;
  @IsNumber() @Min(0) @Max(1) score: number;
}

/**
 * `matching.matches.found.v1`: seekers who newly match one open vacancy above the threshold
 * (mutual top matches), for notifications. Each pair is announced once (again only after it
 * dropped below and came back); the pairs of one vacancy found in one projection batch travel
 * together, so a new vacancy is one event rather than one per seeker. The match's reasons are not
 * carried: they are derived when read (`GET /me/matches`). A seeker's erasure removes their entry
 * from events still in matching's outbox.
 */
export class MatchesFoundV1 {
  @IsUUID() vacancyId: string;
  @IsUUID() employerId: string;
  @IsLocalizedText(200) vacancyTitle: LocalizedText;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MATCHES_FOUND_MAX_SEEKERS)
  @ValidateNested({ each: true })
  @Type(() => FoundSeekerV1)
  seekers: FoundSeekerV1[];

  @IsISO8601() foundAt: string;
}
