import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cannotCarryReason, serialise } from '../../electron/core/dotenv/index.js';
import { entryBatch } from './support/arbitraries.js';
import { readWithBash, scratchFolder } from './support/readers.js';

const scratch = scratchFolder('rekey-shell-prop-');
afterAll(() => scratch.remove());

describe('shell export', () => {
  it('comes back byte-identical from `set -a; . FILE` in bash', () => {
    let run = 0;
    fc.assert(
      fc.property(entryBatch, (entries) => {
        for (const entry of entries) expect(cannotCarryReason(entry.value, 'shell')).toBeNull();
        const file = join(scratch.path, `batch-${run++}.sh`);
        writeFileSync(file, serialise(entries, 'shell'));
        const read = readWithBash(
          file,
          entries.map((entry) => entry.envVar),
        );
        expect(read).toEqual(entries.map((entry) => Buffer.from(entry.value, 'utf8')));
      }),
      { numRuns: 200 },
    );
  });
});
