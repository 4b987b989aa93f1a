import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RekeyError } from '../../electron/core/errors.js';
import { planDotenv } from '../../electron/core/dotenv/carry.js';
import { cannotCarryReason, parseEnvFile, serialise } from '../../electron/core/dotenv/index.js';
import { entryBatch } from './support/arbitraries.js';
import type { GeneratedEntry } from './support/arbitraries.js';
import { readWithPythonDotenv, scratchFolder } from './support/readers.js';

const scratch = scratchFolder('rekey-dotenv-prop-');
afterAll(() => scratch.remove());

function refusalOf(run: () => unknown): RekeyError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof RekeyError) return error;
    throw error;
  }
  return undefined;
}

/** The entry after the probe: a value that runs past its closing quote takes this one with it. */
const FOLLOWER = "FOLLOWER='after'";

describe('dotenv export', () => {
  it('is read back identically by dotenv (both parsers), python-dotenv and our own import, or refused', () => {
    let run = 0;
    fc.assert(
      fc.property(entryBatch, (entries) => {
        const refused = entries.filter((entry) => cannotCarryReason(entry.value, 'dotenv') !== null);
        const carried = entries.filter((entry) => cannotCarryReason(entry.value, 'dotenv') === null);

        if (refused.length > 0) {
          const error = refusalOf(() => serialise(entries, 'dotenv'));
          expect(error?.code).toBe('format-cannot-carry');
          for (const entry of refused) {
            expect(error?.message).toContain(`"${entry.name}" (${entry.envVar})`);
            // Whatever dotenv refuses, the other formats must take instead.
            expect(cannotCarryReason(entry.value, 'shell')).toBeNull();
            expect(cannotCarryReason(entry.value, 'json')).toBeNull();
          }
          expect(error?.message).toMatch(/Choose the shell or json format instead\.$/);
        }

        const batch = run++;
        const exported = join(scratch.path, `batch-${batch}.env`);
        const text = serialise(carried, 'dotenv');
        writeFileSync(exported, text);

        // Precision: every value kept out of single quotes is misread when written in them anyway,
        // so the rule refuses or double-quotes nothing it did not have to.
        const notSingle = entries.filter((entry) => {
          const plan = planDotenv(entry.value);
          return !('quoting' in plan && plan.quoting === 'single');
        });
        const probes = notSingle.map((entry, index) => {
          const file = join(scratch.path, `batch-${batch}-probe-${index}.env`);
          writeFileSync(file, `${entry.envVar}='${entry.value}'\n${FOLLOWER}\n`);
          return file;
        });

        const [python, ...pythonProbes] = readWithPythonDotenv([exported, ...probes]);
        const expected = Object.fromEntries(carried.map((entry) => [entry.envVar, entry.value]));
        expect(dotenv.parse(text)).toEqual(expected);
        expect(dotenv.parse(text, { fast: true })).toEqual(expected);
        expect(python).toEqual(expected);
        if (carried.length > 0) {
          const imported = parseEnvFile(Buffer.from(text, 'utf8'), 'export');
          expect(imported.entries).toEqual(carried.map((entry) => ({ envVar: entry.envVar, value: entry.value })));
          expect(imported.ignoredLines).toEqual([]);
        }

        notSingle.forEach((entry: GeneratedEntry, index) => {
          const probeText = `${entry.envVar}='${entry.value}'\n${FOLLOWER}\n`;
          const readers = [dotenv.parse(probeText), pythonProbes[index] ?? {}];
          const misread = readers.some((read) => read[entry.envVar] !== entry.value || read['FOLLOWER'] !== 'after');
          expect(misread, `single quotes would have carried ${JSON.stringify(entry.value)}`).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
