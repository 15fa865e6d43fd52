// The platform's services and the environment each one is started with, shared by everything that
// runs them as processes: `npm start` (start.mjs), the e2e process harness
// (e2e/src/process-harness.ts, through processes.mjs) and `npm run bench:e2e`. One table, so a new
// service is added once (tools/dev/README.md, "Adding a service").

/**
 * The services, in start order. `database: true`: it owns the schema named after it, as role
 * olp_<name>. `taxonomy: true`: it gets TAXONOMY_FILE (an ESCO snapshot) when that is set.
 * `env(context)`: its own extra variables; `context` is `{ port, env, admin, smtpUrl }` (its
 * port, the caller's environment, the bootstrap admin `{ email, password }`, the SMTP server
 * e-mail goes to). The gateway comes last: it
 * fronts the others.
 */
export const SERVICES = [
  { name: 'identity', port: 3001, database: true, env: ({ admin }) => (admin ? { BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password } : {}) },
  { name: 'vacancies', port: 3002, database: true, taxonomy: true },
  { name: 'seekers', port: 3003, database: true, taxonomy: true },
  {
    name: 'matching',
    port: 3004,
    database: true,
    taxonomy: true,
    // A larger young generation: scoring a vacancy allocates short-lived maps and lists (docs/decisions.md).
    env: ({ env }) => ({ NODE_OPTIONS: [env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ') }),
  },
  { name: 'programmes', port: 3006, database: true, taxonomy: true },
  {
    name: 'notifications',
    port: 3005,
    database: true,
    // SMTP_URL: the caller's mail server (npm start: SMTP_URL, else its own catcher; tests: their SMTP sink).
    env: ({ env, smtpUrl }) => ({ SMTP_URL: smtpUrl ?? env.SMTP_URL, PORTAL_URL: env.PORTAL_URL || 'http://localhost:5173' }),
  },
  {
    name: 'gateway',
    port: 3000,
    database: false,
    taxonomy: true,
    // A portal dev server (Vite) on localhost:5173 may call the API.
    env: ({ port, env }) => ({ PUBLIC_URL: env.PUBLIC_URL || `http://127.0.0.1:${port}`, CORS_ORIGINS: env.CORS_ORIGINS ?? 'http://localhost:5173' }),
  },
];

/** The service called `name` in SERVICES; throws for an unknown one. */
export function serviceNamed(name) {
  const service = SERVICES.find((entry) => entry.name === name);
  if (!service) throw new Error(`no service "${name}" in tools/dev/services.mjs (known: ${SERVICES.map((entry) => entry.name).join(', ')})`);
  return service;
}

/** The password of role olp_<name>: `<NAME>_DB_PASSWORD`, else `olp_<name>_dev` (what @olp/testing's test databases use too). */
export function databasePassword(name, env = process.env) {
  return env[`${name.toUpperCase()}_DB_PASSWORD`] || `olp_${name}_dev`;
}

/**
 * DATABASE_ADMIN_URL (`adminUrl` on database `database`) and the service's own DATABASE_URL (same
 * host and database, user olp_<name>, its password).
 */
export function databaseEnv(name, adminUrl, database, password) {
  const adminOnDatabase = new URL(adminUrl);
  adminOnDatabase.pathname = `/${database}`;
  const own = new URL(adminOnDatabase.toString());
  own.username = `olp_${name}`;
  own.password = encodeURIComponent(password);
  return { DATABASE_ADMIN_URL: adminOnDatabase.toString(), DATABASE_URL: own.toString() };
}

/**
 * The whole environment of one service process: `base` (the caller's environment), then NATS_URL,
 * LOG_LEVEL, HOST=127.0.0.1 and PORT; the database variables for a service that owns a schema
 * (and none for one that does not); TAXONOMY_FILE for the services that read it (removed for the
 * others); then the service's own variables (`service.env`), then `extra` (wins over everything).
 *
 * @param {object} service  an entry of SERVICES
 * @param {object} options  { base, natsUrl, port, logLevel, adminUrl, database, password?, taxonomy?, admin?, smtpUrl?, extra? }
 */
export function serviceEnv(service, { base, natsUrl, port, logLevel, adminUrl, database, password, taxonomy, admin, smtpUrl, extra = {} }) {
  const env = { ...base, NATS_URL: natsUrl, LOG_LEVEL: logLevel, HOST: '127.0.0.1', PORT: String(port) };
  if (service.database) Object.assign(env, databaseEnv(service.name, adminUrl, database, password ?? databasePassword(service.name, base)));
  else {
    delete env.DATABASE_URL;
    delete env.DATABASE_ADMIN_URL;
  }
  if (service.taxonomy && taxonomy) env.TAXONOMY_FILE = taxonomy;
  else delete env.TAXONOMY_FILE;
  Object.assign(env, service.env?.({ port, env: base, admin, smtpUrl }) ?? {}, extra);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}
