import { createRequire } from 'node:module';
import { RekeyError } from '../errors.js';
import type * as KeytarModule from 'keytar';
import type { KeyStore } from './key-store.js';

type Keytar = typeof KeytarModule;

const UNREACHABLE_HINTS = [
  'Cannot autolaunch D-Bus',
  'org.freedesktop.DBus.Error',
  'org.freedesktop.secrets',
  'Unable to autolaunch',
  'No such interface',
  'Object does not exist',
  'Could not connect',
];

/** Service-specific guidance, because "keychain error" alone leaves the user stuck. */
function whatToDo(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Rekey keeps its vault key in the macOS Keychain; unlock your login keychain and try again.';
    case 'win32':
      return 'Rekey keeps its vault key in Windows Credential Manager; make sure it is available for your account.';
    default:
      return (
        'Rekey keeps its vault key in the OS keychain (the Secret Service over D-Bus). ' +
        'Start a Secret Service provider in your session, such as gnome-keyring or KeePassXC, and try again.'
      );
  }
}

export function keychainUnavailable(cause: string, platform: NodeJS.Platform = process.platform): RekeyError {
  return new RekeyError('keychain-unavailable', `No OS keychain is reachable (${cause}). ${whatToDo(platform)}`);
}

/** keytar's messages carry only service/account names and D-Bus errors, never the secret. */
function translate(error: unknown): RekeyError {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? message;
  if (UNREACHABLE_HINTS.some((hint) => message.includes(hint))) return keychainUnavailable(firstLine);
  return new RekeyError('keychain-unavailable', `The OS keychain refused the request: ${firstLine}`);
}

let loaded: Keytar | undefined;

/** Loaded lazily: unit tests and `--help` must not need the native module. */
function loadKeytar(): Keytar {
  if (loaded) return loaded;
  try {
    loaded = createRequire(import.meta.url)('keytar') as Keytar;
    return loaded;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw keychainUnavailable(`the keytar native module could not be loaded: ${reason}`);
  }
}

export class KeytarKeyStore implements KeyStore {
  readonly description: string;

  constructor(readonly service: string) {
    this.description = `OS keychain (service "${service}")`;
  }

  async get(account: string): Promise<string | null> {
    try {
      return await loadKeytar().getPassword(this.service, account);
    } catch (error) {
      throw error instanceof RekeyError ? error : translate(error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await loadKeytar().setPassword(this.service, account, secret);
    } catch (error) {
      throw error instanceof RekeyError ? error : translate(error);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await loadKeytar().deletePassword(this.service, account);
    } catch (error) {
      throw error instanceof RekeyError ? error : translate(error);
    }
  }
}
