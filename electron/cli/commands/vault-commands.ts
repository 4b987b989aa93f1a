import { RekeyError, Vault, changeMasterPassword, hasMasterPassword, keychainService } from '../../core/index.js';
import { flag, parseCommandArgs } from '../arguments.js';
import { EXIT, UsageError, out } from '../cli-context.js';
import type { Command } from '../command.js';
import { json, table } from '../format.js';
import { passwordAsker, vaultOptions, withVault } from '../open-vault.js';
import { promptHidden, readSecretValue } from '../secret-input.js';
import { oneLine } from '../terminal-safe.js';
import type { CliContext } from '../cli-context.js';

const none = { min: 0, max: 0, names: '' };

export const init: Command = {
  name: 'init',
  usage: 'rekey init',
  summary: 'create the vault and put its key in the OS keychain',
  async run(ctx, argv) {
    parseCommandArgs('init', argv, {}, none);
    const vault = await Vault.init(vaultOptions(ctx));
    try {
      out(ctx, `Created a vault at ${oneLine(vault.path)}.`);
      out(ctx, `Its key is in the OS keychain (service "${keychainService(ctx.env)}"). Add a key with: rekey add NAME < value`);
      return EXIT.ok;
    } finally {
      vault.close();
    }
  },
};

export const audit: Command = {
  name: 'audit',
  usage: 'rekey audit [--json] | rekey audit verify',
  summary: 'the tamper-evident log of every change and every disclosure; `verify` checks it and every stored value',
  async run(ctx, argv) {
    const args = parseCommandArgs('audit', argv, { json: { type: 'boolean' } }, { min: 0, max: 1, names: '' });
    const sub = args.positionals[0];
    if (sub !== undefined && sub !== 'verify') {
      throw new UsageError(`unknown audit subcommand "${sub}" (did you mean \`rekey audit verify\`?)`, 'audit');
    }
    return withVault(ctx, (vault) => {
      if (sub === 'verify') {
        const chain = vault.verifyAudit();
        const values = vault.verifyValues();
        const records = vault.verifyRecords();
        const lines: string[] = [];
        lines.push(
          chain.ok
            ? `Audit log: ${chain.entries} entries, chain intact.`
            : `Audit log: BROKEN at entry ${chain.firstBrokenSeq}: ${chain.reason}.`,
        );
        lines.push(
          values.broken.length === 0
            ? `Stored values: ${values.checked} versions, all decrypt and verify.`
            : `Stored values: ${values.broken.length} of ${values.checked} versions FAILED their integrity check: ` +
                values.broken.map((hit) => `"${hit.name}" version ${hit.version}`).join(', ') +
                '.',
        );
        lines.push(
          records.problems.length === 0
            ? `Records: ${records.secrets} secrets, ${records.versions} versions and the settings match their MACs.`
            : `Records: ${records.problems.length} FAILED their integrity check (changed outside Rekey):\n` +
                records.problems.map((problem) => `  ${problem.subject}: ${problem.reason}`).join('\n'),
        );
        if (flag(args, 'json')) out(ctx, json({ auditChain: chain, values, records }));
        else out(ctx, lines.join('\n'));
        return chain.ok && values.broken.length === 0 && records.problems.length === 0 ? EXIT.ok : EXIT.error;
      }
      const events = vault.auditEvents();
      if (flag(args, 'json')) out(ctx, json(events));
      else {
        out(
          ctx,
          table(
            ['#', 'AT', 'ACTION', 'SECRET', 'DETAIL'],
            events.map((event) => {
              const { name, ...rest } = event.detail;
              const detail = Object.entries(rest)
                .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
                .join(' ');
              return [String(event.seq), event.at, event.action, typeof name === 'string' ? name : '-', detail];
            }),
          ),
        );
      }
      return EXIT.ok;
    });
  },
};

/** The new password: typed twice on a terminal, else the (next) line of stdin. */
async function newPassword(ctx: CliContext): Promise<string> {
  if (ctx.stdin.isTTY && ctx.stdin.setRawMode && ctx.password?.kind !== 'refuse') {
    const first = await promptHidden(ctx, 'New master password (input hidden): ');
    const again = await promptHidden(ctx, 'The same again: ');
    if (first !== again) throw new RekeyError('invalid-input', 'The two passwords differ; nothing was changed.');
    return first;
  }
  if (ctx.stdin.isTTY)
    throw new RekeyError('password-required', 'A new master password is needed, and --no-input forbids asking for it; pipe it on stdin.');
  return readSecretValue(ctx, 'the new master password');
}

export const password: Command = {
  name: 'password',
  usage: 'rekey password set | change | remove',
  summary: 'a master password on top of the keychain: set, change or remove it (the vault then needs it to open)',
  async run(ctx, argv) {
    const args = parseCommandArgs('password', argv, {}, { min: 1, max: 1, names: 'set, change or remove' });
    const sub = args.positionals[0];
    if (sub !== 'set' && sub !== 'change' && sub !== 'remove')
      throw new UsageError(`unknown password subcommand "${sub}" (set, change or remove)`, 'password');
    const options = vaultOptions(ctx);
    const has = await hasMasterPassword(options);
    if (sub === 'set' && has)
      throw new RekeyError('invalid-input', 'This vault already has a master password; change it with `rekey password change`.');
    if (sub !== 'set' && !has)
      throw new RekeyError('invalid-input', 'This vault has no master password; set one with `rekey password set`.');
    // the current password first (change, remove), so a typo is caught before the new one is typed
    const current = sub === 'set' ? null : await passwordAsker(ctx, 'Current master password')();
    const next = sub === 'remove' ? null : await newPassword(ctx);
    const change = await changeMasterPassword({ ...options, askPassword: async () => current ?? '' }, next);
    out(
      ctx,
      change === 'remove'
        ? 'Master password removed: the vault opens with the keychain alone again.'
        : `Master password ${change === 'set' ? 'set' : 'changed'}: opening the vault now needs it as well as the OS keychain. There is no way to recover a forgotten one.`,
    );
    return EXIT.ok;
  },
};
