export * from './database-url.js';
export * from './provision.js';
export * from './service-data-source.js';
export * from './snake-naming.strategy.js';
export * from './database.module.js';
export * from './sql-rows.js';
