import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, type RekeyResult, createCliVault, expectCleanError, expectNoStackTrace } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { tamperWith } from '../support/tamper.js';
import { sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface AuditEventJson {
  seq: number;
  at: string;
  action: string;
  secretId: string | null;
  detail: Record<string, unknown>;
}

interface VerifyJson {
  auditChain: { ok: boolean; entries: number; firstBrokenSeq?: number };
  values: { checked: number; broken: Array<{ name: string; version: number }> };
}

function verifyReport(result: RekeyResult): string {
  expectNoStackTrace(result);
  return `${result.out}\n${result.stderr}`;
}

describe('audit', () => {
  let v: CliVault;
  const values = [sampleKeys.github(), sampleKeys.stripe(), sampleKeys.generic(), sampleKeys.generic()];

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'a', '--project', 'p', '--env', 'A'], { stdin: `${values[0]}\n` });
    await v.ok(['add', 'b', '--project', 'p', '--env', 'B'], { stdin: `${values[1]}\n` });
    await v.ok(['get', 'a']);
    await v.ok(['export', '--project', 'p', '--format', 'json']);
    await v.ok(['rotate', 'b'], { stdin: `${values[2]}\n` });
    await v.ok(['edit', 'a', '--notes', 'ci only']);
    await v.ok(['expose', 'a']);
    await v.ok(['add', 'c'], { stdin: `${values[3]}\n` });
    await v.ok(['rm', 'c']);
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('lists every change and every disclosure, in order, without any value', async () => {
    const table = await v.ok(['audit']);
    const json = await v.ok(['audit', '--json']);
    const events = JSON.parse(json.out) as AuditEventJson[];
    expect(events.map((event) => event.action)).toEqual([
      'vault.init',
      'secret.add',
      'secret.add',
      'secret.reveal',
      'secret.export',
      'secret.export',
      'secret.rotate',
      'secret.edit',
      'secret.expose',
      'secret.add',
      'secret.delete',
    ]);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    for (const event of events) expect(event.at).toMatch(ISO);
    expect(events[0]?.detail['vaultId']).toBe(v.vaultId());
    for (const action of [
      'vault.init',
      'secret.add',
      'secret.reveal',
      'secret.export',
      'secret.rotate',
      'secret.edit',
      'secret.expose',
      'secret.delete',
    ]) {
      expect(table.out).toContain(action);
    }
    for (const value of values) {
      for (const text of [table.out, json.out, table.stderr, json.stderr]) {
        expect(text).not.toContain(value);
        expect(text).not.toContain(value.slice(8, 20));
      }
    }
  });

  it('audit verify passes on an untouched vault', async () => {
    const result = await v.ok(['audit', 'verify']);
    expect(result.out).toMatch(/intact/);
    const json = JSON.parse((await v.ok(['audit', 'verify', '--json'])).out) as VerifyJson;
    expect(json.auditChain).toMatchObject({ ok: true, entries: 11 });
    expect(json.values.broken).toEqual([]);
  });
});

