import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeProblems, loadCompose, REPO_ROOT } from '@olp/testing';
import { NotificationsConfig } from '../src/notifications.config.js';

describe('notifications in docker-compose.yml', () => {
  it('is built from the Dockerfile and wired to PostgreSQL and NATS with only declared variables', () => {
    expect(composeProblems(loadCompose(), 'notifications', NotificationsConfig, { database: true })).toEqual([]);
  });

  it('uses the one Dockerfile, which takes ARG APP and installs with npm ci only', () => {
    const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG APP\b/m);
    expect(dockerfile).toMatch(/\bnpm ci\b/);
    expect(dockerfile).not.toMatch(/\bnpm (install|i)\b/);
  });
});
