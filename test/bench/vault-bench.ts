/**
 * `npm run bench`: Rekey's vault against the naive one-keychain-item-per-secret design on
 * the same work, real keychain (the private gnome-keyring of with-private-keyring.sh).
 * Prints one table; never fails on a missed target, but exits non-zero if anything breaks.
 *
 *   node scripts/build.js && bash test/scripts/with-private-keyring.sh node dist/bench/vault-bench.js
 *
 * REKEY_BENCH_N (default 10000) and REKEY_BENCH_NAIVE_WRITE_SECONDS (default 75) exist for
 * quick local runs and for a full, unextrapolated naive add on a patient machine.
 */
import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';
import { CountingKeyStore, realKeyStore, requirePrivateKeyring, testKeychainService } from '../support/real-keychain.js';
import { Cleanup } from './cleanup.js';
import { envNumber } from './env-number.js';
import { machineLine, repoRoot, requireNode22 } from './machine.js';
import { type NaiveFigures, measureNaive } from './naive-side.js';
import { type RekeyFigures, measureRekey } from './rekey-side.js';
import { checkShapes, sampleSecrets } from './sample-secrets.js';
import type { Figures } from './stats.js';
import { formatNumber, renderTable } from './table.js';

const PER_PROJECT = 1000;

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function cell(figures: Figures): string {
  const value = formatNumber(figures.median);
  if (figures.runs === 1) return `${value} (1 run)`;
  if (figures.min === figures.max) return `${value} (all ${figures.runs} runs)`;
  return `${value} (${formatNumber(figures.min)}–${formatNumber(figures.max)}, ${figures.runs} runs)`;
}

function ratio(naive: number, rekey: number, approximate = false): string {
  if (rekey === 0) return naive === 0 ? '1×' : '∞ (rekey 0)';
  const value = naive / rekey;
  if (value === 0) return '0×';
  const text = value >= 100 ? `${Math.round(value).toLocaleString('en-US')}×` : `${value.toFixed(value < 10 ? 2 : 1)}×`;
  return approximate ? `~${text}` : text;
}

interface Row {
  readonly operation: string;
  readonly rekey: Figures;
  readonly target?: { readonly text: string; readonly met: (figures: Figures) => boolean };
  readonly naive?: { readonly text: string; readonly median: number; readonly approximate?: boolean };
}

