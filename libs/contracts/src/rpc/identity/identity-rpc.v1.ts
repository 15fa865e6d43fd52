import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { IsMemberState, LOCALES, type Locale } from '@olp/reference-data';
import { ROLES, SELF_REGISTRATION_ROLES, type Role } from '../../common/roles.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export class RegisterUserRequest {
  @ApiProperty({ example: 'amina@example.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 12 characters with a letter and a digit; not the e-mail address.',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'أمينة الحسن', minLength: 1, maxLength: 120 })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: LOCALES, example: 'ar' })
  @IsIn(LOCALES)
  locale: Locale;

  @ApiProperty({ example: 'QA', description: 'ISO 3166 alpha-2 code of an OIC member state' })
  @IsMemberState()
  country: string;

  @ApiPropertyOptional({ example: 'Asia/Qatar', description: "IANA time zone; default: the country's (its first zone)" })
  @IsOptional()
  @IsTimeZone()
  @MaxLength(64)
  timeZone?: string;

  @ApiProperty({ enum: SELF_REGISTRATION_ROLES, example: 'seeker' })
  @IsIn(SELF_REGISTRATION_ROLES)
  role: Role;
}

/** Admin-only: coordinators, focal points and further admins. */
export class CreateUserRequest {
  @ApiProperty({ example: 'coordinator@sesric.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ minLength: 1, maxLength: 120 })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  locale: Locale;

  @ApiProperty({ example: 'TR' })
  @IsMemberState()
  country: string;

  @ApiPropertyOptional({ example: 'Asia/Qatar', description: "IANA time zone; default: the country's (its first zone)" })
  @IsOptional()
  @IsTimeZone()
  @MaxLength(64)
  timeZone?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['coordinator'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({
    type: [String],
    example: ['TR', 'AZ'],
    description: 'Member states a coordinator or focal point acts for (required for those roles).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  countryScope?: string[];
}

/** Admin-only: the roles an account holds and the member states it acts for. */
export class SetUserRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['focal-point'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({
    type: [String],
    example: ['SN'],
    description: 'Required for coordinators and focal points; a focal point acts for exactly one member state.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  countryScope?: string[];
}

export class SetUserRolesCommand extends SetUserRolesRequest {
  @IsUUID()
  userId: string;
}

export class LoginRequest {
  @ApiProperty({ example: 'amina@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

/** What the gateway adds to a login: the caller's address, for per-address throttling. */
export class LoginCommand extends LoginRequest {
  @IsString()
  @MaxLength(64)
  clientAddress: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token from the last login or refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class LogoutRequest extends RefreshRequest {}

export class UpdateMeRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Africa/Casablanca', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone()
  @MaxLength(64)
  timeZone?: string;
}

export class EmptyRequest {}

export class DeleteUserRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: LOCALES })
  locale: Locale;

  @ApiProperty({ example: 'QA' })
  country: string;

  @ApiProperty({ example: 'Asia/Qatar', description: 'IANA time zone' })
  timeZone: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ type: [String] })
  countryScope: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class TokenPair {
  @ApiProperty({ description: 'Short-lived JWT (ES256) for the Authorization: Bearer header' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;

  @ApiProperty({ description: 'Single-use token to obtain the next pair; rotate on every use' })
  refreshToken: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt: string;
}

export class JwkView {
  @ApiProperty() kty: string;
  @ApiProperty() kid: string;
  @ApiProperty() alg: string;
  @ApiProperty() use: string;
  @ApiPropertyOptional() crv?: string;
  @ApiPropertyOptional() x?: string;
  @ApiPropertyOptional() y?: string;
}

export class JwksView {
  @ApiProperty({ type: [JwkView] })
  keys: JwkView[];
}

export class Acknowledged {
  @ApiProperty({ example: true })
  ok: true;
}
