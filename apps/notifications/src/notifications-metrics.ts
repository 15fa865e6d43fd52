import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@olp/persistence';
import { PlatformMetrics } from '@olp/platform';

/** Prometheus counters of the notifications service (on its `/metrics`). */
@Injectable()
export class NotificationsMetrics {
  private readonly createdTotal: Counter<'category' | 'channel'>;
  private readonly emailsTotal: Counter<'kind' | 'outcome'>;

  constructor(@Inject(PlatformMetrics) metrics: PlatformMetrics, @Inject(DATA_SOURCE) db: DataSource) {
    new Gauge({
      name: 'olp_notifications_emails',
      help: 'E-mails in the queue by status (pending: due or waiting for quiet hours; held: for the digest; failed: for good)',
      labelNames: ['status'],
      registers: [metrics.registry],
      async collect() {
        const rows = (await db.query(
          `SELECT status, count(*)::int AS n FROM notifications.deliveries WHERE status IN ('pending', 'held', 'failed') GROUP BY status`,
        )) as { status: string; n: number }[];
        this.reset();
        for (const status of ['pending', 'held', 'failed']) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
      },
    });
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
