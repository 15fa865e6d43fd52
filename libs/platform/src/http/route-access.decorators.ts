import { SetMetadata } from '@nestjs/common';
import type { Role } from '@olp/contracts';

export const PUBLIC_ROUTE = 'olp:public';
export const REQUIRED_ROLES = 'olp:roles';
export const OPTIONAL_AUTH = 'olp:optional-auth';

/** Reachable without an access token (ops endpoints, sign-in, reference data). Everything else requires one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller must hold at least one of these roles (the owning service checks again). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Public, but a valid token (if sent) identifies the caller, e.g. so members see their drafts. */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH, true);
