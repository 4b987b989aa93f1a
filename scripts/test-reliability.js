// `npm run test:reliability`: runs the harnesses in test/reliability (vitest.reliability.config.ts)
// and ends with ONE summary block of the figures they recorded. Meant to run inside
// test/scripts/with-private-keyring.sh, after a build (the keychain harness drives dist/cli).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FIGURES = 'test-results/reliability';
const HARNESSES = ['crash', 'concurrency', 'tamper', 'hostile', 'keychain', 'backup'];
for (const harness of HARNESSES) rmSync(join(FIGURES, `${harness}.json`), { force: true });

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const started = Date.now();
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.reliability.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const seconds = Math.round((Date.now() - started) / 1000);

const read = (harness) => {
  const path = join(FIGURES, `${harness}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};
const f = Object.fromEntries(HARNESSES.map((harness) => [harness, read(harness)]));
const missing = HARNESSES.filter((harness) => f[harness] === null);

const lines = ['', '== reliability summary =='];
const row = (label, text) => lines.push(`${`${label}:`.padEnd(16)}${text}`);
const checks = [];
if (f.crash) {
  row(
    'crash',
    `${f.crash.kills} SIGKILLs survived; ${f.crash.acknowledged} acknowledged operations, ${f.crash.lost} lost; ` +
      `${f.crash.failures} checks failed (integrity_check, half-written rows, audit verify)`,
  );
  checks.push(f.crash.kills >= 200 && f.crash.lost === 0 && f.crash.failures === 0);
}
if (f.concurrency) {
  const c = f.concurrency;
  row(
    'concurrency',
    `${c.desktopOps} desktop + ${c.cliOps} CLI operations at once (+${c.binaryRuns} rekey processes); ` +
      `${c.lost} lost; SQLITE_BUSY seen by the user: ${c.busySeenByUser}; other errors: ${c.otherErrors}`,
  );
  checks.push(c.desktopOps >= 1000 && c.cliOps >= 1000 && c.lost === 0 && c.busySeenByUser === 0 && c.otherErrors === 0);
}
if (f.tamper) {
  // per class: values, rows, versions, settings, schema, log (test/reliability/tamper.test.ts)
  const classes = ['values', 'rows', 'versions', 'settings', 'schema', 'log'];
  const perClass = classes
    .map((cls) => {
      const tried = f.tamper[`${cls}Tried`] ?? 0;
      const detected = f.tamper[`${cls}Detected`] ?? 0;
      return detected === tried ? `${cls} ${tried}` : `${cls} ${detected} of ${tried}`;
    })
    .join(', ');
  row('tampering', `${f.tamper.tried} tampers tried, ${f.tamper.detected} detected (${perClass})`);
  checks.push(f.tamper.tried > 0 && f.tamper.detected === f.tamper.tried && classes.every((cls) => (f.tamper[`${cls}Tried`] ?? 0) > 0));
}
if (f.hostile) {
  row('hostile input', `${f.hostile.tried} hostile inputs tried, ${f.hostile.handled} handled (typed error, nothing stored partially)`);
  checks.push(f.hostile.tried > 0 && f.hostile.handled === f.hostile.tried);
}
if (f.keychain) {
  row('keychain', `${f.keychain.tried} keychain faults tried, ${f.keychain.clear} gave a clear error with the vault file untouched`);
  checks.push(f.keychain.tried > 0 && f.keychain.clear === f.keychain.tried);
}
if (f.backup) {
  row('backup', `${f.backup.tried} attacks on backup files tried, ${f.backup.refused} refused with the vault untouched`);
  checks.push(f.backup.tried > 0 && f.backup.refused === f.backup.tried);
}
if (missing.length > 0) row('missing', `no figures from ${missing.join(', ')} (see the test output above)`);
const passed = run.status === 0 && missing.length === 0 && checks.every(Boolean);
lines.push(`reliability: ${passed ? 'PASS' : 'FAIL'} in ${seconds} s`);
console.log(lines.join('\n'));
process.exit(passed ? 0 : 1);
