import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  Role,
  type Acknowledged,
  type Principal,
  type ProfileView,
  type PutProfileRequest,
  type SeekerExport,
} from '@olp/contracts';
import { OutboxWriter, scrubOutbox } from '@olp/messaging';
import { DATA_SOURCE } from '@olp/persistence';
import { Taxonomy } from '../taxonomy.provider.js';
import { ProfileEntity } from './profile.entity.js';
import { profileProblems } from './profile-rules.js';
import { storedParts, toProfileUpdatedEvent, toProfileView } from './profile-view.js';

const SCHEMA = 'seekers';

/** Job-seeker profiles: one per account, written by its holder, erased on request. */
@Injectable()
export class ProfilesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(Taxonomy) private readonly taxonomy: Taxonomy,
  ) {}

  /**
   * Creates or replaces the caller's profile. Announces it (without the name) on
   * `seekers.profile.updated.v1`, and on `seekers.consent.changed.v1` when consent to matching
   * was given or withdrawn, in the same transaction.
   */
  async put(principal: Principal | undefined, request: PutProfileRequest): Promise<ProfileView> {
    const userId = requireSeeker(principal);
    const problems = profileProblems(request, this.taxonomy);
    if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, { count: problems.length }, problems);

    return this.dataSource.transaction(async (em) => {
      await lockSeeker(em, userId);
      const repository = em.getRepository(ProfileEntity);
      const existing = await repository.findOne({ where: { userId } });
      const now = new Date();
      const hadConsent = existing?.consentToMatching ?? false;
      const consentChanged = hadConsent !== request.consentToMatching;
      const consentGivenAt = !request.consentToMatching ? null : consentChanged ? now : (existing?.consentGivenAt ?? now);

      const saved = await repository.save(
        repository.create({
          userId,
          fullName: request.fullName,
          nationality: request.nationality,
          residenceCountry: request.residenceCountry,
          ...storedParts(request),
          skills: [...request.skills],
          desiredOccupations: [...request.desiredOccupations],
          availableFrom: request.availableFrom ?? null,
          visibility: request.visibility,
          consentToMatching: request.consentToMatching,
          consentGivenAt,
          version: (existing?.version ?? 0) + 1,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        }),
      );

      await this.outbox.add(em, 'seekers.profile.updated.v1', toProfileUpdatedEvent(saved), { about: userId });
      if (consentChanged) {
        await this.outbox.add(
          em,
          'seekers.consent.changed.v1',
          { userId, consentToMatching: request.consentToMatching, changedAt: now.toISOString() },
          { about: userId },
        );
      }
      return toProfileView(saved);
    });
  }

  async get(principal: Principal | undefined): Promise<ProfileView> {
    const profile = await this.find(this.dataSource.manager, requireUser(principal));
    if (!profile) throw new DomainError(ErrorCode.ProfileNotFound);
    return toProfileView(profile);
  }

  /**
   * Erasure at the seeker's request: the profile goes, published events about the seeker are
   * scrubbed from the outbox, and `seekers.seeker.erased.v1` tells every other holder of their
   * data to erase it too. The event is written even when there was no profile, because the
   * account's data elsewhere (applications, matches, notifications) must still go.
   */
  async erase(principal: Principal | undefined): Promise<Acknowledged> {
    const userId = requireSeeker(principal);
    await this.dataSource.transaction(async (em) => {
      await lockSeeker(em, userId);
      await em.getRepository(ProfileEntity).delete({ userId });
      await scrubOutbox(em, SCHEMA, userId);
      await this.outbox.add(em, 'seekers.seeker.erased.v1', { userId, erasedAt: new Date().toISOString() }, { about: userId });
    });
    return { ok: true };
  }

  /**
   * The account was deleted in identity (by its holder or an admin): drop the profile and the
   * events about it, without announcing an erasure of our own (identity's event already reached
   * every service). Runs inside the consumer's transaction.
   */
  async forgetDeletedAccount(em: EntityManager, userId: string): Promise<void> {
    await lockSeeker(em, userId);
    await em.getRepository(ProfileEntity).delete({ userId });
    await scrubOutbox(em, SCHEMA, userId);
  }

  /** Everything this service holds about the caller (data portability). */
  async export(principal: Principal | undefined): Promise<SeekerExport> {
    const profile = await this.find(this.dataSource.manager, requireUser(principal));
    return { profile: profile ? toProfileView(profile) : null };
  }

  private find(em: EntityManager, userId: string): Promise<ProfileEntity | null> {
    return em.getRepository(ProfileEntity).findOne({ where: { userId } });
  }
}

/**
 * Puts and erasures of one seeker take turns, including the very first put (there is no row to
 * lock yet, and two concurrent first puts would otherwise both insert).
 */
async function lockSeeker(em: EntityManager, userId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`seekers:profile:${userId}`]);
}

function requireUser(principal: Principal | undefined): string {
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated);
  return principal.userId;
}

function requireSeeker(principal: Principal | undefined): string {
  const userId = requireUser(principal);
  if (!principal!.roles.includes(Role.Seeker)) throw new DomainError(ErrorCode.Forbidden);
  return userId;
}
