import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ServiceConfig } from '@olp/platform';

/** The default of SEARCH_CANDIDATE_LIMIT. */
export const DEFAULT_CANDIDATE_LIMIT = 1000;

/** The vacancies service's environment. Every variable is documented in the README. */
export class VacanciesConfig extends ServiceConfig {
  override PORT = 3002;

  override DATABASE_URL = 'postgres://olp_vacancies:olp_vacancies@127.0.0.1:5432/olp';

  /** A taxonomy snapshot (olp-taxonomy/v1, from the ESCO importer); unset means the built-in ISCO-08 and skills. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  TAXONOMY_FILE?: string;

  /** How often each replica closes published vacancies whose closing date has passed. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  EXPIRY_INTERVAL_MS = 60000;

  /**
   * How long a replica keeps a search result page and its facet counts for the same query
   * (0: never). Reused only while the search generation is unchanged, so a change through any
   * replica shows at once; this only bounds how long an entry is kept.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60000)
  SEARCH_CACHE_TTL_MS = 5000;

  /**
   * How many of the newest matches a search works on: total and facet counts are exact up to this
   * many matches and a lower bound beyond (`totalIsLowerBound`), and relevance order ranks these.
   * Recency pages still reach every match.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SEARCH_CANDIDATE_LIMIT = DEFAULT_CANDIDATE_LIMIT;
}
