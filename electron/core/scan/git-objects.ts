import { RekeyError } from '../errors.js';
import { type GitOptions, execGit, spawnGit } from '../git/safe-git.js';

const MAX_LISTING_BYTES = 1024 * 1024 * 1024;

/** git in a folder that may be someone else's repository: see safe-git.ts for what is turned off. */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execGit(cwd, args, { ...options, maxBuffer: MAX_LISTING_BYTES }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const why = missing
        ? 'git is not installed (or not on PATH)'
        : stderr.toString('utf8').trim().split('\n')[0] || `git ${args[0] ?? ''} failed`;
      reject(new RekeyError('invalid-input', why));
    });
  });
}

/** The top of the work tree `folder` is in; a clear error when it is not in one. */
export async function workTreeTop(folder: string, why: string): Promise<string> {
  try {
    return (await runGit(folder, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  } catch {
    throw new RekeyError('invalid-input', `${why} needs a git repository, and ${folder} is not inside one.`);
  }
}

export interface BlobPlace {
  readonly blob: string;
  readonly path: string;
  /** null for staged content, which has no commit yet. */
  readonly commit: string | null;
}

const EMPTY_SHA = /^0+$/;
const SUBMODULE_MODE = '160000';

/**
 * Parses `git log|diff --raw -z --no-renames --no-abbrev` (optionally with commits marked by
 * a \x01<sha> format line): each blob with the first commit and path it appears at.
 */
export function parseRawDiff(output: Buffer): BlobPlace[] {
  const places: BlobPlace[] = [];
  const seen = new Set<string>();
  const tokens = output.toString('utf8').split('\0');
  let commit: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    if (token.startsWith('\x01')) {
      commit = token.slice(1).trim();
    } else if (token.startsWith(':')) {
      const path = tokens[++i] ?? '';
      const [, newMode, , blob, status] = token.slice(1).split(' ');
      if (blob === undefined || EMPTY_SHA.test(blob) || status === 'D' || newMode === SUBMODULE_MODE) continue;
      if (seen.has(blob)) continue;
      seen.add(blob);
      places.push({ blob, path, commit });
    }
  }
  return places;
}

/** Every blob in every commit reachable from any ref, once, with the oldest commit that has it. */
export async function historyBlobs(top: string): Promise<BlobPlace[]> {
  // first-parent diffs of merges show exactly what a merge brought that its first parent lacked
  const log = await runGit(top, [
    'log',
    '--all',
    '--reverse',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--diff-merges=first-parent',
    '--raw',
    '--no-abbrev',
    '--format=%x01%H',
    '-z',
  ]);
  return parseRawDiff(log);
}

/** The blobs a commit would add or change: the staged content, not the working copy. */
export async function stagedBlobs(top: string): Promise<BlobPlace[]> {
  return parseRawDiff(
    await runGit(top, [
      'diff',
      '--cached',
      '--no-renames',
      '--no-ext-diff',
      '--no-textconv',
      '--raw',
      '--no-abbrev',
      '-z',
      '--diff-filter=ACMRT',
    ]),
  );
}

/**
 * Streams blobs through one `git cat-file --batch`: `use` gets each blob's content, or null
 * with its size when it is larger than `maxBytes` (its bytes are skipped, never buffered).
 */
export function readBlobs(
  top: string,
  blobs: readonly string[],
  maxBytes: number,
  use: (blob: string, content: Buffer | null, size: number) => void,
): Promise<void> {
  if (blobs.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawnGit(top, ['cat-file', '--batch=%(objectname) %(objectsize)']);
    let chunks: Buffer[] = [];
    let buffered = 0;
    let header: { blob: string; size: number } | null = null;
    let skipping = 0;
    let failure: Error | null = null;
    const stderr: Buffer[] = [];

    const take = (count: number): Buffer => {
      const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, buffered);
      chunks = all.length > count ? [all.subarray(count)] : [];
      buffered = all.length - count;
      return all.subarray(0, count);
    };

    const pump = () => {
      for (;;) {
        if (skipping > 0) {
          const drop = Math.min(skipping, buffered);
          take(drop);
          skipping -= drop;
          if (skipping > 0) return;
        }
        if (header === null) {
          const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, buffered);
          chunks = all.length > 0 ? [all] : [];
          const newline = all.indexOf(0x0a);
          if (newline === -1) return;
          const line = take(newline + 1)
            .toString('utf8')
            .trim();
          const [blob = '', size] = line.split(' ');
          if (size === 'missing' || size === undefined) continue;
          header = { blob, size: Number(size) };
        }
        if (header.size > maxBytes) {
          use(header.blob, null, header.size);
          skipping = header.size + 1;
          header = null;
          continue;
        }
        if (buffered < header.size + 1) return;
        const content = take(header.size + 1).subarray(0, header.size);
        const current = header;
        header = null;
        try {
          use(current.blob, content, current.size);
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
          child.kill();
          return;
        }
      }
    };

    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      pump();
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined);
    child.on('error', (error) =>
      reject(
        new RekeyError(
          'invalid-input',
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed (or not on PATH)' : error.message,
        ),
      ),
    );
    child.on('close', (code) => {
      if (failure) return reject(failure);
      if (code !== 0)
        return reject(
          new RekeyError('invalid-input', `git cat-file failed: ${Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] ?? ''}`),
        );
      resolve();
    });
    child.stdin.end(blobs.join('\n') + '\n');
  });
}
