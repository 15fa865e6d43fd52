import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { PlatformMetrics } from '@olp/platform';

/** Prometheus counters of the notifications service (on its `/metrics`). */
@Injectable()
export class NotificationsMetrics {
  private readonly createdTotal: Counter<'category' | 'channel'>;
  private readonly emailsTotal: Counter<'kind' | 'outcome'>;

  constructor(@Inject(PlatformMetrics) metrics: PlatformMetrics) {
    this.createdTotal = new Counter({
      name: 'olp_notifications_created_total',
      help: 'Notifications created, by category and channel',
      labelNames: ['category', 'channel'],
      registers: [metrics.registry],
    });
    this.emailsTotal = new Counter({
      name: 'olp_notifications_emails_total',
      help: 'E-mail sending outcomes: kind immediate|digest, outcome sent|retry|failed',
      labelNames: ['kind', 'outcome'],
      registers: [metrics.registry],
    });
  }

  created(category: string, result: { inApp: boolean; email: boolean }): void {
    if (result.inApp) this.createdTotal.inc({ category, channel: 'in-app' });
    if (result.email) this.createdTotal.inc({ category, channel: 'email' });
  }

  email(kind: 'immediate' | 'digest', outcome: 'sent' | 'retry' | 'failed'): void {
    this.emailsTotal.inc({ kind, outcome });
  }
}
