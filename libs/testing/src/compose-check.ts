import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';

/**
 * Checks on docker-compose.yml that need no Docker engine: each app's spec parses the file and
 * asks whether its service is wired the way the service's config class expects.
 */

/** The repository root: this file is libs/testing/src (tests) or libs/testing/dist (built). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type ScalarValue = string | number | boolean | null;

export interface ComposeBuild {
  context?: string;
  dockerfile?: string;
  args?: Record<string, ScalarValue> | string[];
}

export interface ComposeHealthcheck {
  test?: string | string[];
  disable?: boolean;
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface ComposeDependency {
  condition?: string;
  restart?: boolean;
  required?: boolean;
}

export interface ComposeService {
  image?: string;
  build?: string | ComposeBuild;
  command?: string | string[];
  environment?: Record<string, ScalarValue> | string[];
  depends_on?: string[] | Record<string, ComposeDependency>;
  healthcheck?: ComposeHealthcheck;
  ports?: (string | number | Record<string, unknown>)[];
  [key: string]: unknown;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a compose file, resolving YAML anchors and `<<` merge keys as Docker Compose does. */
export function loadCompose(file: string = path.join(REPO_ROOT, 'docker-compose.yml')): ComposeFile {
  const document: unknown = parse(readFileSync(file, 'utf8'), { merge: true });
  if (!isRecord(document) || !isRecord(document['services'])) {
    throw new Error(`${file} has no "services" mapping`);
  }
  for (const [name, service] of Object.entries(document['services'])) {
    if (!isRecord(service)) throw new Error(`${file}: service "${name}" is not a mapping`);
  }
  return document as ComposeFile;
}

/** `KEY: value` or `- KEY=value` (compose allows both), as a plain map; `- KEY` alone maps to null. */
function keyValues(entries: Record<string, ScalarValue> | string[] | undefined): Map<string, string | null> {
  const result = new Map<string, string | null>();
  if (Array.isArray(entries)) {
    for (const entry of entries) {
      const at = entry.indexOf('=');
      if (at < 0) result.set(entry, null);
      else result.set(entry.slice(0, at), entry.slice(at + 1));
    }
  } else if (entries) {
    for (const [key, value] of Object.entries(entries)) result.set(key, value === null ? null : String(value));
  }
  return result;
}

/** The environment variables a config class reads: properties with defaults plus validated optional ones. */
export function configKeys(configClass: new () => object): Set<string> {
  const keys = new Set(Object.keys(new configClass()));
  // Optional settings (DATABASE_ADMIN_URL, BOOTSTRAP_*) have no initializer, so they only exist
  // as class-validator metadata (inherited metadata included).
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false)) {
    keys.add(metadata.propertyName);
  }
  return keys;
}

/** The service whose image (or, without one, whose name) is `kind`: postgres, nats. */
function infrastructureService(compose: ComposeFile, kind: string): string {
  const byImage = Object.entries(compose.services).find(([, service]) => {
    const image = service.image?.split('/').pop() ?? '';
    return image === kind || image.startsWith(`${kind}:`) || image.startsWith(`${kind}@`);
  });
  return byImage?.[0] ?? kind;
}

function dependencyProblem(service: ComposeService, serviceName: string, dependency: string): string | undefined {
  const dependsOn = service.depends_on;
  if (Array.isArray(dependsOn)) {
    return dependsOn.includes(dependency)
      ? `${serviceName}: depends_on ${dependency} uses the short form, which only waits for the container to start; use "${dependency}: { condition: service_healthy }"`
      : `${serviceName}: no depends_on ${dependency} with condition service_healthy`;
  }
  const condition = dependsOn?.[dependency]?.condition;
  if (condition === 'service_healthy') return undefined;
  return condition === undefined
    ? `${serviceName}: no depends_on ${dependency} with condition service_healthy`
    : `${serviceName}: depends_on ${dependency} has condition ${condition}, expected service_healthy`;
}

function buildProblems(service: ComposeService, serviceName: string): string[] {
  const build = service.build;
  if (build === undefined) return [`${serviceName}: not built from the Dockerfile (no "build" section)`];
  if (typeof build === 'string') {
    return [`${serviceName}: build is only a context; it must pass args: { APP: ${serviceName} } to the Dockerfile`];
  }
  const problems: string[] = [];
  const context = path.posix.normalize(build.context ?? '.');
  if (context !== '.' && context !== './') problems.push(`${serviceName}: build context is ${build.context}, expected the repository root (.)`);
  const dockerfile = build.dockerfile ?? 'Dockerfile';
  if (path.posix.normalize(dockerfile) !== 'Dockerfile') problems.push(`${serviceName}: built from ${dockerfile}, expected the shared Dockerfile`);
  const app = keyValues(build.args).get('APP');
  if (app !== serviceName) problems.push(`${serviceName}: build args APP is ${app ?? 'missing'}, expected ${serviceName}`);
  return problems;
}

function healthcheckProblems(service: ComposeService, serviceName: string): string[] {
  const healthcheck = service.healthcheck;
  const test = healthcheck?.test;
  const command = Array.isArray(test) ? test.join(' ') : (test ?? '');
  if (!healthcheck || healthcheck.disable === true || command === '' || command === 'NONE' || command.startsWith('NONE ')) {
    return [`${serviceName}: no healthcheck (other services wait on service_healthy)`];
  }
  return command.includes('/health/ready') ? [] : [`${serviceName}: healthcheck does not ask /health/ready`];
}

/** Variables Node.js itself reads (runtime flags such as a larger young generation), not the service's configuration. */
const NODE_RUNTIME_VARIABLES = new Set(['NODE_OPTIONS']);

/**
 * What is wrong with `serviceName` in `compose`, as sentences; empty when nothing is. Checks that
 * it is built from the shared Dockerfile with APP=serviceName, sets only variables `configClass`
 * declares, listens on 0.0.0.0, reaches NATS (and PostgreSQL when it owns a schema), waits for
 * them to be healthy, and has a healthcheck others can wait on.
 */
export function composeProblems(
  compose: ComposeFile,
  serviceName: string,
  configClass: new () => object,
  needs: { database: boolean },
): string[] {
  const service = compose.services[serviceName];
  if (!service) return [`no service "${serviceName}" in docker-compose.yml`];

  const problems = buildProblems(service, serviceName);

  const env = keyValues(service.environment);
  const known = configKeys(configClass);
  for (const key of env.keys()) {
    if (!known.has(key) && !NODE_RUNTIME_VARIABLES.has(key)) problems.push(`${serviceName}: sets ${key}, which ${configClass.name} does not declare`);
  }
  if (!env.get('NATS_URL')) problems.push(`${serviceName}: NATS_URL is not set`);
  if (env.get('HOST') !== '0.0.0.0') {
    problems.push(`${serviceName}: HOST is ${env.get('HOST') ?? 'not set'}, expected 0.0.0.0 (the services default to loopback)`);
  }

  const nats = infrastructureService(compose, 'nats');
  const natsProblem = dependencyProblem(service, serviceName, nats);
  if (natsProblem) problems.push(natsProblem);

  if (needs.database) {
    if (!env.get('DATABASE_URL')) problems.push(`${serviceName}: DATABASE_URL is not set`);
    const postgres = infrastructureService(compose, 'postgres');
    const postgresProblem = dependencyProblem(service, serviceName, postgres);
    if (postgresProblem) problems.push(postgresProblem);
  }

  problems.push(...healthcheckProblems(service, serviceName));
  return problems;
}
