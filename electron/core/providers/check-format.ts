import { matchesFormat } from './key-pattern.js';
import { looksLikePlaceholder } from './placeholder.js';
import { GENERIC_PROVIDER_ID } from './provider.js';
import type { ProviderSpec } from './provider.js';
import { longestPrefixOf } from './public-prefix.js';
import { requireProviderSpec } from './registry.js';
import { hasUnsafeCharacter, hasUnsafeCharacterAtEdge } from './unsafe-characters.js';

/*
 * Every sentence here is built from catalog metadata and fixed words only, never from the
 * value: warnings end up in the UI, the CLI and possibly logs. For the same reason a
 * length problem says "shorter/longer than expected" rather than quoting the length.
 */

function listPrefixes(spec: ProviderSpec): string {
  const prefixes = spec.forms.flatMap((form) => form.prefixes).filter((prefix) => prefix !== '');
  if (prefixes.length === 1) return prefixes[0] ?? '';
  return `${prefixes.slice(0, -1).join(', ')} or ${prefixes.at(-1) ?? ''}`;
}

function describeMismatch(spec: ProviderSpec, value: string): string {
  if (value.length === 0) return 'the value is empty';
  if (hasUnsafeCharacterAtEdge(value)) return 'it has leading or trailing whitespace';
  if (hasUnsafeCharacter(value)) return 'it contains whitespace, a line break or an invisible control character';

  const prefix = longestPrefixOf(spec, value);
  const forms = spec.forms.filter((form) => form.prefixes.includes(prefix));
  if (forms.length === 0) return `it does not start with ${listPrefixes(spec)}`;

  const body = value.slice(prefix.length);
  const plausible = forms.filter((form) => form.alphabet.test(body));
  if (plausible.length === 0) {
    return `it contains characters that ${spec.displayName} keys never use (after the prefix only ${spec.alphabetHint} are expected)`;
  }

  const length = Array.from(body).length;
  if (plausible.every((form) => length < form.bodyLength.min)) return 'it is shorter than expected';
  if (plausible.every((form) => length > form.bodyLength.max)) return 'it is longer than expected';
  if (!plausible.some((form) => length >= form.bodyLength.min && length <= form.bodyLength.max)) {
    return 'its length is not one the format allows';
  }
  return 'its structure differs from the format (characters in the wrong places or a missing separator)';
}

export function checkFormat(providerId: string, value: string): string | null {
  const spec = requireProviderSpec(providerId);
  if (spec.id === GENERIC_PROVIDER_ID) return null;

  if (matchesFormat(spec, value)) {
    const secretPart = value.slice(longestPrefixOf(spec, value).length);
    return looksLikePlaceholder(secretPart)
      ? `This looks like a placeholder rather than a real ${spec.displayName} key: the part after the prefix is too repetitive or contains a filler word.`
      : null;
  }
  return `Does not match the ${spec.displayName} key format: ${describeMismatch(spec, value)}. Expected ${spec.formatHint}.`;
}
