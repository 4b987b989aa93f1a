import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { realKeyStore, requirePrivateKeyring, testKeychainService } from './real-keychain.js';

/**
 * Drives the BUILT `rekey` binary (bin/rekey.js -> dist/cli/rekey.js) as a child process, the
 * way a user's shell does: argv, stdin, env and cwd in; exit code, raw stdout bytes and stderr out.
 * Build first with `node scripts/build.js`.
 */

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REKEY_BIN = join(REPO_ROOT, 'bin', 'rekey.js');
const BUNDLE = join(REPO_ROOT, 'dist', 'cli', 'rekey.js');

export interface RunOptions {
  /** Bytes for the child's stdin; stdin is closed (empty) when absent. */
  readonly stdin?: string | Buffer | undefined;
  /** Added to the inherited environment; must name REKEY_HOME and REKEY_KEYCHAIN_SERVICE. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly cwd?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

export interface RekeyResult {
  readonly code: number;
  /** Raw bytes: `get` must print exactly the stored value. */
  readonly stdout: Buffer;
  readonly stderr: string;
  /** stdout decoded as UTF-8, for convenience. */
  readonly out: string;
}

/** Anything of ours that could point the child at a developer's own vault or keychain is dropped. */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('REKEY_') || key === 'REKEY_PRIVATE_KEYRING'));
}

export function runRekey(args: readonly string[], options: RunOptions = {}): Promise<RekeyResult> {
  const env = { ...inheritedEnv(), ...options.env };
  // never the user's default vault (app-data folder) or default keychain service "Rekey"
  if (!env['REKEY_HOME'] || !env['REKEY_KEYCHAIN_SERVICE']) {
    return Promise.reject(new Error('runRekey needs env.REKEY_HOME and env.REKEY_KEYCHAIN_SERVICE (a temp vault, a test service)'));
  }
  if (!existsSync(BUNDLE)) {
    return Promise.reject(new Error(`The CLI is not built (${BUNDLE} is missing): run \`node scripts/build.js\` first.`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REKEY_BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // a command may exit before reading stdin (e.g. `rotate` of an unknown name): EPIPE is fine
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout);
      resolve({
        code: code ?? (signal === 'SIGKILL' ? -9 : -1),
        stdout: out,
        stderr: Buffer.concat(stderr).toString('utf8'),
        out: out.toString('utf8'),
      });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

// ---- assertions every CLI test wants ----------------------------------------------------

const STACK_LINE = /^\s+at\s/m;

export function expectNoStackTrace(result: RekeyResult): void {
  expect(result.stderr, 'stderr shows a stack trace').not.toMatch(STACK_LINE);
  expect(result.stderr).not.toContain('    at ');
}

/** Exit 1 with one clear line on stderr, `rekey: …`, nothing on stdout unless allowed. */
export function expectCleanError(result: RekeyResult, options: { code?: number; stdoutAllowed?: boolean } = {}): string {
  expect(result.code, `exit code; stderr: ${result.stderr}`).toBe(options.code ?? 1);
  expectNoStackTrace(result);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, `stderr should be one line: ${JSON.stringify(result.stderr)}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^rekey: \S/);
  if (!options.stdoutAllowed) expect(result.out).toBe('');
  return lines[0] as string;
}

/** Exit 2, the problem and the usage on stderr, nothing on stdout. */
export function expectUsageError(result: RekeyResult): void {
  expect(result.code, `exit code; stderr: ${result.stderr}`).toBe(2);
  expectNoStackTrace(result);
  expect(result.stderr).toMatch(/^rekey: \S/);
  expect(result.out).toBe('');
}

export function expectOk(result: RekeyResult): RekeyResult {
  expect(result.code, `exit code; stderr: ${result.stderr}`).toBe(0);
  expectNoStackTrace(result);
  return result;
}

// ---- a throwaway vault per describe -----------------------------------------------------

export interface CliVault {
  /** Temp folder holding `home` and `work`; removed by cleanup(). */
  readonly root: string;
  /** REKEY_HOME: the vault folder and nothing else. */
  readonly home: string;
  /** A scratch folder outside REKEY_HOME for .env files, exports, git repos. */
  readonly work: string;
  readonly service: string;
  readonly env: Readonly<Record<string, string>>;
  readonly dbPath: string;
  /** Every run is checked for stack traces and recorded for no-plaintext checks. */
  readonly runs: Array<{ args: readonly string[]; result: RekeyResult }>;
  run(args: readonly string[], options?: Omit<RunOptions, 'env'> & { env?: NodeJS.ProcessEnv }): Promise<RekeyResult>;
  /** `rekey NAME …` that must succeed. */
  ok(args: readonly string[], options?: Omit<RunOptions, 'env'>): Promise<RekeyResult>;
  /** The vault id from the database's meta table (what names the keychain account). */
  vaultId(): string | null;
  cleanup(): Promise<void>;
}

export interface CliVaultOptions {
  /** A keychain service; by default a fresh unique one. */
  readonly service?: string;
  /** Run `rekey init` straight away (default true). */
  readonly init?: boolean;
}

export function readVaultId(dbPath: string): string | null {
  if (!existsSync(dbPath)) return null;
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get() as { value: string } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}

export async function createCliVault(options: CliVaultOptions = {}): Promise<CliVault> {
  requirePrivateKeyring();
  const root = mkdtempSync(join(tmpdir(), 'rekey-cli-'));
  const home = join(root, 'home');
  const work = join(root, 'work');
  mkdirSync(work);
  const service = options.service ?? testKeychainService();
  const env = { REKEY_HOME: home, REKEY_KEYCHAIN_SERVICE: service };
  const dbPath = join(home, 'vault.db');
  const runs: CliVault['runs'] = [];
  let knownVaultId: string | null = null;

  const vault: CliVault = {
    root,
    home,
    work,
    service,
    env,
    dbPath,
    runs,
    async run(args, runOptions = {}) {
      const result = await runRekey(args, { ...runOptions, env: { ...env, ...runOptions.env } });
      runs.push({ args, result });
      expectNoStackTrace(result);
      return result;
    },
    async ok(args, runOptions = {}) {
      return expectOk(await vault.run(args, runOptions));
    },
    vaultId() {
      knownVaultId = readVaultId(dbPath) ?? knownVaultId;
      return knownVaultId;
    },
    async cleanup() {
      let id: string | null = knownVaultId;
      try {
        id = vault.vaultId();
      } catch {
        // a deliberately broken database: fall back to the id read earlier
      }
      if (id !== null) await realKeyStore(service).delete(`vault-key:${id}`);
      rmSync(root, { recursive: true, force: true });
    },
  };
  if (options.init ?? true) {
    await vault.ok(['init']);
    vault.vaultId();
  }
  return vault;
}
