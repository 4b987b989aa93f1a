/**
 * One stored version of one vault secret, decrypted for the length of a scan. `bytes` is
 * the UTF-8 value; the owner of the list wipes it (fill(0)) when the scan is over.
 */
export interface KnownValue {
  readonly bytes: Buffer;
  readonly secretId: string;
  readonly name: string;
  readonly version: number;
  readonly current: boolean;
  readonly providerId: string;
  /** The masked form stored with the version: prefix, bullets, last 4. */
  readonly masked: string;
}

/** Where a known value sits in a buffer. */
export interface KnownMatch {
  readonly offset: number;
  readonly length: number;
  readonly value: KnownValue;
}

/*
 * Exact search for every value at once, without decoding anything. Each value is indexed by
 * a hash of its 8-byte windows at offsets 0..STEP-1; the text is sampled every STEP bytes
 * (two aligned 32-bit reads and a hash), so any occurrence of a value at least
 * STEP + WINDOW - 1 bytes long puts exactly one of its windows on a sampled position. A
 * bitmap that fits in the CPU cache rejects almost every sample with one read; candidates
 * are confirmed by comparing the whole value. Shorter values (8 to 14 bytes) fall back to a
 * rolling hash over every position, paid only when such values exist. Values under 8 bytes
 * are left out: that short a string matches too much ordinary text to mean a leak.
 */
export const MIN_KNOWN_VALUE_BYTES = 8;
const WINDOW = 8;
const STEP = 8;
const MIN_SAMPLED = STEP + WINDOW - 1;
const BASE = 257;
// 2^20 bits (128 KB) stay in the CPU cache; with thousands of values few samples reach the Map
const FILTER_BITS = 20;
const FILTER_SHIFT = 32 - FILTER_BITS;

// BASE^(WINDOW-1) mod 2^32, to take the outgoing byte off the rolling hash
const OUT_FACTOR = (() => {
  let factor = 1;
  for (let i = 0; i < WINDOW - 1; i++) factor = Math.imul(factor, BASE);
  return factor;
})();

function rollingStart(bytes: Uint8Array, start: number): number {
  let hash = 0;
  for (let i = start; i < start + WINDOW; i++) hash = (Math.imul(hash, BASE) + (bytes[i] ?? 0)) | 0;
  return hash;
}

/** Mixes two little-endian 32-bit words; the same function for values and for sampled text. */
function mix(low: number, high: number): number {
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0xc2b2ae35) | 0;
}

/** word() reads little-endian; an Int32Array view agrees only on a little-endian machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function word(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24) | 0
  );
}

class HashFilter {
  private readonly bits = new Uint32Array((1 << FILTER_BITS) >>> 5);
  private readonly byHash = new Map<number, Array<{ value: KnownValue; offset: number }>>();

  add(hash: number, value: KnownValue, offset: number): void {
    const bit = hash >>> FILTER_SHIFT;
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    const bucket = this.byHash.get(hash);
    if (bucket) bucket.push({ value, offset });
    else this.byHash.set(hash, [{ value, offset }]);
  }

  mayHold(hash: number): boolean {
    const bit = hash >>> FILTER_SHIFT;
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /** Confirms the values whose window `offset` bytes in sits at `position`. */
  confirm(buffer: Uint8Array, position: number, hash: number, matches: KnownMatch[]): void {
    for (const { value, offset } of this.byHash.get(hash) ?? []) {
      const start = position - offset;
      const bytes = value.bytes;
      if (start < 0 || start + bytes.length > buffer.length) continue;
      let equal = true;
      for (let i = 0; i < bytes.length; i++) {
        if (buffer[start + i] !== bytes[i]) {
          equal = false;
          break;
        }
      }
      if (equal) matches.push({ offset: start, length: bytes.length, value });
    }
  }
}

export class KnownValueIndex {
  private readonly sampled = new HashFilter();
  private readonly rolling = new HashFilter();
  private readonly hasShort: boolean;
  /** Versions too short to search for, so callers can say so. */
  readonly tooShort: readonly KnownValue[];
  readonly size: number;

  constructor(readonly values: readonly KnownValue[]) {
    const tooShort: KnownValue[] = [];
    let size = 0;
    let hasShort = false;
    for (const value of values) {
      const bytes = value.bytes;
      if (bytes.length < MIN_KNOWN_VALUE_BYTES) {
        tooShort.push(value);
        continue;
      }
      size++;
      if (bytes.length < MIN_SAMPLED) {
        hasShort = true;
        this.rolling.add(rollingStart(bytes, 0), value, 0);
        continue;
      }
      for (let offset = 0; offset < STEP; offset++) this.sampled.add(mix(word(bytes, offset), word(bytes, offset + 4)), value, offset);
    }
    this.tooShort = tooShort;
    this.size = size;
    this.hasShort = hasShort;
  }

  /** Every occurrence of every value, in offset order. */
  find(buffer: Uint8Array): KnownMatch[] {
    const matches: KnownMatch[] = [];
    if (this.size === 0 || buffer.length < WINDOW) return matches;
    const sampled = this.sampled;
    const last = buffer.length - WINDOW;
    if (LITTLE_ENDIAN && (buffer.byteOffset & 3) === 0) {
      // aligned memory: each sample is two 32-bit loads instead of eight byte loads
      const words = new Int32Array(buffer.buffer, buffer.byteOffset, buffer.length >>> 2);
      for (let position = 0; position <= last; position += STEP) {
        const at = position >>> 2;
        const hash = mix(words[at] as number, words[at + 1] as number);
        if (sampled.mayHold(hash)) sampled.confirm(buffer, position, hash, matches);
      }
    } else {
      for (let position = 0; position <= last; position += STEP) {
        const hash = mix(word(buffer, position), word(buffer, position + 4));
        if (sampled.mayHold(hash)) sampled.confirm(buffer, position, hash, matches);
      }
    }
    if (this.hasShort) this.findShort(buffer, matches);
    return matches.sort((a, b) => a.offset - b.offset);
  }

  private findShort(buffer: Uint8Array, matches: KnownMatch[]): void {
    const rolling = this.rolling;
    const end = buffer.length;
    let hash = rollingStart(buffer, 0);
    for (let start = 0; ; start++) {
      if (rolling.mayHold(hash)) rolling.confirm(buffer, start, hash, matches);
      const next = start + WINDOW;
      if (next >= end) break;
      hash = (Math.imul(hash - Math.imul(buffer[start] as number, OUT_FACTOR), BASE) + (buffer[next] as number)) | 0;
    }
  }
}
