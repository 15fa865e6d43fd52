import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsUUID, Min, ValidateNested } from 'class-validator';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '../../rpc/notifications/notifications-model.v1.js';

/** Most notifications one `notifications.notifications.created.v1` names (more are split over several events). */
export const NOTIFICATIONS_CREATED_MAX = 1000;

/** One in-app notification of a `notifications.notifications.created.v1` event: ids and the recipient's sequence. */
export class CreatedNotificationV1 {
  @IsUUID() notificationId: string;
  @IsUUID() userId: string;
  @IsInt() @Min(1) sequence: number;
  @IsIn(NOTIFICATION_CATEGORIES) category: NotificationCategory;
}

/**
 * `notifications.notifications.created.v1`: in-app notifications were stored, those of one
 * dispatch transaction together (a vacancy's matches tell dozens of seekers at once). Ids only
 * (the text is rendered per reader on request): every gateway replica watches the subject and
 * pushes each notification to its user's open streams. A user's erasure removes their entries
 * from events still in the notifications outbox.
 */
export class NotificationsCreatedV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATIONS_CREATED_MAX)
  @ValidateNested({ each: true })
  @Type(() => CreatedNotificationV1)
  notifications: CreatedNotificationV1[];

  @IsISO8601() createdAt: string;
}
