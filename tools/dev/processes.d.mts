// Types of processes.mjs for the TypeScript that imports it (e2e/src/process-harness.ts).

/** Every service's name, in start order (the gateway last), from tools/dev/services.mjs. */
export const SERVICE_NAMES: string[];

export interface StartServiceProcessesOptions {
  /** Services to start, from tools/dev/services.mjs (e.g. 'identity', …, 'gateway'); the gateway starts last. */
  names: string[];
  /** PostgreSQL admin (superuser) URL; its database part is replaced by `database`. */
  adminUrl: string;
  /** The database the services provision their schemas in. */
  database: string;
  natsUrl: string;
  /** Variables for every service, over process.env (e.g. MESSAGING_PREFIX). */
  env?: Record<string, string | undefined>;
  /** Variables of one service; win over `env`. */
  serviceEnv?: (name: string) => Record<string, string | undefined>;
  /** identity's bootstrap admin. */
  admin?: { email: string; password: string };
  /** Where the notifications service sends e-mail (its SMTP_URL). */
  smtpUrl?: string;
  /** TAXONOMY_FILE for the services that read it. */
  taxonomy?: string;
  /** Where `<name>.log` files go (created if missing). */
  logDir: string;
  /** LOG_LEVEL of every service; default 'info'. */
  logLevel?: string;
  /** Also print every line live; default false. */
  show?: boolean;
  /** Per service; default 60 s. */
  readyTimeoutMs?: number;
}

export interface ServiceProcess {
  name: string;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  logFile: string;
}

export class ServiceProcesses {
  readonly logDir: string;
  readonly services: ServiceProcess[];
  /** `name how it ended` for every service that ended while it should have been running. */
  readonly unexpectedExits: string[];
  static start(options: StartServiceProcessesOptions): Promise<ServiceProcesses>;
  get(name: string): ServiceProcess;
  tail(name: string, lines?: number): string;
  report(lines?: number): string;
  stop(graceMs?: number): Promise<void>;
}
