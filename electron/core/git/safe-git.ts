import { type ChildProcessWithoutNullStreams, type ExecFileException, execFile, spawn } from 'node:child_process';

/**
 * Every git Rekey runs goes through here. Rekey runs git in folders it scans or writes into,
 * which may be a repository someone else prepared (a cloned project, a downloaded archive).
 * Its .git/config can name programs that git then starts: core.fsmonitor runs on any command
 * that reads the index (`diff --cached`, `check-ignore`: measured with git 2.39), hooks run
 * from core.hooksPath, log.showSignature makes `git log` start gpg.program, a pager or an
 * external diff driver can run on output. These settings turn each of them off, so git only
 * reads. Not covered by a setting, and not needed: filter drivers (clean/smudge) and textconv
 * run only when git reads work-tree files or prints patches, which no command here does
 * (and the log/diff calls also pass --no-ext-diff --no-textconv); ssh, credential helpers
 * and proxies run only for remotes, which Rekey never contacts. System config
 * (GIT_CONFIG_NOSYSTEM) is left alone: it belongs to the machine's administrator, not to a
 * repository.
 */
const NO_PROGRAMS = [
  'core.fsmonitor=false',
  // Git for Windows' older name for the built-in monitor
  'core.useBuiltinFSMonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'log.showSignature=false',
  // diff.external is not cleared here: an empty value makes git try to run "" for patch
  // output; the log/diff calls pass --no-ext-diff instead
] as const;

export interface GitOptions {
  /**
   * Only for asking git where hooks live (`rev-parse --git-path hooks`, which runs nothing):
   * the answer must be the repository's real hooks folder, not /dev/null.
   */
  readonly keepHooksPath?: boolean;
}

/** The argument list with the settings above in front of `args`. */
export function safeGitArgs(args: readonly string[], options: GitOptions = {}): string[] {
  const settings = NO_PROGRAMS.filter((setting) => !(options.keepHooksPath && setting.startsWith('core.hooksPath=')));
  return [...settings.flatMap((setting) => ['-c', setting]), ...args];
}

/**
 * GIT_OPTIONAL_LOCKS=0: a read must not take the index lock from a git the user is running.
 * GIT_TERMINAL_PROMPT=0: never ask on the terminal. Read per call, so a test's (or the
 * user's) GIT_CEILING_DIRECTORIES applies.
 */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
}

export interface GitRun {
  readonly maxBuffer?: number;
  readonly timeoutMs?: number;
}

/** `git args` in `cwd`, stdout as bytes; the callback gets exactly what execFile reports. */
export function execGit(
  cwd: string,
  args: readonly string[],
  run: GitRun & GitOptions,
  done: (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => void,
): void {
  execFile(
    'git',
    safeGitArgs(args, run),
    { cwd, env: gitEnv(), encoding: 'buffer', windowsHide: true, maxBuffer: run.maxBuffer, timeout: run.timeoutMs },
    done,
  );
}

/** A long-running git with pipes (cat-file --batch). */
export function spawnGit(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('git', safeGitArgs(args), { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
}
