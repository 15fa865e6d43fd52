export * from './test-infrastructure.js';
export * from './compose-check.js';
export * from './smtp-catcher.js';
export * from './event-publisher.js';
