/**
 * `node apps/matching/dist/rebuild.js`: drops the read model, replays the VACANCIES, SEEKERS and
 * IDENTITY streams from the beginning and recomputes every match (see rebuild/matching-rebuild.ts).
 * `--matches-only` keeps the read model and recomputes the matches alone; `--no-announce` records
 * the pairs it would announce as announced without emitting them (a first backfill of an existing
 * market, whose people should not all be notified at once). Reads the same
 * environment as the service; exits 0 when done, 1 on failure.
 */
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DEFAULT_STREAM_SETTINGS, ensureStreams, OutboxWriter, SubjectNamespace } from '@olp/messaging';
import { createServiceDataSource, initializeServiceDataSource, provisionServiceDatabase } from '@olp/persistence';
import { createLogger, loadConfig } from '@olp/platform';
import { settingsOf } from './engine/matching-engine.provider.js';
import { MatchingConfig } from './matching.config.js';
import { MATCHING_MIGRATIONS } from './migrations/index.js';
import { MatchingRebuild } from './rebuild/matching-rebuild.js';

const config = loadConfig(MatchingConfig);
const logger = createLogger('matching-rebuild', config.LOG_LEVEL);
const settings = settingsOf(config);

try {
  if (config.DATABASE_ADMIN_URL) {
    await provisionServiceDatabase({ adminUrl: config.DATABASE_ADMIN_URL, serviceUrl: config.DATABASE_URL, schema: 'matching' });
  }
  const dataSource = await initializeServiceDataSource(
    createServiceDataSource({ url: config.DATABASE_URL, schema: 'matching', entities: [], migrations: MATCHING_MIGRATIONS, poolSize: 2, applicationName: 'olp-matching-rebuild' }),
  );
  const nc = await connect({ servers: config.NATS_URL.split(','), name: 'matching-rebuild' });
  try {
    const ns = new SubjectNamespace(config.MESSAGING_PREFIX);
    const jsm = await ensureStreams(nc, ns, { ...DEFAULT_STREAM_SETTINGS, replicas: config.STREAM_REPLICAS });
    const rebuild = new MatchingRebuild({ dataSource, js: jetstream(nc), jsm, ns, outbox: new OutboxWriter('matching', 'matching'), settings, logger });
    await rebuild.run({ replay: !process.argv.includes('--matches-only'), announce: !process.argv.includes('--no-announce') });
  } finally {
    await nc.close();
    await dataSource.destroy();
  }
} catch (error) {
  logger.error({ err: error }, 'matching rebuild failed');
  process.exitCode = 1;
}
