import { PROVIDER_SPECS } from './catalog.js';
import { shapeSource } from './key-pattern.js';
import { looksLikePlaceholder } from './placeholder.js';
import { longestPrefixOf } from './public-prefix.js';

export interface CandidateKey {
  providerId: string;
  /** Offset in the text, in UTF-16 code units (what String#slice takes). */
  index: number;
  length: number;
}

// A token glued to more key-like characters is a fragment of something longer (a hash,
// a longer identifier), not a key of the provider's exact shape.
const TOKEN_CHARACTER = '[A-Za-z0-9_-]';
const SCANNED_SPECS = PROVIDER_SPECS.filter((spec) => spec.forms.length > 0);

// One alternation in priority order: at each position the first provider whose shape
// fits wins, the same precedence detectProvider uses. Group n+1 is provider n.
const SCANNER = new RegExp(
  `(?<!${TOKEN_CHARACTER})(?:${SCANNED_SPECS.map((spec) => `(${shapeSource(spec)})`).join('|')})(?!${TOKEN_CHARACTER})`,
  'g',
);

if ((new RegExp(`${SCANNER.source}|`).exec('')?.length ?? 0) !== SCANNED_SPECS.length + 1) {
  throw new Error('a provider pattern contains a capturing group; use (?:...)');
}

export function findCandidateKeys(text: string): CandidateKey[] {
  const candidates: CandidateKey[] = [];
  for (const match of text.matchAll(SCANNER)) {
    const group = match.findIndex((captured, i) => i > 0 && captured !== undefined);
    const spec = SCANNED_SPECS[group - 1];
    if (spec === undefined) continue;
    const token = match[0];
    if (looksLikePlaceholder(token.slice(longestPrefixOf(spec, token).length))) continue;
    candidates.push({ providerId: spec.id, index: match.index, length: token.length });
  }
  return candidates;
}
