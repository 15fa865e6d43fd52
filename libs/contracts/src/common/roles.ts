export const Role = {
  Seeker: 'seeker',
  Employer: 'employer',
  Coordinator: 'coordinator',
  FocalPoint: 'focal-point',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** Roles anybody may choose when registering; the others are granted by an admin. */
export const SELF_REGISTRATION_ROLES: readonly Role[] = [Role.Seeker, Role.Employer];

/** Roles whose holders act for a set of member states (their country scope). */
export const COUNTRY_SCOPED_ROLES: readonly Role[] = [Role.Coordinator, Role.FocalPoint];

/**
 * Who is calling, as established by the gateway from a verified access token. Travels with every
 * request/reply call so the owning service can make its own object-level decisions.
 */
export interface Principal {
  userId: string;
  roles: Role[];
  /** ISO 3166 alpha-2 codes the caller acts for (coordinators, focal points); empty otherwise. */
  countryScope: string[];
}
