import { composeProblems, loadCompose } from '@olp/testing';
import { ProgrammesConfig } from '../src/programmes.config.js';

describe('programmes in docker-compose.yml', () => {
  it('is built from the Dockerfile and wired to PostgreSQL and NATS with only declared variables', () => {
    expect(composeProblems(loadCompose(), 'programmes', ProgrammesConfig, { database: true })).toEqual([]);
  });
});
