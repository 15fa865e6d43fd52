import { IsIn, IsInt, IsISO8601, IsUUID, Min } from 'class-validator';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '../../rpc/notifications/notifications-model.v1.js';

/**
 * `notifications.notification.created.v1`: an in-app notification was stored for a user. Ids only
 * (the text is rendered per reader on request): every gateway replica watches the subject and
 * pushes the notification to that user's open streams.
 */
export class NotificationCreatedV1 {
  @IsUUID() notificationId: string;
  @IsUUID() userId: string;
  @IsInt() @Min(1) sequence: number;
  @IsIn(NOTIFICATION_CATEGORIES) category: NotificationCategory;
  @IsISO8601() createdAt: string;
}
