import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ServiceConfig } from '@olp/platform';

/** The identity service's environment. Every variable is documented in the README. */
export class IdentityConfig extends ServiceConfig {
  override PORT = 3001;

  override DATABASE_URL = 'postgres://olp_identity:olp_identity@127.0.0.1:5432/olp';

  @IsString()
  @Length(1, 200)
  JWT_ISSUER = 'https://olp.oic-labour.org';

  @IsString()
  @Length(1, 200)
  JWT_AUDIENCE = 'olp-api';

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** A new signing key is made when the newest is older than this; older keys stay published until their tokens expire. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  SIGNING_KEY_ROTATION_DAYS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** With BOOTSTRAP_ADMIN_PASSWORD: the first admin, created at start when no admin exists. */
  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @Length(12, 128)
  BOOTSTRAP_ADMIN_PASSWORD?: string;
}
