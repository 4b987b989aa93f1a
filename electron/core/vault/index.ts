export * from './vault.js';
export * from './vault-paths.js';
export * from './vault-export.js';
export * from './vault-import.js';
export * from './secret-fields.js';
export * from './secret-value.js';
export type { SecretSummary, VersionSummary } from './secret-summary.js';
