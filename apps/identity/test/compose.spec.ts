import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeProblems, loadCompose, REPO_ROOT, type ComposeFile } from '@olp/testing';
import { IdentityConfig } from '../src/identity.config.js';

describe('identity in docker-compose.yml', () => {
  it('is built from the Dockerfile and wired to PostgreSQL and NATS with only declared variables', () => {
    expect(composeProblems(loadCompose(), 'identity', IdentityConfig, { database: true })).toEqual([]);
  });

  it('uses the one Dockerfile, which takes ARG APP and installs with npm ci only', () => {
    const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG APP\b/m);
    expect(dockerfile).toMatch(/\bnpm ci\b/);
    expect(dockerfile).not.toMatch(/\bnpm (install|i)\b/);
  });
});

describe('composeProblems (compose check) for a database service', () => {
  const healthy = { condition: 'service_healthy' };
  const good = (): ComposeFile => ({
    services: {
      postgres: { image: 'postgres:16' },
      nats: { image: 'nats:2.10-alpine' },
      identity: {
        build: { context: '.', args: { APP: 'identity' } },
        environment: { HOST: '0.0.0.0', NATS_URL: 'nats://nats:4222', DATABASE_URL: 'postgres://u:p@postgres/olp', DATABASE_ADMIN_URL: 'postgres://postgres@postgres/postgres', BOOTSTRAP_ADMIN_EMAIL: 'a@example.org' },
        depends_on: { postgres: healthy, nats: healthy },
        healthcheck: { test: ['CMD', 'node', '-e', "fetch('http://127.0.0.1:3001/health/ready')"] },
      },
    },
  });
  const problems = (compose: ComposeFile): string[] => composeProblems(compose, 'identity', IdentityConfig, { database: true });

  it('accepts a well-wired service, including optional variables declared without a default', () => {
    expect(problems(good())).toEqual([]);
  });

  it('reports a missing DATABASE_URL and a short-form depends_on postgres', () => {
    const compose = good();
    const identity = compose.services['identity'];
    identity.environment = ['HOST=0.0.0.0', 'NATS_URL=nats://nats:4222'];
    identity.depends_on = ['postgres', 'nats'];
    expect(problems(compose)).toEqual([
      'identity: depends_on nats uses the short form, which only waits for the container to start; use "nats: { condition: service_healthy }"',
      'identity: DATABASE_URL is not set',
      'identity: depends_on postgres uses the short form, which only waits for the container to start; use "postgres: { condition: service_healthy }"',
    ]);
  });

  it('reports a service built without APP, an undeclared variable, loopback HOST and no healthcheck', () => {
    const compose = good();
    const identity = compose.services['identity'];
    identity.build = '.';
    identity.environment = { ...(identity.environment as Record<string, string>), HOST: '127.0.0.1', SMTP_HOST: 'mailpit' };
    delete identity.healthcheck;
    expect(problems(compose)).toEqual([
      'identity: build is only a context; it must pass args: { APP: identity } to the Dockerfile',
      'identity: sets SMTP_HOST, which IdentityConfig does not declare',
      'identity: HOST is 127.0.0.1, expected 0.0.0.0 (the services default to loopback)',
      'identity: no healthcheck (other services wait on service_healthy)',
    ]);
  });
});
