import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { PageRequest } from '../../common/pagination.js';

/**
 * What a notification is about, for preferences. `essential` is critical: notices a person relies
 * on (a vacancy they applied to closed, an activity they are enrolled in cancelled) reach them on
 * every channel whatever their opt-outs.
 */
export const NOTIFICATION_CATEGORIES = ['matches', 'applications', 'programmes', 'essential'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Categories whose channel opt-outs are ignored (and whose e-mails never wait for the digest). */
export const CRITICAL_CATEGORIES: readonly NotificationCategory[] = ['essential'];

export const NOTIFICATION_CHANNELS = ['in-app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const EMAIL_MODES = ['immediate', 'daily'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/**
 * Where an e-mail stands: `pending` (due, or waiting for quiet hours to end), `held` (waiting for the
 * daily digest), `sent`, `failed` (gave up after the last attempt), `off` (the recipient's
 * preferences left e-mail out, when the notification was created or before the e-mail went).
 */
export const EMAIL_STATUSES = ['pending', 'held', 'sent', 'failed', 'off'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `GET /me/notifications?unread=&limit=&cursor=`: newest first. */
export class ListNotificationsRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'Only notifications not yet read' })
  @IsOptional()
  @IsBoolean()
  unread?: boolean;
}

/** The notifications created after a sequence number, oldest first (the stream's resumption). */
export class NotificationsSinceRequest {
  @IsString()
  @Matches(/^\d{1,15}$/)
  afterSequence: string;
}

export class NotificationRef {
  @IsUUID()
  notificationId: string;
}

export class EmailDeliveryView {
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty({ description: 'Sending attempts so far' }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt (or the digest) is due' }) dueAt: string | null;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Per-recipient sequence number, increasing; the stream uses it as the event id', example: '42' }) sequence: string;
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES }) category: NotificationCategory;
  @ApiProperty({ example: 'match.found', description: 'Template key' }) type: string;
  @ApiProperty({ description: 'In the request language' }) title: string;
  @ApiProperty({ description: 'In the request language' }) body: string;
  @ApiProperty({ example: '/vacancies/3f1c…', description: 'Where the portal should take the reader' }) link: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids of what it is about (vacancyId, applicationId, …)' }) refs: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: EmailDeliveryView }) email: EmailDeliveryView;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class NotificationList {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
}

export class UnreadCount {
  @ApiProperty({ example: 3 }) count: number;
  @ApiProperty({ example: '42', description: 'Sequence number of the newest in-app notification (0: none yet)' }) latestSequence: string;
}

export class MarkedRead {
  @ApiProperty({ example: 3, description: 'Notifications marked read by this call' }) marked: number;
}

export class CategoryPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES })
  @IsIn(NOTIFICATION_CATEGORIES)
  category: NotificationCategory;

  @ApiProperty({ description: 'Store and show it in the app' })
  @IsBoolean()
  inApp: boolean;

  @ApiProperty({ description: 'Send it by e-mail' })
  @IsBoolean()
  email: boolean;

  @ApiProperty({ enum: EMAIL_MODES, description: 'E-mail each notification at once, or gather them in one daily digest' })
  @IsIn(EMAIL_MODES)
  emailMode: EmailMode;
}

export class QuietHoursDto {
  @ApiProperty({ example: '22:00', description: 'Local time (the account time zone) from which e-mails wait' })
  @Matches(HH_MM)
  start: string;

  @ApiProperty({ example: '07:00', description: 'Local time at which held e-mails go out' })
  @Matches(HH_MM)
  end: string;
}

export class PutPreferencesRequest {
  @ApiProperty({ type: [CategoryPreferenceDto], description: 'Categories left out keep their defaults' })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_CATEGORIES.length)
  @ArrayUnique((p: CategoryPreferenceDto) => p.category)
  @ValidateNested({ each: true })
  @Type(() => CategoryPreferenceDto)
  categories: CategoryPreferenceDto[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'Absent or null: no quiet hours' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

export class CategoryPreferenceView {
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES }) category: NotificationCategory;
  @ApiProperty({ description: 'Critical: opt-outs are ignored, e-mails never wait for the digest' }) critical: boolean;
  @ApiProperty() inApp: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty({ enum: EMAIL_MODES }) emailMode: EmailMode;
}

export class NotificationPreferencesView {
  @ApiProperty({ type: [CategoryPreferenceView] }) categories: CategoryPreferenceView[];
  @ApiProperty({ type: QuietHoursDto, nullable: true }) quietHours: QuietHoursDto | null;
  @ApiProperty({ example: 'Asia/Qatar', description: 'The account time zone quiet hours and the digest follow (set on the account)' }) timeZone: string;
  @ApiProperty({ example: 8, description: 'Local hour at which the daily digest goes out' }) digestHour: number;
}

export class NotificationsExport {
  @ApiProperty({ type: [NotificationView] }) notifications: NotificationView[];
  @ApiProperty({ type: NotificationPreferencesView }) preferences: NotificationPreferencesView;
}
