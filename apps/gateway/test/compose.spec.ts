import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeProblems, loadCompose, REPO_ROOT, type ComposeFile } from '@olp/testing';
import { GatewayConfig } from '../src/gateway.config.js';

describe('gateway in docker-compose.yml', () => {
  it('is built from the Dockerfile and wired to NATS with only declared variables', () => {
    expect(composeProblems(loadCompose(), 'gateway', GatewayConfig, { database: false })).toEqual([]);
  });

  it('waits for identity to be healthy and publishes port 3000', () => {
    const gateway = loadCompose().services['gateway'];
    expect(gateway?.depends_on).toMatchObject({ identity: { condition: 'service_healthy' } });
    expect(gateway?.ports?.map(String)).toContain('3000:3000');
  });

  it('uses the one Dockerfile, which takes ARG APP and installs with npm ci only', () => {
    const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG APP\b/m);
    expect(dockerfile).toMatch(/\bnpm ci\b/);
    expect(dockerfile).not.toMatch(/\bnpm (install|i)\b/);
  });
});

describe('every app in docker-compose.yml (compose coverage)', () => {
  const compose = loadCompose();
  const appsDir = path.join(REPO_ROOT, 'apps');
  const apps = readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(appsDir, entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name);

  it('has a service for every apps/* folder with a src/main.ts', () => {
    expect(apps.filter((app) => !(app in compose.services))).toEqual([]);
  });

  it('builds every Dockerfile service from an existing app folder', () => {
    const built = Object.entries(compose.services).flatMap(([name, service]) => {
      const build = service.build;
      if (typeof build !== 'object') return [];
      const args = build.args;
      const app = Array.isArray(args) ? args.find((arg) => arg.startsWith('APP='))?.slice(4) : args?.['APP'];
      return [{ name, app: String(app) }];
    });
    expect(built.filter(({ app }) => !existsSync(path.join(appsDir, app, 'package.json')))).toEqual([]);
  });
});

describe('composeProblems (compose check) for a stateless service', () => {
  const healthy = { condition: 'service_healthy' };
  const good = (): ComposeFile => ({
    services: {
      nats: { image: 'nats:2.10-alpine' },
      gateway: {
        build: { context: '.', dockerfile: 'Dockerfile', args: ['APP=gateway'] },
        environment: { HOST: '0.0.0.0', NATS_URL: 'nats://nats:4222', PORT: 3000 },
        depends_on: { nats: healthy },
        healthcheck: { test: 'node -e "fetch(\'http://127.0.0.1:3000/health/ready\')"' },
      },
    },
  });
  const problems = (compose: ComposeFile): string[] => composeProblems(compose, 'gateway', GatewayConfig, { database: false });

  it('accepts a well-wired service', () => {
    expect(problems(good())).toEqual([]);
  });

  it('reports a missing service', () => {
    expect(composeProblems(good(), 'seekers', GatewayConfig, { database: false })).toEqual(['no service "seekers" in docker-compose.yml']);
  });

  it('reports a missing NATS_URL, a database variable the gateway does not declare and a wrong APP', () => {
    const compose = good();
    const gateway = compose.services['gateway'];
    gateway.build = { context: '.', args: { APP: 'identity' } };
    gateway.environment = { HOST: '0.0.0.0', DATABASE_URL: 'postgres://postgres/olp' };
    expect(problems(compose)).toEqual([
      'gateway: build args APP is identity, expected gateway',
      'gateway: sets DATABASE_URL, which GatewayConfig does not declare',
      'gateway: NATS_URL is not set',
    ]);
  });

  it('reports a dependency on NATS that does not wait for health, and a healthcheck on the wrong route', () => {
    const compose = good();
    const gateway = compose.services['gateway'];
    gateway.depends_on = { nats: { condition: 'service_started' } };
    gateway.healthcheck = { test: ['CMD', 'true'] };
    expect(problems(compose)).toEqual([
      'gateway: depends_on nats has condition service_started, expected service_healthy',
      'gateway: healthcheck does not ask /health/ready',
    ]);
  });
});
