import { ROTATION_STATUSES, VaultMetadata, daysUntilDue, isRotationStatus, resolveVaultHome } from '../../core/index.js';
import { daysOption, flag, parseCommandArgs, stringOption } from '../arguments.js';
import { EXIT, UsageError, out, warn } from '../cli-context.js';
import type { Command } from '../command.js';
import { day, dueWords, historyTable, json, secretDetails, secretsTable, table } from '../format.js';
import { withVault } from '../open-vault.js';

const one = { min: 1, max: 1, names: 'NAME' };

export const list: Command = {
  name: 'list',
  usage: 'rekey list [--project P] [--status ok|due-soon|overdue|exposed] [--json]',
  summary: 'every secret, masked, most urgent first',
  async run(ctx, argv) {
    const args = parseCommandArgs(
      'list',
      argv,
      { project: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } },
      { min: 0, max: 0, names: '' },
    );
    const status = stringOption(args, 'status');
    if (status !== undefined && !isRotationStatus(status)) {
      throw new UsageError(`--status is one of ${ROTATION_STATUSES.join(', ')}, not "${status}"`, 'list');
    }
    return withVault(ctx, (vault) => {
      const secrets = vault.list({ project: stringOption(args, 'project'), status });
      if (flag(args, 'json')) out(ctx, json(secrets));
      else if (secrets.length === 0) out(ctx, 'No secrets here yet. Add one with: rekey add NAME < value');
      else out(ctx, secretsTable(secrets));
      const altered = secrets.filter((secret) => secret.altered).length;
      if (altered > 0 && !flag(args, 'json')) {
        warn(
          ctx,
          `${altered === 1 ? '1 secret was' : `${altered} secrets were`} changed outside Rekey (marked ALTERED); \`rekey audit verify\` says what changed.`,
        );
      }
      return EXIT.ok;
    });
  },
};

export const show: Command = {
  name: 'show',
  usage: 'rekey show NAME [--json]',
  summary: 'the metadata of one secret (the value stays masked)',
  async run(ctx, argv) {
    const args = parseCommandArgs('show', argv, { json: { type: 'boolean' } }, one);
    const name = args.positionals[0] as string;
    return withVault(ctx, (vault) => {
      const secret = vault.show(name);
      const undoableUntil = vault.undoableUntil(name);
      out(ctx, flag(args, 'json') ? json({ ...secret, undoableUntil }) : secretDetails(secret, undoableUntil));
      return EXIT.ok;
    });
  },
};

export const history: Command = {
  name: 'history',
  usage: 'rekey history NAME [--json]',
  summary: 'every version of a secret, masked, newest first',
  async run(ctx, argv) {
    const args = parseCommandArgs('history', argv, { json: { type: 'boolean' } }, one);
    const name = args.positionals[0] as string;
    return withVault(ctx, (vault) => {
      const versions = vault.history(name);
      const undoableUntil = vault.undoableUntil(name);
      if (flag(args, 'json')) out(ctx, json({ name, undoableUntil, versions }));
      else {
        out(ctx, historyTable(versions));
        if (undoableUntil) out(ctx, `The last rotation can be undone until ${day(undoableUntil)}: rekey undo-rotate ${name}`);
      }
      return EXIT.ok;
    });
  },
};

export const due: Command = {
  name: 'due',
  usage: 'rekey due [--within DAYS] [--json]',
  summary:
    'secrets due within the lead time (14 days unless changed in Settings) or --within DAYS; exit code 3 when any is overdue or exposed; never needs the master password',
  async run(ctx, argv) {
    const args = parseCommandArgs('due', argv, { within: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
    const within = daysOption(args, 'within', 'due');
    // dates are stored in clear: no keychain read and no password, so a shell prompt stays instant
    const metadata = VaultMetadata.open(resolveVaultHome(ctx.env), ctx.clock);
    try {
      const vault = metadata;
      // overdue and exposed keys always show; the rest by --within, or by the lead time
      const now = ctx.clock.now();
      const secrets = vault
        .list()
        .filter((secret) =>
          secret.status === 'overdue' || secret.status === 'exposed'
            ? true
            : within === undefined
              ? secret.status === 'due-soon'
              : daysUntilDue(secret.dueAt, now) <= within,
        );
      const urgent = secrets.some((secret) => secret.status === 'overdue' || secret.status === 'exposed');
      if (flag(args, 'json')) out(ctx, json(secrets));
      else if (secrets.length === 0) out(ctx, 'Nothing is due.');
      else {
        out(
          ctx,
          table(
            ['NAME', 'PROJECT', 'DUE', 'STATUS', 'ROTATE AT'],
            secrets.map((secret) => [secret.name, secret.project || '-', day(secret.dueAt), dueWords(secret), secret.rotateUrl ?? '']),
          ),
        );
      }
      return urgent ? EXIT.attention : EXIT.ok;
    } finally {
      metadata.close();
    }
  },
};