describe('audit verify on a tampered audit log', () => {
  let v: CliVault;
  let original = '';

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'one'], { stdin: `${sampleKeys.generic()}\n` });
    await v.ok(['add', 'two', '--project', 'real'], { stdin: `${sampleKeys.generic()}\n` });
    await v.ok(['add', 'three'], { stdin: `${sampleKeys.generic()}\n` });
    await v.ok(['audit', 'verify']);
  });
  afterAll(async () => {
    await v.cleanup();
  });

  // the guard triggers are put back afterwards, or the schema check would refuse the file first
  function tamper(sql: (db: Database.Database) => void): void {
    tamperWith(v.dbPath, sql);
  }

  it('an altered entry fails verify with exit 1, naming the entry', async () => {
    tamper((db) => {
      original = (db.prepare('SELECT detail_json FROM audit_events WHERE seq = 3').get() as { detail_json: string }).detail_json;
      expect(JSON.parse(original)).toMatchObject({ name: 'two', project: 'real' });
      db.prepare('UPDATE audit_events SET detail_json = ? WHERE seq = 3').run(original.replace('"real"', '"forged"'));
    });
    const result = await v.run(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(verifyReport(result)).toMatch(/entry\D{0,3}3\b/i);
    const json = await v.run(['audit', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as VerifyJson).auditChain).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('putting the entry back makes it verify again', async () => {
    tamper((db) => db.prepare('UPDATE audit_events SET detail_json = ? WHERE seq = 3').run(original));
    expect((await v.run(['audit', 'verify'])).code).toBe(0);
  });

  it('a deleted entry, even the newest, fails verify with exit 1', async () => {
    const events = JSON.parse((await v.ok(['audit', '--json'])).out) as AuditEventJson[];
    const newest = events.at(-1)?.seq ?? 0;
    expect(newest).toBeGreaterThan(2);
    tamper((db) => db.prepare('DELETE FROM audit_events WHERE seq = ?').run(newest));
    const result = await v.run(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(verifyReport(result)).toMatch(new RegExp(`entr(y|ies)\\D{0,3}${newest}\\b`, 'i'));
  });
});

describe('audit verify on a tampered ciphertext', () => {
  let v: CliVault;
  const bystander = sampleKeys.generic();
  const rotatedCurrent = sampleKeys.generic();

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'victim', '--project', 'p', '--env', 'VICTIM'], { stdin: `${sampleKeys.github()}\n` });
    await v.ok(['add', 'bystander', '--project', 'p', '--env', 'BYSTANDER'], { stdin: `${bystander}\n` });
    await v.ok(['add', 'rotated', '--project', 'q'], { stdin: `${sampleKeys.generic()}\n` });
    await v.ok(['rotate', 'rotated'], { stdin: `${rotatedCurrent}\n` });
    const db = new Database(v.dbPath);
    try {
      const flip = (name: string, version: number) => {
        const row = db
          .prepare(
            'SELECT v.secret_id, v.ciphertext FROM secret_versions v JOIN secrets s ON s.id = v.secret_id WHERE s.name = ? AND v.version = ?',
          )
          .get(name, version) as { secret_id: string; ciphertext: Buffer };
        const flipped = Buffer.from(row.ciphertext);
        const at = Math.floor(flipped.length / 2);
        flipped[at] = (flipped[at] ?? 0) ^ 0x20;
        db.prepare('UPDATE secret_versions SET ciphertext = ? WHERE secret_id = ? AND version = ?').run(flipped, row.secret_id, version);
      };
      flip('victim', 1);
      flip('rotated', 1); // the previous version, kept for undo
    } finally {
      db.close();
    }
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('verify exits 1 naming the broken secret, and only that one', async () => {
    const result = await v.run(['audit', 'verify']);
    expect(result.code).toBe(1);
    const report = verifyReport(result);
    expect(report).toContain('victim');
    expect(report).toContain('rotated');
    expect(report).not.toContain('bystander');
    const json = JSON.parse((await v.run(['audit', 'verify', '--json'])).out) as VerifyJson;
    expect(json.auditChain.ok).toBe(true);
    expect(json.values.broken).toEqual(
      expect.arrayContaining([
        { name: 'victim', version: 1 },
        { name: 'rotated', version: 1 },
      ]),
    );
    expect(json.values.broken).toHaveLength(2);
  });

  it('a broken previous version does not stop get of the current one', async () => {
    expect((await v.ok(['get', 'rotated'])).out).toBe(rotatedCurrent);
  });

  it('undo-rotate onto a broken previous version is refused and keeps the good current value', async () => {
    // undoing deletes the current version: doing that for a value that cannot be decrypted loses the only good key
    const line = expectCleanError(await v.run(['undo-rotate', 'rotated']));
    expect(line).toMatch(/integrity/i);
    expect(line).toContain('rotated');
    expect((await v.ok(['get', 'rotated'])).out).toBe(rotatedCurrent);
  });

  it('get of another secret still works', async () => {
    const result = await v.ok(['get', 'bystander']);
    expect(result.out).toBe(bystander);
  });

  it('get of the tampered secret fails with one clear integrity line, exit 1', async () => {
    const line = expectCleanError(await v.run(['get', 'victim']));
    expect(line).toContain('victim');
    expect(line).toMatch(/integrity/i);
  });

  it('an export that includes it fails and prints no value', async () => {
    const line = expectCleanError(await v.run(['export', '--project', 'p']));
    expect(line).toContain('victim');
  });
});

describe('two rekey processes at once', () => {
  let v: CliVault;
  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'seed'], { stdin: `${sampleKeys.generic()}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('concurrent adds and reads all succeed and leave an intact audit chain', async () => {
    const added = Array.from({ length: 5 }, () => sampleKeys.generic());
    const results = await Promise.all([
      ...added.map((value, index) => v.run(['add', `k${index}`], { stdin: `${value}\n` })),
      v.run(['get', 'seed']),
      v.run(['get', 'seed']),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    for (const [index, value] of added.entries()) expect((await v.ok(['get', `k${index}`])).out).toBe(value);
    const verify = JSON.parse((await v.ok(['audit', 'verify', '--json'])).out) as VerifyJson;
    expect(verify.auditChain).toMatchObject({ ok: true, entries: 1 + 1 + 5 + 2 + 5 });
  });
});
