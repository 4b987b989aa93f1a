import { RekeyError } from '../errors.js';
import { PROVIDER_SPECS } from './catalog.js';
import type { Provider, ProviderSpec } from './provider.js';

// Callers get plain frozen metadata: patterns stay private to this module, and nothing
// handed out (e.g. across IPC or into React state) can alter the catalog.
const PUBLIC_PROVIDERS: readonly Provider[] = Object.freeze(
  PROVIDER_SPECS.map((spec) =>
    Object.freeze({
      id: spec.id,
      displayName: spec.displayName,
      suggestedEnvVar: spec.suggestedEnvVar,
      defaultRotateEveryDays: spec.defaultRotateEveryDays,
      rotateUrl: spec.rotateUrl,
    }),
  ),
);

const SPECS_BY_ID = new Map(PROVIDER_SPECS.map((spec) => [spec.id, spec]));
const PROVIDERS_BY_ID = new Map(PUBLIC_PROVIDERS.map((provider) => [provider.id, provider]));

export function listProviders(): readonly Provider[] {
  return PUBLIC_PROVIDERS;
}

export function findProvider(id: string): Provider | undefined {
  return PROVIDERS_BY_ID.get(id);
}

export function toPublicProvider(spec: ProviderSpec): Provider {
  const provider = PROVIDERS_BY_ID.get(spec.id);
  if (provider === undefined) throw new Error(`provider ${spec.id} missing from the catalog`);
  return provider;
}

export function findProviderSpec(id: string): ProviderSpec | undefined {
  return SPECS_BY_ID.get(id);
}

export function requireProviderSpec(id: string): ProviderSpec {
  const spec = SPECS_BY_ID.get(id);
  if (spec === undefined) {
    // The id is not echoed: a caller that swapped (providerId, value) would put the secret in the message.
    throw new RekeyError('invalid-input', `Unknown provider id. Valid ids: ${PROVIDER_SPECS.map((s) => s.id).join(', ')}.`);
  }
  return spec;
}
