import { PROVIDER_SPECS } from './catalog.js';
import { matchesFormat } from './key-pattern.js';
import { GENERIC_PROVIDER_ID } from './provider.js';
import type { Provider } from './provider.js';
import { findProvider, toPublicProvider } from './registry.js';

export function detectProvider(value: string): Provider {
  // The catalog is in priority order, so the first whole-value match is the most specific one.
  const spec = PROVIDER_SPECS.find((candidate) => matchesFormat(candidate, value));
  if (spec !== undefined) return toPublicProvider(spec);
  const generic = findProvider(GENERIC_PROVIDER_ID);
  if (generic === undefined) throw new Error('the generic provider is missing from the catalog');
  return generic;
}
