import { MESSAGING_MIGRATIONS } from '@olp/messaging';
import { NotificationsInit1764000000100 } from './1764000000100-notifications-init.js';
import { RecipientRoles1764000000200 } from './1764000000200-recipient-roles.js';

/** Every migration of schema `notifications`, in order (the messaging tables first). */
export const NOTIFICATIONS_MIGRATIONS = [...MESSAGING_MIGRATIONS, NotificationsInit1764000000100, RecipientRoles1764000000200];
