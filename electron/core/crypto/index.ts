export * from './vault-keys.js';
export * from './envelope.js';
export * from './password-kdf.js';
export * from './key-wrap.js';
