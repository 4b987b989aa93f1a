import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type * as KeytarModule from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, runRekey } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { randomToken, sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const keytar = createRequire(import.meta.url)('keytar') as typeof KeytarModule;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const WINDOW = 12;
const B64_WINDOW = 16;
const HEX_WINDOW = 24;

/**
 * Every form of a value that must never leave the vault except through get, run and export:
 * any 12-byte run of its UTF-8 bytes, any 16-character run of its base64 (at each of the three
 * byte alignments) and any 24-character run of its hex. A value shorter than the window counts whole.
 */
class Plaintexts {
  private readonly windows = new Map<number, Map<string, string>>();
  private readonly whole: Array<{ label: string; needle: string }> = [];

  add(label: string, value: string | Buffer): void {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    this.addForm(label, bytes.toString('latin1'), WINDOW);
    this.addForm(`${label} (hex)`, bytes.toString('hex'), HEX_WINDOW);
    for (const offset of [0, 1, 2]) {
      if (bytes.length - offset < 3) continue;
      // the last 4 characters depend on what follows; everything before them is fixed by the bytes
      const b64 = bytes.subarray(offset).toString('base64');
      this.addForm(`${label} (base64)`, b64.length > 8 ? b64.slice(0, -4) : b64.replace(/=+$/, ''), B64_WINDOW);
    }
  }

  private addForm(label: string, text: string, size: number): void {
    if (text.length < size) {
      this.whole.push({ label, needle: text });
      return;
    }
    let bySize = this.windows.get(size);
    if (!bySize) this.windows.set(size, (bySize = new Map<string, string>()));
    for (let i = 0; i + size <= text.length; i++) bySize.set(text.slice(i, i + size), label);
  }

  /** The labels of the values whose plaintext shows up in `haystack`. */
  find(haystack: string | Buffer): string[] {
    const text = (typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack).toString('latin1');
    const hits = new Set<string>();
    for (const [size, bySize] of this.windows) {
      for (let i = 0; i + size <= text.length; i++) {
        const label = bySize.get(text.slice(i, i + size));
        if (label !== undefined) hits.add(label);
      }
    }
    for (const { label, needle } of this.whole) if (text.includes(needle)) hits.add(label);
    return [...hits];
  }
}

/** get, run, and export without -o exist to hand values out on stdout. */
function mayPrintValues(args: readonly string[]): boolean {
  const [command] = args;
  return command === 'get' || command === 'run' || (command === 'export' && !args.includes('-o'));
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no plaintext leaves the vault except through get, run and export', () => {
  let v: CliVault;
  const plaintexts = new Plaintexts();
  /** The REKEY_HOME files as they were while the WAL was still in use. */
  const liveFiles: Array<{ path: string; bytes: Buffer }> = [];

  const values = {
    github: sampleKeys.github(),
    githubRotated: sampleKeys.github(),
    stripe: sampleKeys.stripe(),
    stripeRotated: sampleKeys.stripe(),
    aws: sampleKeys.aws(),
    pem:
      `-----BEGIN REKEY TEST KEY ${randomToken(ALNUM, 6)}-----\n` +
      `${randomToken(`${ALNUM}+/`, 64)}\n${randomToken(`${ALNUM}+/`, 64)}\n${randomToken(ALNUM, 20)}==\n` +
      `-----END REKEY TEST KEY-----\n`,
    short: `Q${randomToken(ALNUM, 5)}%${randomToken(ALNUM, 1)}`,
    unicode: `pässwörd ✓ ${randomToken(ALNUM, 8)} 鍵 ${randomToken(ALNUM, 8)}`,
    carriageReturn: `cr-${randomToken(ALNUM, 10)}\r$${randomToken(ALNUM, 14)}`,
    oddForProvider: `oddball-${randomToken(ALNUM, 24)}`,
    imported: `imp-${randomToken(ALNUM, 30)}`,
    importedUrl: `postgres://app:${randomToken(ALNUM, 24)}@db.internal/app`,
    // refused ones: they must not show up anywhere either
    tooLong: randomToken(ALNUM, 64 * 1024 + 100),
    duplicateName: `dup-${randomToken(ALNUM, 30)}`,
    rotateUnknown: `ghost-${randomToken(ALNUM, 30)}`,
    badName: `badname-${randomToken(ALNUM, 30)}`,
    withNul: `nul-${randomToken(ALNUM, 12)}\0${randomToken(ALNUM, 12)}`,
    clashImport: `clash-${randomToken(ALNUM, 30)}`,
  };
  const notUtf8 = Buffer.concat([
    Buffer.from(`latin-${randomToken(ALNUM, 16)}`),
    Buffer.from([0xe9, 0xff, 0xfe]),
    Buffer.from(randomToken(ALNUM, 16)),
  ]);

  async function run(args: readonly string[], options: { stdin?: string | Buffer; expectCode: number }) {
    const result = await v.run(args, { stdin: options.stdin });
    expect(result.code, `rekey ${args.join(' ')}: ${result.stderr}`).toBe(options.expectCode);
    return result;
  }

  beforeAll(async () => {
    for (const [label, value] of Object.entries(values)) plaintexts.add(label, value);
    plaintexts.add('notUtf8', notUtf8);

    v = await createCliVault();
    // an open connection keeps the WAL file from being checkpointed away, so it is inspected too
    const holder = new Database(v.dbPath, { readonly: true });
    holder.prepare('SELECT count(*) FROM meta').get(); // maps the -shm: the last CLI to close no longer removes the WAL
    try {
      const ok = 0;
      // independent commands run side by side (app and CLI share a vault, so this is a real use too)
      await Promise.all([
        run(['add', 'gh', '--project', 'web'], { stdin: `${values.github}\n`, expectCode: ok }),
        run(['add', 'stripe', '--project', 'web', '--rotate-every', '30'], { stdin: `${values.stripe}\n`, expectCode: ok }),
        run(['add', 'aws', '--project', 'web', '--rotated-at', '2020-01-01'], { stdin: `${values.aws}\n`, expectCode: ok }),
        run(['add', 'pem', '--env', 'TLS_KEY'], { stdin: values.pem, expectCode: ok }),
        run(['add', 'short'], { stdin: `${values.short}\n`, expectCode: ok }),
        run(['add', 'unicode', '--notes', 'team vault'], { stdin: `${values.unicode}\n`, expectCode: ok }),
        run(['add', 'cr', '--project', 'cr'], { stdin: values.carriageReturn, expectCode: ok }),
        run(['add', 'odd', '--provider', 'stripe-secret', '--env', 'ODD_KEY'], { stdin: `${values.oddForProvider}\n`, expectCode: ok }),
      ]);
      await run(['add', 'gh-copy', '--env', 'GH_COPY'], { stdin: `${values.github}\n`, expectCode: ok });

      // refusals
      await Promise.all([
        run(['add', 'huge'], { stdin: values.tooLong, expectCode: 1 }),
        run(['add', 'gh'], { stdin: `${values.duplicateName}\n`, expectCode: 1 }),
        run(['rotate', 'ghost'], { stdin: `${values.rotateUnknown}\n`, expectCode: 1 }),
        run(['add', 'bad name'], { stdin: `${values.badName}\n`, expectCode: 1 }),
        run(['add', 'nul'], { stdin: values.withNul, expectCode: 1 }),
        run(['add', 'latin'], { stdin: notUtf8, expectCode: 1 }),
        run(['add', 'same-again', '--provider', 'nope'], { stdin: `${values.duplicateName}\n`, expectCode: 1 }),
      ]);

      // reading, changing, rotating
      await Promise.all([
        run(['list'], { expectCode: 0 }),
        run(['list', '--json'], { expectCode: 0 }),
        run(['list', '--project', 'web', '--status', 'overdue'], { expectCode: 0 }),
        ...['gh', 'pem', 'short', 'unicode', 'cr'].flatMap((name) => [
          run(['show', name], { expectCode: 0 }),
          run(['show', name, '--json'], { expectCode: 0 }),
        ]),
        ...['gh', 'pem', 'short', 'unicode'].map((name) => run(['get', name], { expectCode: 0 })),
      ]);
      await run(['rotate', 'gh'], { stdin: `${values.githubRotated}\n`, expectCode: 0 });
      await run(['rotate', 'gh'], { stdin: `${values.githubRotated}\n`, expectCode: 0 }); // same value again: a warning
      await run(['rotate', 'stripe'], { stdin: `${values.stripeRotated}\n`, expectCode: 0 });
      await run(['history', 'gh'], { expectCode: 0 });
      await run(['history', 'stripe', '--json'], { expectCode: 0 });
      await run(['undo-rotate', 'gh'], { expectCode: 0 });
      await run(['edit', 'unicode', '--env', 'UNICODE_SECRET', '--rotate-every', '45'], { expectCode: 0 });
      await run(['edit', 'unicode', '--rotated-at', '2999-01-01'], { expectCode: 1 });
      await run(['expose', 'short'], { expectCode: 0 });
      await run(['due'], { expectCode: 3 });
      await run(['due', '--json', '--within', '60'], { expectCode: 3 });
      await run(['unexpose', 'short'], { expectCode: 0 });

      // export, import, run
      await run(['export', '--project', 'web'], { expectCode: 0 });
      await run(['export', '--project', 'web', '--format', 'shell'], { expectCode: 0 });
      await run(['export', '--format', 'json'], { expectCode: 0 });
      await run(['export', '--project', 'web', '-o', join(v.work, 'web.env')], { expectCode: 0 });
      await run(['export', '--project', 'web', '-o', join(v.work, 'web.env')], { expectCode: 1 });
      await run(['export', '--project', 'cr'], { expectCode: 1 });
      await run(['export', '--project', 'cr', '-o', join(v.work, 'cr.env')], { expectCode: 1 });
      const envFile = join(v.work, 'import.env');
      writeFileSync(envFile, `IMPORTED_TOKEN=${values.imported}\nDATABASE_URL="${values.importedUrl}"\n`);
      await run(['import', envFile, '--project', 'imp', '--dry-run'], { expectCode: 0 });
      await run(['import', envFile, '--project', 'imp'], { expectCode: 0 });
      const clashFile = join(v.work, 'clash.env');
      writeFileSync(clashFile, `FRESH=${values.clashImport}\nIMPORTED_TOKEN=${values.clashImport}x\n`);
      await run(['import', clashFile, '--project', 'imp'], { expectCode: 1 });
      const check = "process.exit(['GITHUB_TOKEN','STRIPE_SECRET_KEY'].every((n) => (process.env[n] ?? '').length > 20) ? 0 : 9)";
      await run(['run', '--project', 'web', '--', process.execPath, '-e', check], { expectCode: 0 });
      await run(['run', '--all', '--', process.execPath, '-e', 'process.exit(0)'], { expectCode: 0 });
      await run(['run', '--all', '--', 'rekey-no-such-command'], { expectCode: 1 });
      await run(['rm', 'odd'], { expectCode: 0 });
      await run(['get', 'odd'], { expectCode: 1 });

      // the leak scan finds planted values and reports them masked, in every output format
      const leaks = join(v.work, 'leaks');
      mkdirSync(leaks);
      const planted = [
        values.github,
        values.githubRotated,
        values.stripe,
        values.stripeRotated,
        values.aws,
        values.pem,
        values.unicode,
        values.importedUrl,
      ];
      writeFileSync(join(leaks, 'config.txt'), planted.map((value) => `KEY=${value}`).join('\n'));
      await Promise.all([
        run(['scan', leaks], { expectCode: 4 }),
        run(['scan', leaks, '--json'], { expectCode: 4 }),
        run(['scan', leaks, '--sarif'], { expectCode: 4 }),
      ]);

      // the log
      await Promise.all([
        run(['audit'], { expectCode: 0 }),
        run(['audit', '--json'], { expectCode: 0 }),
        run(['audit', 'verify'], { expectCode: 0 }),
        run(['audit', 'verify', '--json'], { expectCode: 0 }),
        run(['help'], { expectCode: 0 }),
      ]);

      for (const path of filesUnder(v.home)) liveFiles.push({ path, bytes: readFileSync(path) });
    } finally {
      holder.close();
    }
  }, 60_000);

  afterAll(async () => {
    await v.cleanup();
  });

  it('stored what it was given (so the checks below look at real data)', async () => {
    // rotated to githubRotated, then again to the same value, then that last rotation undone
    expect((await v.ok(['get', 'gh'])).out).toBe(values.githubRotated);
    expect((await v.ok(['get', 'gh-copy'])).out).toBe(values.github);
    expect((await v.ok(['get', 'pem'])).out).toBe(values.pem);
    expect((await v.ok(['get', 'short'])).out).toBe(values.short);
    expect((await v.ok(['get', 'imp/DATABASE_URL'])).out).toBe(values.importedUrl);
    expect(liveFiles.map((file) => file.path.slice(v.home.length))).toEqual(
      expect.arrayContaining(['/vault.db', '/vault.db-wal', '/vault.db-shm']),
    );
    expect(liveFiles.find((file) => file.path.endsWith('-wal'))?.bytes.length).toBeGreaterThan(0);
  });

  it('the search would find a leak (self-check)', () => {
    expect(plaintexts.find(`x${values.github.slice(3, 15)}y`)).toContain('github');
    expect(plaintexts.find(`..${values.short}..`)).toContain('short');
    expect(plaintexts.find(Buffer.from(values.pem).toString('base64'))).toContain('pem (base64)');
    expect(plaintexts.find(Buffer.from(values.unicode.slice(1)).toString('base64'))).toContain('unicode (base64)');
    expect(plaintexts.find(Buffer.from(values.pem.slice(30, 60)))).toContain('pem');
    expect(plaintexts.find(`ghp_${'•'.repeat(8)}${values.github.slice(-4)}`)).toEqual([]);
  });

  it('no file in REKEY_HOME holds a value, while in use (WAL included) or after', () => {
    const now = filesUnder(v.home).map((path) => ({ path, bytes: readFileSync(path) }));
    expect(now.length).toBeGreaterThan(0);
    for (const file of [...liveFiles, ...now]) expect(plaintexts.find(file.bytes), file.path).toEqual([]);
  });

  it('no audit row holds a value', () => {
    const db = new Database(v.dbPath, { readonly: true });
    try {
      const rows = db.prepare('SELECT seq, at, action, secret_id, detail_json, prev_mac, mac FROM audit_events').all() as Array<
        Record<string, unknown>
      >;
      expect(rows.length).toBeGreaterThan(40);
      for (const row of rows) {
        const text = Object.values(row)
          .map((cell) => (Buffer.isBuffer(cell) ? cell.toString('latin1') : String(cell)))
          .join('|');
        expect(plaintexts.find(text), `audit entry ${String(row['seq'])}`).toEqual([]);
      }
      const otherText = db
        .prepare(
          'SELECT name || env_var || provider || project || notes AS t FROM secrets UNION ALL SELECT masked FROM secret_versions UNION ALL SELECT value FROM meta',
        )
        .all() as Array<{ t: string }>;
      for (const { t } of otherText) expect(plaintexts.find(t)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('the keychain holds exactly one item for the service: the 32-byte vault key', async () => {
    const items = await keytar.findCredentials(v.service);
    expect(items.map((item) => item.account)).toEqual([`vault-key:${v.vaultId()}`]);
    const password = items[0]?.password ?? '';
    const key = Buffer.from(password, 'base64');
    expect(key).toHaveLength(32);
    expect(key.toString('base64')).toBe(password);
    expect(plaintexts.find(password)).toEqual([]);
  });

  it('no command prints a value on stderr, error cases included', () => {
    expect(v.runs.length).toBeGreaterThan(60);
    for (const { args, result } of v.runs) expect(plaintexts.find(result.stderr), `stderr of rekey ${args.join(' ')}`).toEqual([]);
  });

  it('no command other than get, run and export prints a value on stdout', () => {
    const checked = v.runs.filter(({ args }) => !mayPrintValues(args));
    expect(checked.length).toBeGreaterThan(50);
    for (const { args, result } of checked) expect(plaintexts.find(result.stdout), `stdout of rekey ${args.join(' ')}`).toEqual([]);
  });

  it('a value typed on the command line by mistake is refused without being echoed to stderr', async () => {
    // the terminal scrollback and CI logs are where stderr ends up
    const typed = `ghp_${randomToken(ALNUM, 36)}`;
    const mistakes = new Plaintexts();
    mistakes.add('typed', typed);
    for (const args of [
      ['add', 'typed', typed],
      ['rotate', 'gh', typed],
    ]) {
      const result = await runRekey(args, { env: v.env, stdin: '' });
      expect(result.code, result.stderr).toBe(2);
      expect(mistakes.find(result.stderr), `stderr of rekey ${args[0]} NAME VALUE`).toEqual([]);
      expect(mistakes.find(result.stdout)).toEqual([]);
    }
  });
});
