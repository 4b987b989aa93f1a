import { type Dirent, existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { RekeyError } from '../errors.js';
import { Yielder } from './yielder.js';

/** Folders of other people's code: their example keys are not the user's leak. */
export const VENDORED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'third-party',
  'Pods',
  'Carthage',
  '.venv',
  'site-packages',
]);

export interface WalkOptions {
  /** Also walk node_modules, vendor/, third_party/ and the like. */
  readonly includeVendored?: boolean | undefined;
  /** Also walk what .gitignore excludes (a local .env, build output). */
  readonly includeIgnored?: boolean | undefined;
}

export interface WalkedFile {
  readonly path: string;
  readonly size: number;
}

interface Rules {
  readonly base: string;
  readonly rules: Ignore;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function rulesIn(folder: string): Rules | null {
  let text: string;
  try {
    text = readFileSync(join(folder, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return { base: folder, rules: ignore().add(text) };
}

/** Like git: the deepest .gitignore with a rule for the path decides (so a `!keep` there wins). */
function ignored(stack: readonly Rules[], path: string, isFolder: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const { base, rules } = stack[i] as Rules;
    const rel = toPosix(relative(base, path));
    if (rel === '' || rel.startsWith('..')) continue;
    const verdict = rules.test(isFolder ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The .gitignore files between the work tree's top and `folder` (exclusive), top first. */
function ancestorRules(folder: string): Rules[] {
  const chain: string[] = [];
  let current = dirname(folder);
  let top: string | null = existsSync(join(folder, '.git')) ? folder : null;
  while (top === null) {
    chain.unshift(current);
    if (existsSync(join(current, '.git'))) top = current;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (top === null || top === folder) return [];
  return chain.map(rulesIn).filter((rules): rules is Rules => rules !== null);
}

/**
 * Every regular file under `root`, with .gitignore honoured at every level (and in the
 * folders above, up to the work tree's top), never .git, never following symlinks.
 * A file named directly is always walked.
 */
export async function* walkFiles(root: string, options: WalkOptions = {}): AsyncGenerator<WalkedFile> {
  let stat;
  try {
    stat = lstatSync(root);
  } catch {
    stat = null;
  }
  if (stat === null) throw new RekeyError('not-found', `No such file or folder: ${root}`);
  if (stat.isFile()) {
    yield { path: root, size: stat.size };
    return;
  }
  if (!stat.isDirectory()) throw new RekeyError('invalid-input', `${root} is neither a file nor a folder.`);
  const start = options.includeIgnored ? [] : ancestorRules(root);
  yield* walkFolder(root, start, options, new Yielder());
}

async function* walkFolder(
  folder: string,
  inherited: readonly Rules[],
  options: WalkOptions,
  yielder: Yielder,
): AsyncGenerator<WalkedFile> {
  await yielder.maybe();
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // unreadable folder (permissions): nothing we can scan, not a reason to stop
  }
  // only open .gitignore where the listing shows one: a failed open per folder adds up
  const own = options.includeIgnored || !entries.some((entry) => entry.name === '.gitignore') ? null : rulesIn(folder);
  const stack = own ? [...inherited, own] : inherited;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.git') continue;
      if (!options.includeVendored && VENDORED_FOLDERS.has(entry.name)) continue;
      if (ignored(stack, path, true)) continue;
      yield* walkFolder(path, stack, options, yielder);
    } else if (entry.isFile()) {
      if (ignored(stack, path, false)) continue;
      let size = -1;
      try {
        size = lstatSync(path).size;
      } catch {
        // vanished while we walked: nothing to scan
      }
      if (size >= 0) yield { path, size };
    }
  }
}
