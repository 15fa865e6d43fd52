import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The platform's Prometheus metrics, one registry per process, served at `/metrics`. Names are
 * shared by every service (the `service` label tells them apart) so one dashboard fits all.
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'olp_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly rpcDuration = new Histogram({
    name: 'olp_rpc_duration_seconds',
    help: 'Request/reply latency by pattern, side (client|server) and outcome',
    labelNames: ['pattern', 'side', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly handlerDuration = new Histogram({
    name: 'olp_message_handler_duration_seconds',
    help: 'Event handler latency (batch transaction included) by consumer and subject',
    labelNames: ['consumer', 'subject', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly outboxLag = new Gauge({
    name: 'olp_outbox_lag_seconds',
    help: 'Age of the oldest event not yet published from the outbox',
    labelNames: ['schema'] as const,
    registers: [this.registry],
  });

  readonly outboxPublished = new Counter({
    name: 'olp_outbox_published_total',
    help: 'Events published from the outbox to JetStream',
    labelNames: ['schema'] as const,
    registers: [this.registry],
  });

  readonly redeliveries = new Counter({
    name: 'olp_consumer_redeliveries_total',
    help: 'Messages received again after a failed or unacknowledged delivery',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'olp_consumer_dead_letters_total',
    help: 'Messages moved to the dead letters after their last attempt or as unreadable',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly duplicates = new Counter({
    name: 'olp_consumer_duplicates_total',
    help: 'Deliveries skipped because the inbox had already recorded the event',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  constructor(service: string, withDefaults = true) {
    this.registry.setDefaultLabels({ service });
    // The event-loop delay sampled every 100 ms, not 10: the finer timer woke idle services 100 times a second (docs/decisions.md, Observability).
    if (withDefaults) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });
  }
}
