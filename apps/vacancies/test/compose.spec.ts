import { composeProblems, loadCompose } from '@olp/testing';
import { VacanciesConfig } from '../src/vacancies.config.js';

describe('vacancies in docker-compose.yml', () => {
  it('is built from the Dockerfile and wired to PostgreSQL and NATS with only declared variables', () => {
    expect(composeProblems(loadCompose(), 'vacancies', VacanciesConfig, { database: true })).toEqual([]);
  });
});
