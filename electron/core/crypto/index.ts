export * from './vault-keys.js';
export * from './envelope.js';
