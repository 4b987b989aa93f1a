import { MemoryKeyStore } from '../../electron/core/index.js';
import { describeVaultBehaviour } from '../support/vault-behaviour.js';

describeVaultBehaviour('in-memory keychain', () => new MemoryKeyStore());
