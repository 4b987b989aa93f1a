/*
 * Thresholds are set so that genuinely random key material essentially never trips them
 * (e.g. 16 random base32 characters, the shortest body we scan, stay above 2.4 bits of
 * entropy per character in simulation), while the fillers people type into docs and
 * templates do.
 */
const PLACEHOLDER_WORDS = /example|placeholder|redacted|dummy|changeme|xxxxx|your[_-]?(?:api[_-]?)?(?:key|token|secret)/i;
const SAME_CHARACTER_RUN = /(.)\1{7}/u;
const SEQUENCE_RUN_LENGTH = 8;
const MIN_ENTROPY_BITS_PER_CHARACTER = 2.3;

function shannonEntropy(characters: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Runs like abcdefgh, 12345678 or 87654321. */
function hasSequenceRun(characters: readonly string[]): boolean {
  let ascending = 1;
  let descending = 1;
  for (let i = 1; i < characters.length; i++) {
    const step = (characters[i]?.codePointAt(0) ?? 0) - (characters[i - 1]?.codePointAt(0) ?? 0);
    ascending = step === 1 ? ascending + 1 : 1;
    descending = step === -1 ? descending + 1 : 1;
    if (ascending >= SEQUENCE_RUN_LENGTH || descending >= SEQUENCE_RUN_LENGTH) return true;
  }
  return false;
}

/** Judges the secret part of a key (its public prefix removed). */
export function looksLikePlaceholder(secretPart: string): boolean {
  const characters = Array.from(secretPart);
  return (
    PLACEHOLDER_WORDS.test(secretPart) ||
    SAME_CHARACTER_RUN.test(secretPart) ||
    hasSequenceRun(characters) ||
    shannonEntropy(characters) < MIN_ENTROPY_BITS_PER_CHARACTER
  );
}
