export * from './test-infrastructure.js';
export * from './compose-check.js';
