import { findCandidateKeysInBytes, findProvider } from '../providers/index.js';
import { maskValue } from '../providers/mask.js';
import { GENERIC_PROVIDER_ID } from '../providers/provider.js';
import type { KnownValueIndex } from './known-values.js';
import type { KeyHit } from './finding.js';

/** A hit in one buffer, before it has a path. */
export interface BufferHit extends KeyHit {
  /** Offset and length in bytes, for a caller that must hold on to an unknown key (the app's "Add to vault"). */
  readonly offset: number;
  readonly length: number;
}

export const BINARY_SNIFF_BYTES = 8 * 1024;

/** Git's own test: a NUL byte in the first 8 KB means binary. */
export function looksBinary(buffer: Uint8Array): boolean {
  return buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function providerName(id: string): string {
  return findProvider(id)?.displayName ?? id;
}

/**
 * Vault values anywhere in the bytes, and provider-shaped keys that are not vault values.
 * Provider patterns are ASCII, so they run over a latin1 view (one char per byte, no
 * decoding cost) and their offsets are byte offsets.
 */
export function scanBuffer(buffer: Buffer, index: KnownValueIndex): BufferHit[] {
  const known = index.find(buffer);
  const candidates = findCandidateKeysInBytes(buffer);
  const raw: Array<Omit<BufferHit, 'line' | 'column'>> = known.map(({ offset, length, value }) => ({
    offset,
    length,
    providerId: value.providerId,
    providerName: providerName(value.providerId),
    masked: value.masked,
    secret: { id: value.secretId, name: value.name, version: value.version, current: value.current },
  }));
  for (const candidate of candidates) {
    const end = candidate.index + candidate.length;
    // a vault value is reported as itself, not again as an unknown key
    if (known.some((hit) => hit.offset < end && candidate.index < hit.offset + hit.length)) continue;
    const token = buffer.toString('utf8', candidate.index, end);
    raw.push({
      offset: candidate.index,
      length: candidate.length,
      providerId: candidate.providerId,
      providerName: providerName(candidate.providerId),
      masked: maskValue(token, candidate.providerId === GENERIC_PROVIDER_ID ? undefined : candidate.providerId),
      secret: null,
    });
  }
  raw.sort((a, b) => a.offset - b.offset);
  return locate(buffer, raw);
}

/** Line and column (in characters) of each hit, with one pass over the bytes before the last. */
function locate(buffer: Buffer, hits: ReadonlyArray<Omit<BufferHit, 'line' | 'column'>>): BufferHit[] {
  let line = 1;
  let lineStart = 0;
  let position = 0;
  return hits.map((hit) => {
    for (; position < hit.offset; position++) {
      if (buffer[position] === 0x0a) {
        line++;
        lineStart = position + 1;
      }
    }
    const column = Array.from(buffer.toString('utf8', lineStart, hit.offset)).length + 1;
    return { ...hit, line, column };
  });
}
