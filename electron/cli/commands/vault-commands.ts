import { Vault, keychainService } from '../../core/index.js';
import { flag, parseCommandArgs } from '../arguments.js';
import { EXIT, UsageError, out } from '../cli-context.js';
import type { Command } from '../command.js';
import { json, table } from '../format.js';
import { vaultOptions, withVault } from '../open-vault.js';

const none = { min: 0, max: 0, names: '' };

export const init: Command = {
  name: 'init',
  usage: 'rekey init',
  summary: 'create the vault and put its key in the OS keychain',
  async run(ctx, argv) {
    parseCommandArgs('init', argv, {}, none);
    const vault = await Vault.init(vaultOptions(ctx));
    try {
      out(ctx, `Created a vault at ${vault.path}.`);
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
                values.broken.map((hit) => `"${hit.name}" version ${hit.version}`).join(', ') + '.',
        );
        if (flag(args, 'json')) out(ctx, json({ auditChain: chain, values }));
        else out(ctx, lines.join('\n'));
        return chain.ok && values.broken.length === 0 ? EXIT.ok : EXIT.error;
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
