export * from './settings.js';
export * from './settings-store.js';
