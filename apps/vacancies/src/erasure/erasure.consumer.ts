import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventConsumers, OutboxWriter, scrubOutbox } from '@olp/messaging';
import { ApplicationsService } from '../applications/applications.service.js';
import { rows } from '../common/sql.js';

/**
 * Erasure (`vacancies-erasure`): when a seeker asks to be erased or an account is deleted, their
 * applications lose everything that identifies them (the counts stay), a deleted account leaves
 * the organisations it belonged to and the status changes it made, and the published outbox rows
 * and dead letters about them go. Runs in the consumer's transaction with its inbox row, so each
 * event takes effect once.
 */
@Injectable()
export class ErasureConsumer implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'erasure',
      handlers: {
        'seekers.seeker.erased.v1': async (event, { em }) => {
          await this.eraseSeeker(em, event.data.userId);
        },
        'identity.user.deleted.v1': async (event, { em }) => {
          await this.eraseSeeker(em, event.data.userId);
          const left = await rows<{ employer_id: string }>(em, `DELETE FROM vacancies.employer_members WHERE user_id = $1 RETURNING employer_id`, [event.data.userId]);
          for (const { employer_id: employerId } of left) {
            await this.outbox.add(em, 'vacancies.employer.member-removed.v1', { employerId, userId: event.data.userId, removedAt: new Date().toISOString() }, { about: employerId });
          }
          await rows(em, `UPDATE vacancies.employers SET created_by = NULL, updated_at = now() WHERE created_by = $1`, [event.data.userId]);
          await this.applications.forgetActor(em, event.data.userId);
        },
      },
    });
  }

  private async eraseSeeker(em: EntityManager, userId: string): Promise<void> {
    const applicationIds = await this.applications.anonymizeSeeker(em, userId);
    // Events are written `about` the application, so their published copies go by application id.
    for (const about of [userId, ...applicationIds]) await scrubOutbox(em, 'vacancies', about);
  }
}
