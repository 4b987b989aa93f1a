export { type KeyStore, DEFAULT_KEYCHAIN_SERVICE, keychainService, vaultKeyAccount } from './key-store.js';
export { MemoryKeyStore } from './memory-key-store.js';
export { KeytarKeyStore, keychainUnavailable } from './keytar-key-store.js';
