import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability` (scripts/test-reliability.js): harnesses that try hard to break
 * the vault (SIGKILLs, concurrent writers, hostile input, tampering, keychain faults, damaged
 * backups) and record their figures under test-results/reliability/. Kept out of `npm test`,
 * whose projects are in vitest.config.ts, because it runs for minutes. Needs the private keyring.
 */
export default defineConfig({
  test: {
    name: 'reliability',
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
