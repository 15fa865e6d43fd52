// `npm test` runs every project's tests in one Jest process (2 workers for 2 cores).
import { readdirSync, existsSync } from 'node:fs';

const projects = [
  ...['libs', 'apps'].flatMap((group) =>
    readdirSync(group)
      .filter((name) => existsSync(`${group}/${name}/jest.config.js`))
      .map((name) => `<rootDir>/${group}/${name}/jest.config.js`),
  ),
  '<rootDir>/e2e/jest.config.js',
];

export default {
  projects,
  maxWorkers: 2,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  testTimeout: 60000,
};
