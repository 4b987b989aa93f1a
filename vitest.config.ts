import { defineConfig } from 'vitest/config';

/**
 * unit:        core against the in-memory keychain and temp SQLite files (fast, no OS services)
 * property:    fast-check properties, including round trips through bash and python-dotenv
 * integration: the same vault behaviour against the real OS keychain (private gnome-keyring)
 * cli:         the built `rekey` binary driven as a child process, real keychain
 * e2e:         the built renderer in Debian's Chromium over the real preload makeApi and main
 *              handlers, real keychain (docs/architecture.md §8)
 *
 * integration and cli need the private keyring that test/scripts/with-private-keyring.sh starts;
 * `npm test` runs everything inside it.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'property', include: ['test/property/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'cli', include: ['test/cli/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
