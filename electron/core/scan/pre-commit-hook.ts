import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RekeyError } from '../errors.js';
import { runGit, workTreeTop } from './git-objects.js';

export const HOOK_MARKER = '# rekey pre-commit hook';

export interface HookInstall {
  readonly path: string;
  /** true when an earlier Rekey hook was brought up to date. */
  readonly updated: boolean;
}

export interface HookOptions {
  /** A folder inside the repository. */
  readonly cwd: string;
  /** How to run rekey: the node binary and the script, as absolute paths. */
  readonly command: readonly string[];
  /** Pinned into the hook when set, so commits check the same vault the hook was installed from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

const PINNED_VARIABLES = ['REKEY_HOME', 'REKEY_KEYCHAIN_SERVICE'] as const;

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function hookScript(command: readonly string[], env: HookOptions['env']): string {
  const pins = PINNED_VARIABLES.flatMap((name) => {
    const value = env[name];
    return value === undefined || value === '' ? [] : [`if [ -z "\${${name}:-}" ]; then ${name}=${shellQuote(value)}; export ${name}; fi`];
  });
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    '# Installed by `rekey scan --install-hook`: blocks a commit whose staged content holds a value from',
    '# your Rekey vault (and names the key, masked). To commit anyway, once: git commit --no-verify',
    ...pins,
    [...command, 'scan', '--staged'].map(shellQuote).join(' '),
    'status=$?',
    // 4 is "found": rekey has said which key; anything else means the check itself could not run
    'if [ "$status" -ne 0 ] && [ "$status" -ne 4 ]; then',
    `  echo 'rekey: the pre-commit check could not run, so the commit was stopped; git commit --no-verify skips the check once.' >&2`,
    'fi',
    'exit "$status"',
    '',
  ].join('\n');
}

/** Writes the hook where git looks for it (core.hooksPath or .git/hooks); never over someone else's hook. */
export async function installPreCommitHook(options: HookOptions): Promise<HookInstall> {
  const top = await workTreeTop(options.cwd, 'Installing the pre-commit hook');
  // keepHooksPath: the hook goes where this repository's git will look for it (core.hooksPath or .git/hooks)
  const hooks = resolve(top, (await runGit(top, ['rev-parse', '--git-path', 'hooks'], { keepHooksPath: true })).toString('utf8').trim());
  const path = join(hooks, 'pre-commit');
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing !== null && !existing.includes(HOOK_MARKER)) {
    throw new RekeyError(
      'file-exists',
      `${path} already exists and Rekey did not write it, so it was left alone. To run both, add this line to it: ` +
        [...options.command, 'scan', '--staged'].map(shellQuote).join(' '),
    );
  }
  await mkdir(hooks, { recursive: true });
  await writeFile(path, hookScript(options.command, options.env), { mode: 0o755 });
  await chmod(path, 0o755);
  return { path, updated: existing !== null };
}
