/**
 * `npm run bench` (scan part): `rekey scan` against secretlint with its recommended preset,
 * on the same generated tree of at least 200 MB, in the same run. Prints the time of each,
 * the ratio, and the recall of each on the planted keys (and what each reported of the
 * planted placeholders). Never fails on a missed target; exits non-zero if anything breaks.
 *
 *   node scripts/build.js && bash test/scripts/with-private-keyring.sh node dist/bench/scan-bench.js
 *
 * REKEY_BENCH_SCAN_MB (default 200) sizes the tree; REKEY_BENCH_SCAN_TREE keeps the tree in
 * that folder for the next run instead of deleting it (it is reused when it was made by the same
 * generator, size and seed).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { KeytarKeyStore, Vault, providers } from '../../electron/core/index.js';
import { requirePrivateKeyring, testKeychainService } from '../support/real-keychain.js';
import { Cleanup } from './cleanup.js';
import { type CommandRun, runNode } from './cli-run.js';
import { envNumber } from './env-number.js';
import { machineLine, repoRoot, requireNode22 } from './machine.js';
import { type Plant, type PlantKind, type ScanTree, generateTree, plantPlan } from './scan-tree.js';
import { type Figures, figures } from './stats.js';
import { formatNumber, renderTable } from './table.js';

const SEED = 20261206;
const GENERATOR_VERSION = 1;

function log(line: string): void {
  process.stderr.write(`[scan-bench] ${line}\n`);
}

/** A location a tool reported: relative path and line. */
type Hit = string;
const hitKey = (path: string, line: number): Hit => `${path}:${line}`;

function rekeyHits(run: CommandRun): Set<Hit> {
  const report = JSON.parse(run.stdout) as { findings: Array<{ path: string; line: number }> };
  return new Set(report.findings.map((finding) => hitKey(finding.path, finding.line)));
}

function secretlintHits(outputFile: string, root: string): Set<Hit> {
  const results = JSON.parse(readFileSync(outputFile, 'utf8')) as Array<{
    filePath: string;
    messages: Array<{ loc: { start: { line: number } } }>;
  }>;
  return new Set(results.flatMap((file) => file.messages.map((message) => hitKey(relative(root, file.filePath), message.loc.start.line))));
}

function share(found: number, total: number): string {
  return total === 0 ? '-' : `${found}/${total} (${((100 * found) / total).toFixed(0)}%)`;
}

const REAL_KINDS: readonly PlantKind[] = ['vault', 'vault-previous', 'vault-generic', 'unknown'];
const KIND_LABELS: Record<PlantKind, string> = {
  vault: 'vault keys (current value)',
  'vault-previous': 'vault keys (previous value)',
  'vault-generic': 'vault values without a provider shape',
  unknown: 'provider keys not in the vault',
  placeholder: 'placeholders reported (lower is better)',
};

async function prepareTree(targetBytes: number, cleanup: Cleanup): Promise<ScanTree> {
  const kept = process.env['REKEY_BENCH_SCAN_TREE'];
  const plan = plantPlan(SEED);
  const stamp = `${GENERATOR_VERSION}:${targetBytes}:${SEED}`;
  if (kept && existsSync(join(kept, '.bench-tree.json'))) {
    const cached = JSON.parse(readFileSync(join(kept, '.bench-tree.json'), 'utf8')) as { stamp: string; tree: ScanTree };
    if (cached.stamp === stamp) {
      log(`reusing the tree in ${kept}`);
      return cached.tree;
    }
    rmSync(kept, { recursive: true, force: true });
  }
  const root = kept ?? mkdtempSync(join(tmpdir(), 'rekey-scan-bench-'));
  if (!kept) cleanup.add('remove the generated tree', () => rmSync(root, { recursive: true, force: true }));
  const started = performance.now();
  const tree = generateTree(root, targetBytes, plan, SEED);
  log(
    `generated ${tree.files} files, ${(tree.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s at ${root}`,
  );
  if (kept) writeFileSync(join(kept, '.bench-tree.json'), JSON.stringify({ stamp, tree }));
  return tree;
}

