export * from './backup.js';
export { MIN_PASSPHRASE_LENGTH, MAX_KDF_MEMORY_BYTES, checkPassphrase } from './backup-file.js';
