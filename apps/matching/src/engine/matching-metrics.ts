import { Counter, Gauge, Histogram } from 'prom-client';
import type { PlatformMetrics } from '@olp/platform';

/** The matcher's own Prometheus series, in the service's registry (served at `/metrics`). */
export class MatchingMetrics {
  readonly rescoreDuration: Histogram<'kind'>;
  readonly flushDuration: Histogram;
  readonly pairsScored: Counter<'kind'>;
  readonly matchesFound: Counter;
  readonly catchUps: Counter<'reason'>;
  readonly indexSize: Gauge<'side'>;

  constructor(platform?: PlatformMetrics) {
    const registers = platform ? [platform.registry] : [];
    this.rescoreDuration = new Histogram({
      name: 'olp_matching_rescore_duration_seconds',
      help: 'Time to rescore one changed vacancy or seeker in memory (candidates, top lists); its writes are in the flush',
      labelNames: ['kind'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.flushDuration = new Histogram({
      name: 'olp_matching_flush_duration_seconds',
      help: 'Time to write what one delivery batch changed (stored pairs, announcements) before it commits',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.pairsScored = new Counter({
      name: 'olp_matching_pairs_scored_total',
      help: 'Candidate pairs scored, by what triggered them (vacancy, seeker, backfill, rebuild)',
      labelNames: ['kind'] as const,
      registers,
    });
    this.matchesFound = new Counter({
      name: 'olp_matching_matches_found_total',
      help: 'Pairs announced (seekers named in matching.matches.found.v1 events written to the outbox)',
      registers,
    });
    this.catchUps = new Counter({
      name: 'olp_matching_index_catchups_total',
      help: 'Times this replica caught up before a batch: replica (another replica wrote, or a batch of ours rolled back) or epoch (a rebuild: full reload)',
      labelNames: ['reason'] as const,
      registers,
    });
    this.indexSize = new Gauge({
      name: 'olp_matching_index_entries',
      help: 'Matchable seekers and open vacancies in this replica’s index',
      labelNames: ['side'] as const,
      registers,
    });
  }
}
