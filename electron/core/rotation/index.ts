export * from './statuses.js';
export * from './status.js';
