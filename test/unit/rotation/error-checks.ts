import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { ProviderErrorKind } from '../../../electron/core/rotation/adapters/errors.js';
import { ProviderApiError } from '../../../electron/core/rotation/adapters/errors.js';

/** Runs `call`, expects a ProviderApiError of `kind`, and checks no secret is anywhere in it. */
export async function expectProviderError(
  call: Promise<unknown>,
  kind: ProviderErrorKind,
  secrets: readonly string[],
): Promise<ProviderApiError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ProviderApiError of kind ${kind}`).toBeInstanceOf(ProviderApiError);
  const error = caught as ProviderApiError;
  expect(error.kind, error.message).toBe(kind);
  expectNoSecretIn(error, secrets);
  return error;
}

/** The message, the stack, the inspected object (own properties, cause) and its JSON: none may hold a secret. */
export function expectNoSecretIn(error: unknown, secrets: readonly string[]): void {
  // JSON.stringify gives undefined for undefined, whatever lib.d.ts says
  const renderings = [String(error), inspect(error, { depth: 10 }), (JSON.stringify(error) as string | undefined) ?? ''];
  if (error instanceof Error) renderings.push(error.message, error.stack ?? '');
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    for (const text of renderings) expect(text.includes(secret), `a secret appears in: ${text.slice(0, 200)}`).toBe(false);
  }
}
