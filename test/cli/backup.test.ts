import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, expectUsageError } from '../support/cli-runner.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

requirePrivateKeyring();

const PASSPHRASE = 'correct horse battery staple';
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('rekey backup and rekey restore', () => {
  let source: CliVault;
  const values = { gh: sampleKeys.github(), stripe: sampleKeys.stripe(), rotated: sampleKeys.generic() };
  let backupFile: string;

  beforeAll(async () => {
    source = await createCliVault();
    await source.ok(['add', 'gh', '--project', 'api', '--notes', 'ci token'], { stdin: `${values.gh}\n` });
    await source.ok(['add', 'stripe'], { stdin: `${values.stripe}\n` });
    await source.ok(['rotate', 'stripe'], { stdin: `${values.rotated}\n` });
    await source.ok(['expose', 'gh']);
    backupFile = join(source.work, 'vault.rekey-backup');
    const made = await source.ok(['backup', '-o', backupFile, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
    expect(made.out).toMatch(/2 secrets, 3 stored versions, \d+ audit entries/);
  });
  afterAll(async () => {
    await source.cleanup();
  });

  it('writes a 0600 file that holds no value, name or note in the clear', () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(backupFile);
    for (const needle of [...Object.values(values), 'ci token', 'stripe', 'vault-key']) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });

  it('restores everything into an empty folder with an empty keychain (a new machine)', async () => {
    const target = await createCliVault({ init: false });
    try {
      const restored = await target.ok(['restore', backupFile, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
      expect(restored.out).toMatch(/Restored 2 secrets \(3 stored versions\)/);
      expect((await target.ok(['get', 'gh'])).out).toBe(values.gh);
      expect((await target.ok(['get', 'stripe'])).out).toBe(values.rotated);
      const shown = JSON.parse((await target.ok(['show', 'gh', '--json'])).out) as { notes: string; project: string; status: string };
      expect(shown).toMatchObject({ notes: 'ci token', project: 'api', status: 'exposed' });
      const history = JSON.parse((await target.ok(['history', 'stripe', '--json'])).out) as { versions: unknown[] };
      expect(history.versions).toHaveLength(2);
      expect((await target.ok(['undo-rotate', 'stripe'])).code).toBe(0);
      expect((await target.ok(['get', 'stripe'])).out).toBe(values.stripe);
      const actions = (JSON.parse((await target.ok(['audit', '--json'])).out) as Array<{ action: string }>).map((event) => event.action);
      expect(actions.slice(0, 3)).toEqual(['vault.init', 'secret.add', 'secret.add']);
      expect(actions).toContain('vault.backup');
      expect(actions).toContain('vault.restore');
      expect((await target.ok(['audit', 'verify'])).out).toMatch(/chain intact[\s\S]*all decrypt/);
      expect(statSync(target.dbPath).mode & 0o777).toBe(0o600);
    } finally {
      await target.cleanup();
    }
  });

  it('refuses a wrong passphrase without touching the current vault or its keychain item', async () => {
    const before = sha256(source.dbPath);
    const keyBefore = await realKeyStore(source.service).get(`vault-key:${source.vaultId()}`);
    const result = await source.run(['restore', backupFile, '--replace', '--passphrase-stdin'], { stdin: 'not the passphrase\n' });
    expect(expectCleanError(result)).toMatch(/passphrase does not open this backup\. Nothing was changed/);
    expect(sha256(source.dbPath)).toBe(before);
    expect(await realKeyStore(source.service).get(`vault-key:${source.vaultId()}`)).toBe(keyBefore);
    expect(readdirSync(source.home).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('refuses a damaged or cut-short file and creates nothing', async () => {
    const target = await createCliVault({ init: false });
    try {
      const original = readFileSync(backupFile);
      const flipped = Buffer.from(original);
      const at = original.length - 40;
      flipped[at] = (flipped[at] as number) ^ 0x01;
      const damaged = join(target.work, 'damaged');
      writeFileSync(damaged, flipped);
      const cut = join(target.work, 'cut');
      writeFileSync(cut, original.subarray(0, original.length - 100));
      const notOne = join(target.work, 'not-a-backup');
      writeFileSync(notOne, 'OPENAI_API_KEY=sk-xyz\n');
      for (const file of [damaged, cut]) {
        const result = await target.run(['restore', file, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
        expect(expectCleanError(result)).toMatch(/changed or damaged after it was written/);
      }
      const result = await target.run(['restore', notOne, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
      expect(expectCleanError(result)).toMatch(/not a usable Rekey backup: it does not start with a Rekey backup header/);
      expect(existsSync(target.home)).toBe(false);
    } finally {
      await target.cleanup();
    }
  });

  it('replaces a vault only when asked, and keeps the replaced one beside it', async () => {
    const target = await createCliVault();
    try {
      await target.ok(['add', 'local-only'], { stdin: 'local-only-value-123456\n' });
      const refused = await target.run(['restore', backupFile, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
      expect(expectCleanError(refused)).toMatch(/A vault already exists .*nothing was changed/);
      await target.ok(['restore', backupFile, '--replace', '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
      expect((await target.ok(['get', 'gh'])).out).toBe(values.gh);
      const kept = readdirSync(target.home).filter((name) => name.startsWith('vault.db.before-restore-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(target.home, kept[0] as string)).includes(Buffer.from('local-only'))).toBe(true);
    } finally {
      await target.cleanup();
    }
  });

  it('refuses a short passphrase, a missing -o, and a missing terminal, writing nothing', async () => {
    const file = join(source.work, 'short');
    expect(expectCleanError(await source.run(['backup', '-o', file, '--passphrase-stdin'], { stdin: 'short\n' }))).toMatch(
      /at least 10 characters/,
    );
    expect(existsSync(file)).toBe(false);
    expectUsageError(await source.run(['backup', '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` }));
    const noTty = await source.run(['backup', '-o', file]);
    expectUsageError(noTty);
    expect(noTty.stderr).toMatch(/--passphrase-stdin/);
    expect(existsSync(file)).toBe(false);
    const exists = await source.run(['backup', '-o', backupFile, '--passphrase-stdin'], { stdin: `${PASSPHRASE}\n` });
    expect(expectCleanError(exists)).toMatch(/already exists; nothing was written/);
  });
});
