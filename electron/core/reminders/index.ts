export * from './reminder-choices.js';
export * from './reminder-engine.js';
export * from './reminder-store.js';
