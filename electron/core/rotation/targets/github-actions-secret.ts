/**
 * A GitHub Actions secret as the REST API takes it: the value sealed (libsodium sealed box) with
 * the repository's or environment's public key, so that only GitHub can open it.
 * Reference: https://docs.github.com/en/rest/actions/secrets?apiVersion=2022-11-28
 *   GET /repos/{owner}/{repo}/actions/public-key -> {"key_id", "key" (base64, 32 bytes)}
 *   PUT /repos/{owner}/{repo}/actions/secrets/{secret_name} {"encrypted_value", "key_id"}
 *   GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key
 *   PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}
 * Naming rules: https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#naming-your-secrets
 * The sealing is libsodium's own crypto_box_seal (libsodium-wrappers), as GitHub's docs use it.
 */
import sodium from 'libsodium-wrappers';
import { RekeyError } from '../../errors.js';

export interface ActionsPublicKey {
  readonly key_id: string;
  /** base64 (standard alphabet, padded) of the 32-byte X25519 public key */
  readonly key: string;
}

export interface ActionsSecretBody {
  readonly encrypted_value: string;
  readonly key_id: string;
}

export interface ActionsSecretTarget {
  readonly owner: string;
  readonly repo: string;
  /** an environment's secret instead of the repository's */
  readonly environment?: string;
  readonly name: string;
}

/** GitHub refuses secrets larger than 48 KB. */
const MAX_SECRET_BYTES = 48 * 1024;
const OWNER_OR_REPO = /^[A-Za-z0-9_.-]{1,100}$/;

/** Names: letters, digits and _, not starting with a digit nor with GITHUB_ (case-insensitive, stored upper-case). */
export function checkSecretName(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new RekeyError(
      'invalid-input',
      `"${name}" is not a valid GitHub secret name: use letters, digits and _, not starting with a digit.`,
    );
  }
  if (name.toUpperCase().startsWith('GITHUB_')) {
    throw new RekeyError('invalid-input', `"${name}" is not a valid GitHub secret name: names starting with GITHUB_ are reserved.`);
  }
}

/** The path of the public-key GET and of the secret's PUT, every part checked and encoded. */
export function actionsSecretPaths(target: ActionsSecretTarget): { publicKey: string; secret: string } {
  for (const [what, part] of [
    ['owner', target.owner],
    ['repository', target.repo],
  ] as const) {
    if (!OWNER_OR_REPO.test(part) || part === '.' || part === '..') {
      throw new RekeyError('invalid-input', `"${part}" is not a valid GitHub ${what} name.`);
    }
  }
  checkSecretName(target.name);
  const repo = `/repos/${target.owner}/${target.repo}`;
  if (target.environment === undefined) {
    return { publicKey: `${repo}/actions/public-key`, secret: `${repo}/actions/secrets/${target.name}` };
  }
  if (target.environment.trim() === '') throw new RekeyError('invalid-input', 'A GitHub environment name cannot be empty.');
  const environment = `${repo}/environments/${encodeURIComponent(target.environment)}/secrets`;
  return { publicKey: `${environment}/public-key`, secret: `${environment}/${target.name}` };
}

/** The PUT body for `value`, sealed with the public key GitHub gave for the repository or environment. */
export async function sealActionsSecret(value: string, publicKey: ActionsPublicKey): Promise<ActionsSecretBody> {
  await sodium.ready;
  if (typeof publicKey.key_id !== 'string' || publicKey.key_id === '') {
    throw new RekeyError('invalid-input', "GitHub's public key has no key_id.");
  }
  let key: Uint8Array;
  try {
    key = sodium.from_base64(publicKey.key, sodium.base64_variants.ORIGINAL);
  } catch {
    throw new RekeyError('invalid-input', "GitHub's public key is not valid base64.");
  }
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new RekeyError('invalid-input', `GitHub's public key has ${key.length} bytes, expected ${sodium.crypto_box_PUBLICKEYBYTES}.`);
  }
  const plaintext = sodium.from_string(value);
  if (plaintext.length > MAX_SECRET_BYTES) {
    throw new RekeyError('invalid-input', `The value is ${plaintext.length} bytes; GitHub secrets hold at most ${MAX_SECRET_BYTES}.`);
  }
  const sealed = sodium.crypto_box_seal(plaintext, key);
  return { encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL), key_id: publicKey.key_id };
}
