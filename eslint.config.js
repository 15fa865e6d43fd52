// Lint for the whole workspace: typescript-eslint's recommended rules, zero warnings allowed, and
// Nx module boundaries with real constraints (see docs/decisions.md):
//   type:app       may use libs, never another app
//   type:e2e       may use apps and libs (it starts them); nothing may use it
//   scope:contracts      may use only domain data (reference-data)
//   scope:domain-data    depends on nothing of ours
//   scope:platform       may use contracts and domain data
//   scope:infrastructure may use platform, contracts, domain data and other infrastructure
//   scope:testing        may use infrastructure and below; only tests import it
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const LOWER = ['scope:contracts', 'scope:domain-data'];

/** Module boundaries; test files may also use the testing lib. */
function boundaries(inTests, allow = []) {
  const testing = inTests ? ['scope:testing'] : [];
  return {
    allow,
    enforceBuildableLibDependency: false,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:app', notDependOnLibsWithTags: inTests ? [] : ['scope:testing'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
      { sourceTag: 'scope:domain-data', onlyDependOnLibsWithTags: [...testing] },
      { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:domain-data', ...testing] },
      { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: [...LOWER, ...testing] },
      { sourceTag: 'scope:infrastructure', onlyDependOnLibsWithTags: ['scope:infrastructure', 'scope:platform', ...LOWER, ...testing] },
      { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:infrastructure', 'scope:platform', ...LOWER] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Decorated constructor parameters must stay value imports: Nest reads their runtime types.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    // The e2e project starts the apps in-process, so it imports their modules by path, and as
    // processes with tools/dev/processes.mjs (the service table `npm start` uses).
    files: ['e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true, ['../../apps/**', '../../tools/dev/**'])] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Buffer: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', performance: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
