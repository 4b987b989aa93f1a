import { requireProviderSpec } from './registry.js';
import type { ProviderSpec } from './provider.js';

/** Longest of the provider's public prefixes that the value starts with; '' when none. */
export function longestPrefixOf(spec: ProviderSpec, value: string): string {
  let longest = '';
  for (const form of spec.forms) {
    for (const prefix of form.prefixes) {
      if (prefix.length > longest.length && value.startsWith(prefix)) longest = prefix;
    }
  }
  return longest;
}

export function publicPrefix(providerId: string, value: string): string {
  return longestPrefixOf(requireProviderSpec(providerId), value);
}
