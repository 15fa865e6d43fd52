import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, deleteTestStreams, SmtpCatcher, testMessagingPrefix, testNatsUrl, testPostgresAdminUrl, type TestDatabase } from '@olp/testing';
import { SERVICE_NAMES, ServiceProcesses } from '../../tools/dev/processes.mjs';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiClient } from './api-client.js';

/** Every service, one process each, as `npm start` runs them (tools/dev/services.mjs); the gateway starts last. */
export const PROCESS_SERVICES = SERVICE_NAMES;

export interface ProcessHarnessOptions {
  /** Variables for every service (over the harness's own). */
  env?: Record<string, string>;
  /** Variables of one service. */
  serviceEnv?: (name: string) => Record<string, string>;
}

/**
 * The platform as it runs for real: every service its own Node process started from its build
 * (`node apps/<name>/dist/main.js`, so `npm run build` first; `npm test` does), against a
 * database and a NATS subject prefix of the test file's own, with an SMTP server in the test
 * process (`smtp`, @olp/testing's SmtpCatcher) receiving whatever the platform e-mails. Tests
 * talk to the gateway over HTTP only, and read the database (`db`, superuser) only to check what
 * is stored.
 *
 * Each service's output goes to `<logDir>/<name>.log`; `explain` prints every log's tail when a
 * step fails. `stop` stops every process (also after a failed test), checks that none is left,
 * and drops the database and streams. A test worker that dies without `stop` takes the services
 * with it (tools/dev/parent-watch.mjs).
 */
export class ProcessHarness extends ApiClient {
  db!: TestDatabase;
  prefix!: string;
  /** The SMTP server the notifications service sends to (messages kept, parsed). */
  readonly smtp = new SmtpCatcher();
  logDir!: string;
  processes?: ServiceProcesses;
  private failed = false;

  async start(label: string, options: ProcessHarnessOptions = {}): Promise<this> {
    this.db = await createTestDatabase(label);
    this.prefix = testMessagingPrefix(label);
    await this.smtp.start();
    this.logDir = fs.mkdtempSync(path.join(os.tmpdir(), `olp-e2e-${label}-`));
    try {
      this.processes = await ServiceProcesses.start({
        names: PROCESS_SERVICES,
        adminUrl: testPostgresAdminUrl(),
        database: this.db.name,
        natsUrl: testNatsUrl(),
        admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        smtpUrl: this.smtp.url,
        logDir: this.logDir,
        logLevel: process.env['TEST_LOG_LEVEL'] ?? 'info',
        show: process.env['E2E_SHOW_LOGS'] === '1',
        env: {
          MESSAGING_PREFIX: this.prefix,
          DATABASE_POOL_SIZE: '4',
          CONSUMER_BACKOFF_MS: '100',
          RPC_TIMEOUT_MS: '5000',
          RATE_LIMIT_MAX: '100000',
          AUTH_RATE_LIMIT_MAX: '100000',
          EXPIRY_INTERVAL_MS: '3600000',
          PORTAL_URL: 'https://portal.olp.test',
          DELIVERY_POLL_MS: '100',
          DELIVERY_BACKOFF_MS: '200',
          ...options.env,
        },
        serviceEnv: (name) => options.serviceEnv?.(name) ?? {},
      });
    } catch (error) {
      this.failed = true;
      throw error;
    }
    this.baseUrl = `${this.processes.get('gateway').url}`;
    return this;
  }

  /**
   * Runs `steps`; when one fails, adds the tail of every service's log (and any service that ended
   * on its own) to the error Jest prints, keeps the log folder, and rethrows.
   */
  async explain<T>(steps: () => Promise<T>): Promise<T> {
    try {
      return await steps();
    } catch (error) {
      this.failed = true;
      const report = `service logs (all in ${this.logDir}):\n${this.processes?.report(30) ?? '(no services)'}`;
      if (error instanceof Error) error.message += `\n\n${report}`;
      else process.stderr.write(`\n${report}\n`);
      throw error;
    }
  }

  async stop(): Promise<void> {
    const problems: string[] = [];
    try {
      await this.processes?.stop();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    if (this.processes && this.processes.unexpectedExits.length > 0) problems.push(`ended on their own: ${this.processes.unexpectedExits.join('; ')}`);
    await this.smtp.stop().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
    if (this.prefix) await deleteTestStreams(this.prefix).catch(() => undefined);
    if (this.logDir) {
      if (this.failed || problems.length > 0) process.stderr.write(`service logs kept in ${this.logDir}\n`);
      else fs.rmSync(this.logDir, { recursive: true, force: true });
    }
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${this.processes?.report(30) ?? ''}`);
  }
}
