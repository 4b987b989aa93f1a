import { PROVIDER_SPECS } from './catalog.js';
import { shapeSource } from './key-pattern.js';
import { looksLikePlaceholder } from './placeholder.js';
import type { ProviderSpec } from './provider.js';
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

/**
 * One alternation in priority order: at each position the first provider whose shape fits
 * wins, the same precedence detectProvider uses. Group n+1 is provider n. This is the
 * definition; findCandidateKeys below finds exactly what it finds, faster (a test holds the
 * two equal).
 */
export const CANDIDATE_PATTERN = new RegExp(
  `(?<!${TOKEN_CHARACTER})(?:${SCANNED_SPECS.map((spec) => `(${shapeSource(spec)})`).join('|')})(?!${TOKEN_CHARACTER})`,
  'g',
);

if ((new RegExp(`${CANDIDATE_PATTERN.source}|`).exec('')?.length ?? 0) !== SCANNED_SPECS.length + 1) {
  throw new Error('a provider pattern contains a capturing group; use (?:...)');
}

/*
 * Speed: a match can only start where a token starts (the lookbehind), and a provider can only
 * match where one of its public prefixes starts. So one pass over the characters finds the token
 * starts, a table keyed by the first character says which prefixes could begin there, and only
 * the providers whose prefix is really there try their (sticky) pattern, in priority order.
 * Mailgun's current keys have no prefix: they are tried where a hex character starts a token
 * whose shape puts dashes at 32 and 41.
 */
const IS_TOKEN = new Uint8Array(65536);
for (const range of ['AZ', 'az', '09']) {
  for (let code = range.charCodeAt(0); code <= range.charCodeAt(1); code++) IS_TOKEN[code] = 1;
}
IS_TOKEN['_'.charCodeAt(0)] = 1;
IS_TOKEN['-'.charCodeAt(0)] = 1;

interface Entry {
  readonly order: number;
  readonly spec: ProviderSpec;
  readonly pattern: RegExp;
  readonly prefixes: readonly string[];
  readonly prefixCodes: readonly (readonly number[])[];
}

const ENTRIES: readonly Entry[] = SCANNED_SPECS.map((spec, order) => ({
  order,
  spec,
  pattern: new RegExp(`(?:${shapeSource(spec)})(?!${TOKEN_CHARACTER})`, 'y'),
  prefixes: [...new Set(spec.forms.flatMap((form) => form.prefixes))],
  prefixCodes: [...new Set(spec.forms.flatMap((form) => form.prefixes))].map((prefix) => [...prefix].map((c) => c.charCodeAt(0))),
}));

const HEX_START = '0123456789abcdef';
const BY_FIRST_CHARACTER = new Map<number, Entry[]>();
for (const entry of ENTRIES) {
  const starts = new Set(entry.prefixes.flatMap((prefix) => (prefix === '' ? HEX_START.split('') : [prefix.charAt(0)])));
  for (const start of starts) {
    const code = start.charCodeAt(0);
    const list = BY_FIRST_CHARACTER.get(code) ?? [];
    list.push(entry);
    BY_FIRST_CHARACTER.set(code, list);
  }
}
const MAY_START = new Uint8Array(65536);
for (const code of BY_FIRST_CHARACTER.keys()) MAY_START[code] = 1;
const BY_FIRST_BYTE: ReadonlyArray<readonly Entry[]> = Array.from({ length: 256 }, (_, code) => BY_FIRST_CHARACTER.get(code) ?? []);
const DASH = '-'.charCodeAt(0);

function prefixAt(entry: Entry, text: string, index: number): boolean {
  for (const prefix of entry.prefixes) {
    if (prefix === '') {
      if (text.charCodeAt(index + 32) === DASH && text.charCodeAt(index + 41) === DASH) return true;
    } else if (text.startsWith(prefix, index)) return true;
  }
  return false;
}

/** Whether one of the entry's prefixes (or its prefix-less shape's dashes) is at `index`. */
function prefixAtBytes(entry: Entry, bytes: Uint8Array, index: number): boolean {
  for (const prefix of entry.prefixCodes) {
    if (prefix.length === 0) {
      if (index + 41 < bytes.length && bytes[index + 32] === DASH && bytes[index + 41] === DASH) return true;
      continue;
    }
    if (index + prefix.length > bytes.length) continue;
    let same = true;
    for (let k = 0; k < prefix.length && same; k++) same = bytes[index + k] === prefix[k];
    if (same) return true;
  }
  return false;
}

function anyPrefixAtBytes(bytes: Uint8Array, index: number, firstCode: number): boolean {
  const entries = BY_FIRST_BYTE[firstCode] as readonly Entry[];
  for (let e = 0; e < entries.length; e++) if (prefixAtBytes(entries[e] as Entry, bytes, index)) return true;
  return false;
}

