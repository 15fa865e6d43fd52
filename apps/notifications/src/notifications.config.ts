import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@olp/platform';

/** The notifications service's environment. Every variable is documented in the README. */
export class NotificationsConfig extends ServiceConfig {
  override PORT = 3005;

  override DATABASE_URL = 'postgres://olp_notifications:olp_notifications@127.0.0.1:5432/olp';

  /** Where e-mail goes: `smtp://user:pass@host:587`, `smtps://…:465` (nodemailer's URL form). */
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://host:1025 or smtps://user:pass@host:465' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** The From header of every e-mail. */
  @IsString()
  @Length(3, 200)
  MAIL_FROM = 'OIC Labour Market Platform <no-reply@olp.oic-labour.org>';

  /** The portal's public address; e-mails link to `<PORTAL_URL>/vacancies/…` and its settings page. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PORTAL_URL must be an http(s) URL' })
  PORTAL_URL = 'http://localhost:5173';

  /** Sending attempts of one e-mail before it is marked failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS = 10;

  /** Delay before the second attempt; doubles per attempt up to DELIVERY_BACKOFF_MAX_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  DELIVERY_BACKOFF_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  DELIVERY_BACKOFF_MAX_MS = 600_000;

  /** How often each replica looks for due e-mails and digests (it is also woken after each event). */
  @Type(() => Number)
  @IsInt()
  @Min(20)
  @Max(60_000)
  DELIVERY_POLL_MS = 1000;

  /** E-mails one replica claims per pass (and sends at once). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  DELIVERY_BATCH_SIZE = 20;

  /** How long a claimed e-mail stays reserved for the replica sending it. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  DELIVERY_LEASE_MS = 120_000;

  /** Local hour (0–23, the recipient's time zone) of the daily digest's cut-off and sending. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR = 8;

  /**
   * How often a replica looks for recipients whose digest is due (every delivery pass at most).
   * Finding them reads every held e-mail, so not every pass: a digest opens at most this late.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DIGEST_CHECK_MS = 60_000;

  /** SMTP connection and greeting timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SMTP_TIMEOUT_MS = 10_000;
}
