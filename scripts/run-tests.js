// Runs every Vitest project once and ends with one plain summary line that any CI can read:
// "tests: N passed, N failed". Meant to run inside test/scripts/with-private-keyring.sh.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const report = 'test-results/vitest-report.json';
mkdirSync('test-results', { recursive: true });

// vitest's package exports hide its bin file; resolve the package and take the bin beside it
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let summary;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  summary = { passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests + results.numTodoTests };
} catch {
  summary = undefined;
}

if (summary === undefined) {
  console.log('tests: 0 passed, 1 failed');
  console.error('run-tests: Vitest wrote no report; see its output above.');
  process.exit(1);
}
console.log(`tests: ${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
// a skipped test is a test that cannot fail
process.exit(run.status === 0 && summary.failed === 0 && summary.skipped === 0 && summary.passed > 0 ? 0 : 1);
