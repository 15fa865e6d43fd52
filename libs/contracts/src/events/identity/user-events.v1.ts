import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsTimeZone, IsUUID, Length, Matches } from 'class-validator';
import { LOCALES, type Locale } from '@olp/reference-data';
import { ROLES, type Role } from '../../common/roles.js';

/** The user as other services may hold it (recipient directories, ownership checks). */
class UserSnapshotV1 {
  @IsUUID()
  userId: string;

  @IsEmail()
  email: string;

  @IsString()
  @Length(1, 120)
  displayName: string;

  @IsIn(LOCALES)
  locale: Locale;

  @Matches(/^[A-Z]{2}$/)
  country: string;

  /** IANA time zone (quiet hours, digests, dates in messages). Absent in events written before it existed. */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsArray()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @IsArray()
  @ArrayMaxSize(57)
  @Matches(/^[A-Z]{2}$/, { each: true })
  countryScope: string[];
}

/** `identity.user.registered.v1`: an account exists (self-registered or created by an admin). */
export class UserRegisteredV1 extends UserSnapshotV1 {
  @IsISO8601()
  registeredAt: string;
}

/** `identity.user.updated.v1`: the account's profile (name, locale, time zone, roles, scope) changed. */
export class UserUpdatedV1 extends UserSnapshotV1 {
  @IsISO8601()
  updatedAt: string;
}

/** `identity.user.deleted.v1`: the account is gone; holders of its personal data erase it. */
export class UserDeletedV1 {
  @IsUUID()
  userId: string;

  @IsISO8601()
  deletedAt: string;
}
