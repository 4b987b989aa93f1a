// `npm run audit:production`: `npm audit --omit=dev` over what ships in the app, failing on any
// high or critical finding. Some registries (mirrors, proxies) do not implement the audit
// endpoint; then this says plainly that nothing was checked and goes on, unless
// REKEY_REQUIRE_AUDIT=1 makes an unchecked audit a failure too.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const required = process.env['REKEY_REQUIRE_AUDIT'] === '1';

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const firstLine = (text) => (text ?? '').trim().split('\n')[0];
  const why = [report?.message, report?.error?.summary, report?.error?.code, firstLine(run.stderr), `exit ${run.status}`].find(
    (text) => typeof text === 'string' && text.trim() !== '',
  );
  console.log(`npm audit: NOT checked (registry answered: ${why})`);
  if (required) {
    console.error('REKEY_REQUIRE_AUDIT=1: an audit that could not run is a failure.');
    process.exit(1);
  }
  process.exit(0);
}

const serious = (counts.high ?? 0) + (counts.critical ?? 0);
const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
console.log(`npm audit (production dependencies): ${summary}`);
if (serious > 0) {
  for (const [name, finding] of Object.entries(report.vulnerabilities ?? {})) {
    if (finding.severity === 'high' || finding.severity === 'critical') console.log(`  ${finding.severity}: ${name} (${finding.range})`);
  }
  process.exit(1);
}
