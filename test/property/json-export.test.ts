import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cannotCarryReason, serialise } from '../../electron/core/dotenv/index.js';
import { entryBatch } from './support/arbitraries.js';

// Any UTF-16 string at all, lone surrogates and NUL included: JSON escapes what it cannot write raw.
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });

describe('json export', () => {
  it('comes back identical, in order, from JSON.parse', () => {
    const batch = fc.oneof(
      entryBatch,
      entryBatch.chain((entries) =>
        fc.tuple(...entries.map(() => anyString)).map((values) => entries.map((entry, i) => ({ ...entry, value: values[i] ?? '' }))),
      ),
    );
    fc.assert(
      fc.property(batch, (entries) => {
        for (const entry of entries) expect(cannotCarryReason(entry.value, 'json')).toBeNull();
        const text = serialise(entries, 'json');
        expect(text.endsWith('\n')).toBe(true);
        const parsed = JSON.parse(text) as Record<string, string>;
        expect(Object.entries(parsed)).toEqual(entries.map((entry) => [entry.envVar, entry.value]));
      }),
      { numRuns: 500 },
    );
  });
});
