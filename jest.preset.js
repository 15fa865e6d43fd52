// Shared Jest settings for every app and lib. Jest runs in ESM mode (Nest 12 is ESM-only; see
// docs/decisions.md) and @swc/jest strips types with legacy decorators + decorator metadata, the
// same semantics tsc gives the build. `@olp/*` imports resolve to the libs' sources so tests
// never need a prior build.
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);

export function jestProject(name, dir, overrides = {}) {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
      '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    },
    // @fastify/static (CommonJS, used by the Swagger UI) requires content-disposition, which is ESM
    // only; Jest cannot require ESM on Node 20, so that one package is compiled to CommonJS.
    transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
    moduleNameMapper: {
      '^@olp/([a-z-]+)$': `${root}/libs/$1/src/index.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    ...overrides,
  };
}
