import { detectProvider } from './detect.js';
import { longestPrefixOf } from './public-prefix.js';
import { findProviderSpec } from './registry.js';
import { hasUnsafeCharacter } from './unsafe-characters.js';

/*
 * A fixed run of bullets, so the masked form says nothing about the value's length.
 * Below MIN_MASKABLE code points even a 4-character tail is too large a share of the
 * secret; and the tail is only shown when at least MIN_HIDDEN code points stay hidden
 * behind it, so a long public prefix (PyPI's is 20 characters) can never combine with
 * the tail to reveal most of a short secret.
 */
const HIDDEN = '•'.repeat(8);
const MIN_MASKABLE = 16;
const TAIL_LENGTH = 4;
const MIN_HIDDEN = 12;

function prefixFor(value: string, providerId: string | undefined): string {
  if (providerId === undefined) {
    const detected = findProviderSpec(detectProvider(value).id);
    return detected === undefined ? '' : longestPrefixOf(detected, value);
  }
  // Masking runs while rendering lists: an id this version does not know (say, from a
  // newer vault) must still mask, so it is treated like generic rather than thrown on.
  const spec = findProviderSpec(providerId);
  return spec === undefined ? '' : longestPrefixOf(spec, value);
}

export function maskValue(value: string, providerId?: string): string {
  const characters = Array.from(value);
  // A tail taken from a PEM or a pasted line could be '----' or a line break: show nothing.
  if (characters.length < MIN_MASKABLE || hasUnsafeCharacter(value)) return HIDDEN;

  const prefix = prefixFor(value, providerId);
  const hiddenCount = characters.length - Array.from(prefix).length - TAIL_LENGTH;
  if (hiddenCount < MIN_HIDDEN) return prefix + HIDDEN;
  return prefix + HIDDEN + characters.slice(-TAIL_LENGTH).join('');
}
