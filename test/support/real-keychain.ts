import { randomUUID } from 'node:crypto';
import { KeytarKeyStore, type KeyStore } from '../../electron/core/index.js';

/**
 * The real OS keychain, but only the private one that test/scripts/with-private-keyring.sh
 * starts: tests must never write to a developer's own keyring. Outside that script this
 * fails loudly instead of skipping, so a missing keyring can never pass as green.
 */
export function requirePrivateKeyring(): void {
  if (process.env['REKEY_PRIVATE_KEYRING'] !== '1' || !process.env['DBUS_SESSION_BUS_ADDRESS']) {
    throw new Error(
      'These tests need the private gnome-keyring session: run them with `npm test`, or prefix the command with ' +
        '`bash test/scripts/with-private-keyring.sh`.',
    );
  }
}

/** A keychain service name of its own per test file, so parallel files never share items. */
export function testKeychainService(): string {
  return `Rekey-test-${randomUUID()}`;
}

export function realKeyStore(service: string = testKeychainService()): KeytarKeyStore {
  requirePrivateKeyring();
  return new KeytarKeyStore(service);
}

/** Counts calls, for "exactly one keychain read per unlock". */
export class CountingKeyStore implements KeyStore {
  calls = { get: 0, set: 0, delete: 0 };
  constructor(private readonly inner: KeyStore) {}
  get description() {
    return this.inner.description;
  }
  get(account: string) {
    this.calls.get++;
    return this.inner.get(account);
  }
  set(account: string, secret: string) {
    this.calls.set++;
    return this.inner.set(account, secret);
  }
  delete(account: string) {
    this.calls.delete++;
    return this.inner.delete(account);
  }
}
