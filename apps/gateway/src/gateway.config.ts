import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min, Matches } from 'class-validator';
import { MessagingConfig } from '@olp/platform';

/** The gateway's environment. Every variable is documented in the README. */
export class GatewayConfig extends MessagingConfig {
  override PORT = 3000;

  /** Must match the identity service's JWT_ISSUER / JWT_AUDIENCE. */
  @IsString()
  @Length(1, 200)
  JWT_ISSUER = 'https://olp.oic-labour.org';

  @IsString()
  @Length(1, 200)
  JWT_AUDIENCE = 'olp-api';

  /** Comma-separated origins allowed by CORS; unset or empty: no cross-origin browser access. */
  @Matches(/^$|^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, { message: 'CORS_ORIGINS must be comma-separated http(s) origins' })
  CORS_ORIGINS = '';

  /**
   * Verified access tokens remembered until they expire, so a token's signature is checked once
   * and not on every request (0: verify every request). Each entry is the token and its claims (~1 kB).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  AUTH_TOKEN_CACHE_SIZE = 10_000;

  /** Requests per client address per window, for all routes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_MAX = 600;

  /** Requests per client address per window on /auth routes (credential stuffing). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUTH_RATE_LIMIT_MAX = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  RATE_LIMIT_WINDOW_MS = 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 100 * 1024;

  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY = false;

  /** An ESCO taxonomy snapshot (`npm run esco:import`) served by /reference/occupations and /skills. */
  @IsOptional()
  @IsString()
  TAXONOMY_FILE?: string;

  /**
   * How long the gateway serves an anonymous search response from memory as is (0: no gateway
   * cache). See SEARCH_RESPONSE_CACHE_STALE_MS for the staleness bound.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300_000)
  SEARCH_RESPONSE_CACHE_TTL_MS = 10_000;

  /**
   * After the TTL, how much longer the stale response is still served while it is revalidated in
   * the background (kept if the search generation is unchanged, else searched again). A change
   * shows in anonymous search after at most TTL + SEARCH_GENERATION_CHECK_MS + one search, and
   * never later than TTL + this.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300_000)
  SEARCH_RESPONSE_CACHE_STALE_MS = 20_000;

  /**
   * How old a cached search response may get by being kept without a search while the search
   * generation is unchanged (0: never kept, every stale response searched again). Bounds what
   * the generation cannot see.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  SEARCH_RESPONSE_CACHE_MAX_AGE_MS = 300_000;

  /** How old the search generation the gateway compares stale responses against may be. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SEARCH_GENERATION_CHECK_MS = 1_000;

  /** Most search responses kept per gateway replica (~10 kB each). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SEARCH_RESPONSE_CACHE_MAX_ENTRIES = 5_000;

  /** Where the public API is reachable, for the OpenAPI `servers` entry and printed links. */
  @IsString()
  PUBLIC_URL = 'http://127.0.0.1:3000';
}