/** The key at a token start, as CANDIDATE_PATTERN would match it there, or null. */
function matchAt(text: string, index: number, firstCode: number): { entry: Entry; length: number } | null {
  const entries = BY_FIRST_CHARACTER.get(firstCode);
  if (entries === undefined) return null;
  for (const entry of entries) {
    if (!prefixAt(entry, text, index)) continue;
    entry.pattern.lastIndex = index;
    const match = entry.pattern.exec(text);
    if (match !== null) return { entry, length: match[0].length };
  }
  return null;
}

function accept(found: { entry: Entry; length: number }, token: string, index: number, into: CandidateKey[]): void {
  if (!looksLikePlaceholder(token.slice(longestPrefixOf(found.entry.spec, token).length))) {
    into.push({ providerId: found.entry.spec.id, index, length: found.length });
  }
}

export function findCandidateKeys(text: string): CandidateKey[] {
  const candidates: CandidateKey[] = [];
  const end = text.length;
  let previousIsToken = false;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const isToken = IS_TOKEN[code] === 1;
    if (isToken && !previousIsToken && MAY_START[code] === 1) {
      const found = matchAt(text, i, code);
      if (found !== null) {
        accept(found, text.slice(i, i + found.length), i, candidates);
        // like the global pattern, carry on after the match (it ends before a non-token character)
        i += found.length - 1;
        previousIsToken = true;
        continue;
      }
    }
    previousIsToken = isToken;
  }
  return candidates;
}

/**
 * The same over raw bytes, read as latin1 (one character per byte): offsets are byte offsets.
 * Provider shapes are ASCII, so a UTF-8 file is searched correctly. Looping over the bytes is
 * several times faster than over a long string, and most files never need the string at all.
 */
/*
 * Most token starts in code are rejected by their first two bytes: a table marks the byte
 * pairs some prefix starts with (a one-byte prefix would mark every pair, and there is none),
 * and Mailgun's prefix-less shape is tested by where its dashes fall.
 */
// a bitset (8 KB) rather than a byte table (64 KB): it stays in the L1 cache
const PREFIX_PAIRS = new Uint32Array(65536 >>> 5);
for (const entry of ENTRIES) {
  for (const prefix of entry.prefixCodes) {
    if (prefix.length === 1) throw new Error('a one-character key prefix would defeat the pair filter');
    if (prefix.length < 2) continue;
    const pair = ((prefix[0] as number) << 8) | (prefix[1] as number);
    PREFIX_PAIRS[pair >>> 5] = (PREFIX_PAIRS[pair >>> 5] as number) | (1 << (pair & 31));
  }
}
const IS_TOKEN_BYTE = IS_TOKEN.slice(0, 256);
const HAS_PREFIXLESS_FORM = ENTRIES.some((entry) => entry.prefixes.includes(''));
const IS_HEX_START = new Uint8Array(256);
for (const c of HEX_START) IS_HEX_START[c.charCodeAt(0)] = 1;

/**
 * The same over raw bytes, read as latin1 (one character per byte): offsets are byte offsets.
 * Provider shapes are ASCII, so a UTF-8 file is searched correctly. Looping over the bytes is
 * several times faster than over a long string, and most files never need the string at all.
 */
export function findCandidateKeysInBytes(bytes: Uint8Array): CandidateKey[] {
  const candidates: CandidateKey[] = [];
  const end = bytes.length;
  let text: string | null = null;
  let i = 0;
  // two tight loops (over separators, then over a token) branch far more predictably than one
  // loop asking at every byte whether a token starts there; bounds are checked before every read,
  // since one read past the end of a typed array makes V8 deoptimise the function
  while (i < end) {
    while (i < end && IS_TOKEN_BYTE[bytes[i] as number] === 0) i++;
    if (i >= end) break;
    const code = bytes[i] as number;
    const pair = i + 1 < end ? (code << 8) | (bytes[i + 1] as number) : 0;
    const maybe =
      ((PREFIX_PAIRS[pair >>> 5] as number) & (1 << (pair & 31))) !== 0 ||
      (HAS_PREFIXLESS_FORM && i + 41 < end && IS_HEX_START[code] === 1 && bytes[i + 32] === DASH && bytes[i + 41] === DASH);
    if (maybe && anyPrefixAtBytes(bytes, i, code)) {
      text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      const found = matchAt(text, i, code);
      if (found !== null) {
        accept(found, text.slice(i, i + found.length), i, candidates);
        // like the global pattern, carry on after the match (it ends before a non-token character)
        i += found.length;
        continue;
      }
    }
    i++;
    while (i < end && IS_TOKEN_BYTE[bytes[i] as number] === 1) i++;
  }
  return candidates;
}
