import { RekeyError, type SecretSummary, type Vault } from '../../core/index.js';
import { type Parsed, dateOption, daysOption, flag, parseCommandArgs, stringOption } from '../arguments.js';
import { EXIT, out, warn } from '../cli-context.js';
import type { Command } from '../command.js';
import { day, dueWords } from '../format.js';
import { withVault } from '../open-vault.js';
import { readSecretValue } from '../secret-input.js';

const one = { min: 1, max: 1, names: 'NAME' };

/** The metadata flags add and edit share; edit adds --name. */
const METADATA_OPTIONS = {
  env: { type: 'string' },
  project: { type: 'string' },
  provider: { type: 'string' },
  'rotate-every': { type: 'string' },
  'rotated-at': { type: 'string' },
  notes: { type: 'string' },
} as const;

function metadataFrom(args: Parsed, command: string) {
  return {
    envVar: stringOption(args, 'env'),
    project: stringOption(args, 'project'),
    provider: stringOption(args, 'provider'),
    rotateEveryDays: daysOption(args, 'rotate-every', command),
    rotatedAt: dateOption(args, 'rotated-at', command),
    notes: stringOption(args, 'notes'),
  };
}

export const add: Command = {
  name: 'add',
  usage:
    'rekey add NAME [--env VAR] [--project P] [--provider ID] [--rotate-every DAYS] [--rotated-at YYYY-MM-DD] [--notes TEXT]   (value on stdin)',
  summary: 'store a new secret; the value is read from stdin, never from the command line',
  async run(ctx, argv) {
    const args = parseCommandArgs('add', argv, METADATA_OPTIONS, one);
    const name = args.positionals[0] as string;
    const input = { name, ...metadataFrom(args, 'add') };
    return withVault(ctx, async (vault) => {
      const value = await readSecretValue(ctx, `"${name}"`);
      const { secret, warnings } = vault.add(input, value);
      for (const warning of warnings) warn(ctx, warning);
      out(
        ctx,
        `Added ${secret.name} (${secret.providerName}, ${secret.envVar}) ${secret.masked}; ${dueWords(secret)} on ${day(secret.dueAt)}.`,
      );
      return EXIT.ok;
    });
  },
};

export const get: Command = {
  name: 'get',
  usage: 'rekey get NAME',
  summary: 'print the value and nothing else (for pipes and scripts)',
  async run(ctx, argv) {
    const args = parseCommandArgs('get', argv, {}, one);
    return withVault(ctx, (vault) => {
      const value = vault.reveal(args.positionals[0] as string, 'reveal');
      // exact bytes for pipes; a newline only for a person at a terminal
      ctx.stdout.write(ctx.stdout.isTTY ? `${value}\n` : value);
      return EXIT.ok;
    });
  },
};

export const rotate: Command = {
  name: 'rotate',
  usage: 'rekey rotate NAME   (new value on stdin)',
  summary: 'store a new value; the previous one is kept and can be restored for 7 days',
  async run(ctx, argv) {
    const args = parseCommandArgs('rotate', argv, {}, one);
    const name = args.positionals[0] as string;
    return withVault(ctx, async (vault) => {
      const before = vault.show(name);
      const value = await readSecretValue(ctx, `the new value of "${name}"`);
      const { secret, warnings } = vault.rotate(name, value);
      for (const warning of warnings) warn(ctx, warning);
      out(ctx, `Rotated ${secret.name} to version ${secret.version} ${secret.masked}; next due ${day(secret.dueAt)}.`);
      if (before.rotateUrl) out(ctx, `Revoke the old key at ${before.rotateUrl} once nothing uses it.`);
      return EXIT.ok;
    });
  },
};

/** Commands that take one NAME, make one change, and report the result in one line. */
function oneSecretCommand(
  name: string,
  usage: string,
  summary: string,
  change: (vault: Vault, secretName: string) => SecretSummary,
  report: (secret: SecretSummary) => string,
): Command {
  return {
    name,
    usage,
    summary,
    async run(ctx, argv) {
      const args = parseCommandArgs(name, argv, {}, one);
      return withVault(ctx, (vault) => {
        out(ctx, report(change(vault, args.positionals[0] as string)));
        return EXIT.ok;
      });
    },
  };
}

export const undoRotate = oneSecretCommand(
  'undo-rotate',
  'rekey undo-rotate NAME',
  'bring back the previous value (within 7 days of the rotation)',
  (vault, name) => vault.undoRotate(name),
  (secret) => `Restored ${secret.name} to version ${secret.version} ${secret.masked}; due ${day(secret.dueAt)}.`,
);

export const edit: Command = {
  name: 'edit',
  usage:
    'rekey edit NAME [--name NEW] [--env VAR] [--project P] [--provider ID] [--rotate-every DAYS] [--rotated-at YYYY-MM-DD] [--notes TEXT]',
  summary: 'change metadata (never the value: use rotate)',
  async run(ctx, argv) {
    const args = parseCommandArgs('edit', argv, { ...METADATA_OPTIONS, name: { type: 'string' } }, one);
    const patch = { name: stringOption(args, 'name'), ...metadataFrom(args, 'edit') };
    return withVault(ctx, (vault) => {
      const secret = vault.edit(args.positionals[0] as string, patch);
      out(ctx, `Updated ${secret.name}; ${dueWords(secret)} on ${day(secret.dueAt)}.`);
      return EXIT.ok;
    });
  },
};

export const expose = oneSecretCommand(
  'expose',
  'rekey expose NAME',
  'mark a secret as compromised: it is due immediately',
  (vault, name) => vault.markExposed(name),
  (secret) => `Marked ${secret.name} as exposed. Rotate it now${secret.rotateUrl ? `: ${secret.rotateUrl}` : '.'}`,
);

export const unexpose = oneSecretCommand(
  'unexpose',
  'rekey unexpose NAME',
  'clear the exposed mark',
  (vault, name) => vault.clearExposed(name),
  (secret) => `Cleared the exposed mark on ${secret.name}; ${dueWords(secret)}.`,
);

export const remove: Command = {
  name: 'rm',
  usage: 'rekey rm NAME [--yes]',
  summary: 'delete a secret and all its versions (asks first on a terminal)',
  async run(ctx, argv) {
    const args = parseCommandArgs('rm', argv, { yes: { type: 'boolean', short: 'y' } }, one);
    const name = args.positionals[0] as string;
    return withVault(ctx, async (vault) => {
      const secret = vault.show(name);
      if (
        ctx.stdin.isTTY &&
        !flag(args, 'yes') &&
        !(await confirm(ctx, `Delete ${secret.name} and all ${secret.version} version(s)? [y/N] `))
      ) {
        throw new RekeyError('invalid-input', `Kept ${secret.name}; nothing was deleted.`);
      }
      vault.remove(name);
      out(ctx, `Deleted ${secret.name}.`);
      return EXIT.ok;
    });
  },
};

async function confirm(ctx: Parameters<Command['run']>[0], question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
