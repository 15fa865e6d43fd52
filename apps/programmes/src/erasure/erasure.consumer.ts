import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers, scrubOutbox } from '@olp/messaging';
import { queryRows } from '@olp/persistence';

/**
 * Erasure (`programmes-erasure`): a deleted account is unlinked from the expert registry (the
 * entry is the focal point's record of an expert, not the account; its outbox events, which name
 * the account as a recipient, go) and stops coordinating programmes. Runs in the consumer's
 * transaction with its inbox row, so each event takes effect once.
 */
@Injectable()
export class ErasureConsumer implements OnModuleInit {
  constructor(@Inject(EventConsumers) private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'erasure',
      handlers: {
        'identity.user.deleted.v1': async (event, { em }) => {
          const { userId } = event.data;
          const enrolments = await queryRows<{ id: string }>(
            em,
            `SELECT e.id FROM programmes.enrollments e JOIN programmes.experts x ON x.id = e.expert_id WHERE x.user_id = $1`,
            [userId],
          );
          await em.query(`UPDATE programmes.experts SET user_id = NULL WHERE user_id = $1`, [userId]);
          await em.query(`DELETE FROM programmes.programme_coordinators WHERE user_id = $1`, [userId]);
          // Events are written `about` the enrolment, so their copies go by enrolment id.
          for (const { id } of enrolments) await scrubOutbox(em, 'programmes', id);
        },
      },
    });
  }
}
