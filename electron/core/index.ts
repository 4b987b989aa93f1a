/** The public surface of core for the CLI and the Electron main process. */
export * from './errors.js';
export * from './clock.js';
export * from './keychain/index.js';
export * from './rotation/index.js';
export * from './vault/index.js';
export * from './audit/index.js';
export * as providers from './providers/index.js';
export * as dotenv from './dotenv/index.js';
export * from './reminders/index.js';
export * from './settings/index.js';
export * from './backup/index.js';
export * as scanning from './scan/index.js';