function minutes(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

function naiveCell(figures: Figures): { text: string; median: number } {
  return { text: cell(figures), median: figures.median };
}

function buildRows(n: number, rekey: RekeyFigures, naive: NaiveFigures): Row[] {
  const count = n.toLocaleString('en-US');
  const atMost = (limit: number) => ({ text: `<= ${formatNumber(limit)}`, met: (f: Figures) => f.median <= limit });
  const extrapolated = naive.add.measuredItems < n;
  return [
    {
      operation: `1. open + unlock + list ${count} (Vault.open + list), ms`,
      rekey: rekey.openList,
      target: atMost(50),
      naive: naiveCell(naive.openList),
    },
    { operation: `   1a. of which list() alone, vault already open, ms`, rekey: rekey.listOnly, naive: naiveCell(naive.listOnly) },
    { operation: '2. reveal one value, ms', rekey: rekey.reveal, naive: naiveCell(naive.reveal) },
    {
      operation: `3. add ${count} via addMany (import path), ms`,
      rekey: rekey.add,
      target: atMost(2000),
      naive: {
        text: extrapolated
          ? `~${formatNumber(naive.add.totalMs)} ≈ ${minutes(naive.add.totalMs)} (extrapolated, see *)`
          : `${formatNumber(naive.add.totalMs)} ≈ ${minutes(naive.add.totalMs)} (1 run)`,
        median: naive.add.totalMs,
        approximate: extrapolated,
      },
    },
    {
      operation: '   3a. add the first 1,000 (both measured), ms',
      rekey: rekey.addFirstThousand,
      naive: naiveCell(naive.addFirstThousand),
    },
    {
      operation: `4. export ${formatNumber(PER_PROJECT)} as dotenv (one project), ms`,
      rekey: rekey.exportProject,
      target: atMost(50),
      naive: naiveCell(naive.exportProject),
    },
    { operation: `5. \`rekey list --json\` child process, ${count} secrets, ms`, rekey: rekey.cli, target: atMost(400) },
    { operation: '   5a. `rekey --help` child process (startup + bundle load), ms', rekey: rekey.cliHelp },
    { operation: "   5b. `node -e ''` child process (bare Node 22 startup), ms", rekey: rekey.nodeStartup },
    {
      operation: '6. keychain calls per unlock (open + list)',
      rekey: rekey.callsPerUnlock,
      target: { text: 'exactly 1', met: (f) => f.min === 1 && f.max === 1 },
      naive: naiveCell(naive.callsPerUnlock),
    },
    {
      operation: `7. keychain calls per export of ${formatNumber(PER_PROJECT)} (unlock + export)`,
      rekey: rekey.callsPerExport,
      naive: naiveCell(naive.callsPerExport),
    },
    {
      operation: `8. keychain calls per add of ${count}`,
      rekey: rekey.callsPerAdd,
      naive: { text: `${formatNumber(naive.callsPerAdd)} (one per secret)`, median: naive.callsPerAdd },
    },
  ];
}

function report(n: number, rekey: RekeyFigures, naive: NaiveFigures, writeBudgetS: number): string {
  const rows = buildRows(n, rekey, naive).map((row) => [
    row.operation,
    cell(row.rekey),
    row.target?.text ?? '-',
    row.target ? (row.target.met(row.rekey) ? 'yes' : 'NO') : '-',
    row.naive?.text ?? 'n/a (no CLI)',
    row.naive ? ratio(row.naive.median, row.rekey.median, row.naive.approximate) : '-',
  ]);
  const table = renderTable(
    ['operation', 'rekey: median (min–max, runs)', 'target', 'met?', 'naive: median (min–max, runs)', 'naive/rekey'],
    rows,
  );
  const add = naive.add;
  const notes = [
    `N = ${n.toLocaleString('en-US')} secrets in ${Math.ceil(n / PER_PROJECT)} projects of ${PER_PROJECT.toLocaleString('en-US')}, provider-shaped random values of 40–160 characters; real keychain (private gnome-keyring); each add run uses a fresh vault.`,
    'naive = one keychain item per secret (service per bench run, account = secret id) + metadata in SQLite (same pragmas as Rekey, no encryption layer, no versions, no audit log).',
    'naive stores the masked value in SQLite at add time (like Rekey), so listing needs no keychain read: the fairer choice — masking from keychain reads would add one read per listed secret.',
    "Rekey's reveal and export also append HMAC-chained audit entries (one fsync'd transaction); the naive side does not.",
    ...(add.measuredItems < n
      ? [
          `* naive add: measured ${add.measuredItems.toLocaleString('en-US')} items in ${(add.measuredMs / 1000).toFixed(1)} s (keychain write budget ${writeBudgetS} s), then extrapolated to ${n.toLocaleString('en-US')} from that N with the fitted per-item cost ${add.fit.a.toFixed(1)} ms + ${(add.fit.b * 1000).toFixed(1)} µs × items already stored (gnome-keyring re-encrypts and rewrites its whole login.keyring file, ~470 bytes per item, on every write, so the total grows quadratically).`,
          `  The naive SQLite holds all ${n.toLocaleString('en-US')} rows; only the first ${add.measuredItems.toLocaleString('en-US')} have keychain items, so naive reads ran against a smaller keyring than ${n.toLocaleString('en-US')} items (which favours naive).`,
        ]
      : [
          `* naive add: all ${n.toLocaleString('en-US')} keychain writes measured (${(add.measuredMs / 1000).toFixed(1)} s); per-item cost ${add.fit.a.toFixed(1)} ms + ${(add.fit.b * 1000).toFixed(1)} µs × items already stored.`,
        ]),
    'naive add runs in chunks of 250 (one SQLite transaction each) so its growth can be fitted; the SQLite part is negligible next to the keychain writes.',
  ];
  return [`Rekey vault bench — N = ${n.toLocaleString('en-US')}`, machineLine(), '', table, '', ...notes].join('\n');
}

/** Keychain items still present under the bench's services after cleanup: should be none. */
async function leftovers(services: readonly string[]): Promise<number> {
  const keytar = createRequire(import.meta.url)('keytar') as typeof KeytarModule;
  let count = 0;
  for (const service of services) count += (await keytar.findCredentials(service)).length;
  return count;
}

async function main(): Promise<number> {
  requireNode22();
  requirePrivateKeyring();
  const n = Math.round(envNumber('REKEY_BENCH_N', 10_000));
  if (n < PER_PROJECT) throw new Error(`REKEY_BENCH_N must be at least ${PER_PROJECT}`);
  const writeBudgetS = envNumber('REKEY_BENCH_NAIVE_WRITE_SECONDS', 75);
  checkShapes();
  const samples = sampleSecrets(n, PER_PROJECT);
  const cleanup = new Cleanup();
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up before exiting`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const rekeyService = testKeychainService();
  const naiveService = `${testKeychainService()}-naive`;
  let exitCode = 0;
  try {
    const rekey = await measureRekey({
      keyStore: new CountingKeyStore(realKeyStore(rekeyService)),
      service: rekeyService,
      samples,
      cleanup,
      repoRoot: repoRoot(),
      log,
    });
    const naive = await measureNaive({
      keyStore: new CountingKeyStore(realKeyStore(naiveService)),
      samples,
      cleanup,
      writeBudgetMs: writeBudgetS * 1000,
      log,
    });
    process.stdout.write(`${report(n, rekey, naive, writeBudgetS)}\n`);
  } catch (error) {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exitCode = 1;
  } finally {
    log('cleaning up keychain items and temp folders');
    const failures = await cleanup.run();
    try {
      const left = await leftovers([rekeyService, naiveService]);
      if (left > 0) failures.push(`${left} keychain items of this run are still in the keychain`);
    } catch (error) {
      failures.push(`could not check for leftover keychain items: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const failure of failures) process.stderr.write(`cleanup failed: ${failure}\n`);
    if (failures.length === 0) log('cleanup done: no keychain item or temp folder of this run remains');
    if (failures.length > 0) exitCode = 1;
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  return exitCode;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
});