async function main(): Promise<void> {
  requireNode22();
  requirePrivateKeyring();
  const repo = repoRoot(import.meta.url);
  const cleanup = new Cleanup();
  let failed = false;
  try {
    const targetBytes = envNumber('REKEY_BENCH_SCAN_MB', 200) * 1e6;
    const tree = await prepareTree(targetBytes, cleanup);
    for (const plant of tree.plants) {
      if (plant.kind !== 'placeholder' && plant.kind !== 'vault-generic' && providers.detectProvider(plant.value).id !== plant.providerId) {
        throw new Error(`a planted ${plant.providerId} key does not match its format`);
      }
    }

    // the vault: every planted vault key, rotated ones with their previous value planted too
    const home = mkdtempSync(join(tmpdir(), 'rekey-scan-bench-vault-'));
    cleanup.add('remove the bench vault', () => rmSync(home, { recursive: true, force: true }));
    const service = testKeychainService();
    const keyStore = new KeytarKeyStore(service);
    const vault = await Vault.init({ home, keyStore });
    cleanup.add('remove the vault key', () => keyStore.delete(`vault-key:${vault.vaultId}`));
    try {
      const plan = plantPlan(SEED);
      plan.vault.forEach((key, i) => {
        vault.add({ name: `key-${i}` }, key.previous ?? key.value);
        if (key.previous !== undefined) vault.rotate(`key-${i}`, key.value);
      });
      plan.vaultGeneric.forEach((value, i) => vault.add({ name: `generic-${i}` }, value));
    } finally {
      vault.close();
    }

    const env = { ...process.env, REKEY_HOME: home, REKEY_KEYCHAIN_SERVICE: service };
    // both read the same files; one untimed pass puts them in the page cache for both
    await runNode([join(repo, 'bin', 'rekey.js'), 'scan', '--json'], { cwd: tree.root, env });

    const outputFile = join(tmpdir(), `rekey-scan-bench-secretlint-${process.pid}.json`);
    cleanup.add('remove the secretlint report', () => rmSync(outputFile, { force: true }));
    const runRekey = async (threads?: number) => {
      const run = await runNode([join(repo, 'bin', 'rekey.js'), 'scan', '--json'], {
        cwd: tree.root,
        env: threads === undefined ? env : { ...env, REKEY_SCAN_THREADS: String(threads) },
      });
      if (run.code !== 4) throw new Error(`rekey scan exited ${run.code}: ${run.stderr}`);
      return run;
    };
    const runSecretlint = async () => {
      const run = await runNode(
        [
          join(repo, 'node_modules', 'secretlint', 'bin', 'secretlint.js'),
          '**/*',
          '--format',
          'json',
          '--output',
          outputFile,
          '--no-color',
          '--secretlintrcJSON',
          JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
        ],
        { cwd: tree.root, env: process.env },
      );
      if (run.code !== 1 && run.code !== 0) throw new Error(`secretlint exited ${run.code}: ${run.stderr.slice(0, 500)}`);
      return run;
    };
    // interleaved, so a busy moment on the machine hits both tools alike; medians compared
    const runs = envNumber('REKEY_BENCH_SCAN_RUNS', 3);
    const times = { rekey: [] as number[], oneThread: [] as number[], secretlint: [] as number[] };
    let rekey: CommandRun | undefined;
    for (let run = 1; run <= runs; run++) {
      log(`run ${run}/${runs}: rekey scan …`);
      rekey = await runRekey();
      times.rekey.push(rekey.ms);
      times.oneThread.push((await runRekey(1)).ms);
      log(`run ${run}/${runs}: secretlint …`);
      times.secretlint.push((await runSecretlint()).ms);
    }
    if (rekey === undefined) throw new Error('no run');
    const rekeyTime = figures(times.rekey);
    const oneThreadTime = figures(times.oneThread);
    const secretlintTime = figures(times.secretlint);

    const found = { rekey: rekeyHits(rekey), secretlint: secretlintHits(outputFile, tree.root) };
    const byKind = (kind: PlantKind): Plant[] => tree.plants.filter((plant) => plant.kind === kind);
    const count = (plants: readonly Plant[], hits: Set<Hit>) => plants.filter((plant) => hits.has(hitKey(plant.path, plant.line))).length;
    const real = tree.plants.filter((plant) => REAL_KINDS.includes(plant.kind));

    const ratio = secretlintTime.median / rekeyTime.median;
    const seconds = (f: Figures) => `${formatNumber(f.median / 1000)} s (${formatNumber(f.min / 1000)}–${formatNumber(f.max / 1000)})`;
    const rows = [
      [
        `time, wall incl. start-up (median of ${runs}, range)`,
        seconds(rekeyTime),
        seconds(secretlintTime),
        `secretlint / rekey = ${ratio.toFixed(1)}×`,
      ],
      [
        '  rekey scan on one thread (REKEY_SCAN_THREADS=1)',
        seconds(oneThreadTime),
        '',
        `secretlint / rekey = ${(secretlintTime.median / oneThreadTime.median).toFixed(1)}×`,
      ],
      [
        'throughput (median)',
        `${formatNumber(tree.bytes / 1e6 / (rekeyTime.median / 1000))} MB/s`,
        `${formatNumber(tree.bytes / 1e6 / (secretlintTime.median / 1000))} MB/s`,
        '',
      ],
      ['recall, all planted keys', share(count(real, found.rekey), real.length), share(count(real, found.secretlint), real.length), ''],
      ...[...REAL_KINDS, 'placeholder' as const].map((kind) => [
        `  ${KIND_LABELS[kind]}`,
        share(count(byKind(kind), found.rekey), byKind(kind).length),
        share(count(byKind(kind), found.secretlint), byKind(kind).length),
        '',
      ]),
    ];
    const recallMet = count(real, found.rekey) >= count(real, found.secretlint);
    process.stdout.write(
      [
        '',
        `Leak scan: rekey scan vs secretlint ${secretlintVersion(repo)} (preset-recommend), same tree, same run`,
        `tree: ${tree.files.toLocaleString('en-US')} files, ${(tree.bytes / 1e6).toFixed(1)} MB, ${real.length} planted keys + ${byKind('placeholder').length} placeholders`,
        machineLine(),
        `rekey scan threads: ${Math.min(availableParallelism(), 4)} (min of availableParallelism and 4); secretlint runs on one`,
        '',
        renderTable(['', 'rekey scan', 'secretlint', ''], rows),
        '',
        `targets: time at most 1/5 of secretlint's: ${ratio >= 5 ? 'met' : 'MISSED'} (${ratio.toFixed(1)}×); recall at least secretlint's: ${recallMet ? 'met' : 'MISSED'}`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    failed = true;
    process.stderr.write(`scan bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } finally {
    const failures = await cleanup.run();
    for (const failure of failures) process.stderr.write(`cleanup failed: ${failure}\n`);
    if (failed || failures.length > 0) process.exitCode = 1;
  }
}

function secretlintVersion(repo: string): string {
  return (JSON.parse(readFileSync(join(repo, 'node_modules', 'secretlint', 'package.json'), 'utf8')) as { version: string }).version;
}

await main();
