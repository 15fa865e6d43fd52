import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  COUNTRY_SCOPED_ROLES,
  DomainError,
  ErrorCode,
  PASSWORD_MIN_LENGTH,
  Role,
  SELF_REGISTRATION_ROLES,
  type CreateUserRequest,
  type Principal,
  type RegisterUserRequest,
  type SetUserRolesCommand,
  type UpdateMeRequest,
  type UserView,
} from '@olp/contracts';
import { OutboxWriter, scrubOutbox } from '@olp/messaging';
import { DATA_SOURCE } from '@olp/persistence';
import { defaultTimeZone } from '@olp/reference-data';
import { PasswordHasher } from '../auth/password-hasher.js';
import { passwordProblems } from '../auth/password-policy.js';
import { UserEntity } from './user.entity.js';
import { normalizeEmail, toUserView } from './user-view.js';

const UNIQUE_VIOLATION = '23505';

/**
 * The country scope that goes with `roles`: coordinators and focal points need one, a focal point
 * acts for exactly one member state, and other roles have none.
 */
function checkedScope(roles: Role[], requested: string[] | undefined): string[] {
  const scope = requested ?? [];
  const scoped = roles.some((role) => COUNTRY_SCOPED_ROLES.includes(role));
  if (scoped && scope.length === 0) {
    throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'countryScope', rule: 'arrayMinSize', params: { min: 1 } }]);
  }
  if (!scoped && scope.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'countryScope', rule: 'arrayMaxSize', params: { max: 0 } }]);
  }
  if (roles.includes(Role.FocalPoint) && scope.length > 1) {
    throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'countryScope', rule: 'arrayMaxSize', params: { max: 1 } }]);
  }
  return scope;
}

interface NewUser {
  email: string;
  password: string;
  displayName: string;
  locale: UserEntity['locale'];
  country: string;
  timeZone?: string;
  roles: Role[];
  countryScope: string[];
}

