import { Vault, scanning } from '../../core/index.js';
import { flag, parseCommandArgs } from '../arguments.js';
import { type CliContext, EXIT, UsageError, out, warn } from '../cli-context.js';
import type { Command } from '../command.js';
import { json } from '../format.js';
import { vaultOptions } from '../open-vault.js';
import { VERSION } from '../version.js';
import { oneLine, terminalSafe } from '../terminal-safe.js';
import { findingsTable, scanJson, scanSarif, summaryLine, vaultKeyWords, where } from '../scan-format.js';

const OPTIONS = {
  history: { type: 'boolean' },
  json: { type: 'boolean' },
  sarif: { type: 'boolean' },
  'include-vendored': { type: 'boolean' },
  'include-ignored': { type: 'boolean' },
  'install-hook': { type: 'boolean' },
  staged: { type: 'boolean' },
} as const;

/** Opens the vault, builds the exact-match index from every stored version, wipes the values after. */
async function withIndex<T>(ctx: CliContext, use: (index: scanning.KnownValueIndex) => Promise<T>): Promise<T> {
  const vault = await Vault.open(vaultOptions(ctx));
  try {
    return await vault.withEveryValue((values) => use(new scanning.KnownValueIndex(values)));
  } finally {
    vault.close();
  }
}

async function installHook(ctx: CliContext): Promise<number> {
  if (ctx.launcher === undefined) throw new UsageError('--install-hook needs the rekey command itself (bin/rekey.js)', 'scan');
  const installed = await scanning.installPreCommitHook({ cwd: ctx.cwd, command: ctx.launcher, env: ctx.env });
  out(ctx, `${installed.updated ? 'Updated' : 'Installed'} the pre-commit hook at ${oneLine(installed.path)}.`);
  out(ctx, 'Commits whose staged content holds a value from your vault are now refused. Skip it once with: git commit --no-verify');
  return EXIT.ok;
}

/** The hook's check: only vault values block a commit; unknown keys are a warning. */
async function scanStaged(ctx: CliContext): Promise<number> {
  const report = await withIndex(ctx, (index) => scanning.scanStaged(index, ctx.cwd));
  const vault = report.findings.filter((finding) => finding.secret !== null);
  for (const finding of report.findings.filter((each) => each.secret === null)) {
    warn(ctx, `${where(finding)} holds a key that is not in your vault: ${finding.providerName} ${finding.masked}`);
  }
  if (vault.length === 0) return EXIT.ok;
  const lines = vault.map((finding) => `  ${where(finding)}  ${vaultKeyWords(finding)}  ${oneLine(finding.masked)}`);
  ctx.stderr.write(
    terminalSafe(
      `rekey: this commit would add ${vault.length === 1 ? 'a value' : `${vault.length} values`} from your vault:\n${lines.join('\n')}\n` +
        'Remove it from the staged files (git restore --staged, or edit and git add). To commit anyway: git commit --no-verify\n',
    ),
  );
  return EXIT.found;
}

export const scan: Command = {
  name: 'scan',
  usage: 'rekey scan [PATH…] [--history] [--json | --sarif] [--include-vendored] [--include-ignored] | rekey scan --install-hook',
  summary:
    'finds vault values (current and previous) and unknown provider keys in files, and with --history in every git commit; exit code 4 when something is found',
  async run(ctx, argv) {
    const args = parseCommandArgs('scan', argv, OPTIONS, { min: 0, max: Number.POSITIVE_INFINITY, names: 'PATH' });
    if (flag(args, 'json') && flag(args, 'sarif')) throw new UsageError('choose one of --json and --sarif', 'scan');
    if (flag(args, 'install-hook') || flag(args, 'staged')) {
      const other = Object.keys(args.values).filter((name) => name !== 'install-hook' && name !== 'staged');
      if (args.positionals.length > 0 || other.length > 0 || (flag(args, 'install-hook') && flag(args, 'staged'))) {
        throw new UsageError(`--${flag(args, 'install-hook') ? 'install-hook' : 'staged'} takes no paths and no other options`, 'scan');
      }
      return flag(args, 'install-hook') ? installHook(ctx) : scanStaged(ctx);
    }
    const report = await withIndex(ctx, (index) =>
      scanning.scan(index, {
        paths: args.positionals,
        cwd: ctx.cwd,
        history: flag(args, 'history'),
        includeVendored: flag(args, 'include-vendored'),
        includeIgnored: flag(args, 'include-ignored'),
        threads: ctx.scanThreads,
      }),
    );
    if (flag(args, 'json')) out(ctx, json(scanJson(report)));
    else if (flag(args, 'sarif')) out(ctx, json(scanSarif(report, VERSION)));
    else {
      if (report.findings.length > 0) out(ctx, findingsTable(report.findings));
      out(ctx, summaryLine(report));
      if (report.summary.valuesTooShort > 0) {
        warn(
          ctx,
          `${report.summary.valuesTooShort} stored value(s) shorter than ${scanning.MIN_KNOWN_VALUE_BYTES} bytes were not searched for: too short to tell a leak from ordinary text.`,
        );
      }
    }
    return report.findings.length > 0 ? EXIT.found : EXIT.ok;
  },
};
