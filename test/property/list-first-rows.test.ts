import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryKeyStore } from '../../electron/core/index.js';
import { createTempVault } from '../support/temp-vault.js';

/**
 * The window's first screen asks for `list({ limit })`, which lets SQLite pick the rows; it must
 * be exactly the start of the full list in byUrgency's order, whatever the mix of exposed keys,
 * shared due dates, projects and names.
 */
const secretSpec = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._\-/@:]{0,8}$/),
  project: fc.constantFrom('', 'api', 'web'),
  // few distinct dates and intervals, so due dates tie and names decide
  rotatedDaysAgo: fc.integer({ min: 0, max: 4 }),
  rotateEveryDays: fc.constantFrom(1, 3, 90),
  exposed: fc.boolean(),
});

describe('list with a limit', () => {
  it('is the start of the whole list, in the same order, for every project filter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(secretSpec, { selector: (spec) => spec.name, maxLength: 30 }),
        fc.integer({ min: 1, max: 35 }),
        async (specs, limit) => {
          const temp = await createTempVault(new MemoryKeyStore());
          try {
            const now = temp.clock.now().getTime();
            temp.vault.addMany(
              specs.map((spec) => ({
                input: {
                  name: spec.name,
                  project: spec.project,
                  rotateEveryDays: spec.rotateEveryDays,
                  rotatedAt: new Date(now - spec.rotatedDaysAgo * 86_400_000),
                },
                value: `value-of-${spec.name}`,
              })),
            );
            for (const spec of specs) if (spec.exposed) temp.vault.markExposed(spec.name);
            for (const project of [undefined, '', 'api', 'web']) {
              const names = (list: Array<{ name: string }>) => list.map((secret) => secret.name);
              const whole = temp.vault.list({ project });
              expect(names(temp.vault.list({ project, limit }))).toEqual(names(whole.slice(0, limit)));
            }
          } finally {
            temp.dispose();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