/** Accounts: creation (self-service or by an admin), reading and editing one's own, deletion. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
  ) {}

  /** Anyone may register, but only as a job seeker or an employer. */
  async register(request: RegisterUserRequest): Promise<UserView> {
    if (!SELF_REGISTRATION_ROLES.includes(request.role)) {
      throw new DomainError(ErrorCode.RoleNotAllowed, { role: request.role });
    }
    return toUserView(await this.create({ ...request, roles: [request.role], countryScope: [] }));
  }

  /** Admins create coordinators, focal points and other admins; scoped roles need a country scope. */
  async createByAdmin(principal: Principal | undefined, request: CreateUserRequest): Promise<UserView> {
    assertAdmin(principal);
    const scope = checkedScope(request.roles, request.countryScope);
    return toUserView(await this.create({ ...request, countryScope: scope }));
  }

  /**
   * Admins grant or withdraw roles (coordinator, focal point, admin…) and the country scope that
   * goes with them; services learn it from `identity.user.updated.v1`, the holder's next token
   * (at the latest after its refresh) carries it.
   */
  async setRoles(principal: Principal | undefined, command: SetUserRolesCommand): Promise<UserView> {
    assertAdmin(principal);
    const scope = checkedScope(command.roles, command.countryScope);
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, command.userId, true);
      user.roles = command.roles;
      user.countryScope = scope;
      const saved = await em.getRepository(UserEntity).save(user);
      await this.outbox.add(em, 'identity.user.updated.v1', { ...snapshot(saved), updatedAt: saved.updatedAt.toISOString() }, { about: saved.id });
      return toUserView(saved);
    });
  }

  /** The first admin, from the environment, when no admin exists yet. Idempotent. */
  async ensureBootstrapAdmin(email: string, password: string): Promise<'created' | 'exists'> {
    const [row] = await this.dataSource.query(`SELECT 1 FROM identity.users WHERE 'admin' = ANY(roles) LIMIT 1`);
    if (row) return 'exists';
    try {
      await this.create({ email, password, displayName: 'Administrator', locale: 'en', country: 'SA', timeZone: 'Asia/Riyadh', roles: [Role.Admin], countryScope: [] });
      return 'created';
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.EmailTaken) return 'exists';
      throw error;
    }
  }

  async get(principal: Principal | undefined): Promise<UserView> {
    return toUserView(await this.load(this.dataSource.manager, requireUser(principal)));
  }

  async updateMe(principal: Principal | undefined, request: UpdateMeRequest): Promise<UserView> {
    const userId = requireUser(principal);
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, userId, true);
      if (request.displayName !== undefined) user.displayName = request.displayName;
      if (request.locale !== undefined) user.locale = request.locale;
      if (request.timeZone !== undefined) user.timeZone = request.timeZone;
      const saved = await em.getRepository(UserEntity).save(user);
      await this.outbox.add(
        em,
        'identity.user.updated.v1',
        { ...snapshot(saved), updatedAt: saved.updatedAt.toISOString() },
        { about: saved.id },
      );
      return toUserView(saved);
    });
  }

  /** Deletes an account (its own holder, or an admin) and tells every service to erase it. */
  async delete(principal: Principal | undefined, userId: string): Promise<void> {
    const caller = requireUser(principal);
    if (caller !== userId && !principal!.roles.includes(Role.Admin)) throw new DomainError(ErrorCode.Forbidden);
    await this.dataSource.transaction(async (em) => {
      if (!(await this.erase(em, userId))) throw new DomainError(ErrorCode.UserNotFound);
    });
  }

  /**
   * Removes every trace of an account inside the caller's transaction: the user (its refresh
   * tokens cascade), its login-failure counter, and the published events about it that still sit
   * in the outbox (they carry the name and e-mail); then announces the deletion. Returns whether
   * the account existed. Used by DELETE /me, admin deletion and the seekers' erasure event.
   */
  async erase(em: EntityManager, userId: string): Promise<boolean> {
    const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) return false;
    await em.getRepository(UserEntity).delete({ id: user.id });
    await em.query(`DELETE FROM identity.login_failures WHERE key = $1`, [`account:${user.emailNormalized}`]);
    await scrubOutbox(em, 'identity', user.id);
    await this.outbox.add(em, 'identity.user.deleted.v1', { userId: user.id, deletedAt: new Date().toISOString() }, { about: user.id });
    return true;
  }

  private async create(input: NewUser): Promise<UserEntity> {
    if (passwordProblems(input.password, input.email).length > 0) {
      throw new DomainError(ErrorCode.WeakPassword, { min: PASSWORD_MIN_LENGTH });
    }
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const repository = em.getRepository(UserEntity);
        const user = repository.create({
          id: randomUUID(),
          email: input.email.trim(),
          emailNormalized: normalizeEmail(input.email),
          passwordHash,
          displayName: input.displayName,
          locale: input.locale,
          country: input.country,
          timeZone: input.timeZone ?? defaultTimeZone(input.country),
          roles: input.roles,
          countryScope: input.countryScope,
          disabled: false,
        });
        const saved = await repository.save(user);
        await this.outbox.add(
          em,
          'identity.user.registered.v1',
          { ...snapshot(saved), registeredAt: saved.createdAt.toISOString() },
          { about: saved.id },
        );
        return saved;
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new DomainError(ErrorCode.EmailTaken);
      }
      throw error;
    }
  }

  private async load(em: EntityManager, userId: string, lock = false): Promise<UserEntity> {
    const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw new DomainError(ErrorCode.UserNotFound);
    return user;
  }
}

function snapshot(user: UserEntity) {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    country: user.country,
    timeZone: user.timeZone,
    roles: user.roles,
    countryScope: user.countryScope,
  };
}

export function requireUser(principal: Principal | undefined): string {
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated);
  return principal.userId;
}

export function assertAdmin(principal: Principal | undefined): void {
  requireUser(principal);
  if (!principal!.roles.includes(Role.Admin)) throw new DomainError(ErrorCode.Forbidden);
}
