import type { UserView } from '@olp/contracts';
import type { UserEntity } from './user.entity.js';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    country: user.country,
    timeZone: user.timeZone,
    roles: user.roles,
    countryScope: user.countryScope,
    createdAt: user.createdAt.toISOString(),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
