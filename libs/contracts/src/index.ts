export * from './errors/error-codes.js';
export * from './errors/domain-error.js';
export * from './common/roles.js';
export * from './events/identity/user-events.v1.js';
export * from './events/event-registry.js';
export * from './rpc/identity/identity-rpc.v1.js';
export * from './rpc/rpc-registry.js';
