import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type KeyStore,
  UNDO_GRACE_DAYS,
  Vault,
  applyImport,
  dotenv,
  environmentFor,
  exportSecrets,
  planImport,
  vaultDatabasePath,
  vaultKeyAccount,
} from '../../electron/core/index.js';
import { expectRekeyError, expectRekeyRejection } from './rekey-errors.js';
import { type TempVault, createTempVault } from './temp-vault.js';
import { sampleKeys } from './sample-keys.js';

/**
 * What the vault promises, independent of where its key lives. Run once with the in-memory
 * keychain (unit) and once with the real OS keychain (integration).
 */
export function describeVaultBehaviour(label: string, makeKeyStore: () => KeyStore): void {
  describe(`vault (${label})`, () => {
    let t: TempVault;
    let keyStore: KeyStore;

    beforeEach(async () => {
      keyStore = makeKeyStore();
      t = await createTempVault(keyStore);
    });

    afterEach(async () => {
      await keyStore.delete(vaultKeyAccount(t.vault.vaultId));
      t.dispose();
    });

    it('stores a value and gives back exactly the same one after reopening', async () => {
      const value = sampleKeys.github();
      t.vault.add({ name: 'gh', project: 'web' }, value);
      const again = await t.reopen();
      expect(again.reveal('gh', 'reveal')).toBe(value);
    });

    it('keeps exactly one item in the keychain: the vault key', async () => {
      const account = vaultKeyAccount(t.vault.vaultId);
      const stored = await keyStore.get(account);
      expect(stored).not.toBeNull();
      expect(Buffer.from(stored as string, 'base64')).toHaveLength(32);
    });

    it('detects the provider, suggests its env var and masks the value', () => {
      const value = sampleKeys.github();
      const { secret } = t.vault.add({ name: 'gh' }, value);
      expect(secret.provider).toBe('github-classic');
      expect(secret.envVar).toBe('GITHUB_TOKEN');
      expect(secret.masked.startsWith('ghp_')).toBe(true);
      expect(secret.masked.endsWith(value.slice(-4))).toBe(true);
      expect(secret.masked).not.toContain(value.slice(4, -4));
    });

    it('warns, but stores, a value that looks wrong for its declared provider', () => {
      const { secret, warnings } = t.vault.add({ name: 'odd', provider: 'stripe-secret' }, 'not-a-stripe-key-at-all-1234');
      expect(secret.provider).toBe('stripe-secret');
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.join(' ')).not.toContain('not-a-stripe-key-at-all-1234');
    });

    it('refuses a second secret with the same name and leaves the first intact', () => {
      t.vault.add({ name: 'dup' }, sampleKeys.generic());
      expectRekeyError(() => t.vault.add({ name: 'dup' }, sampleKeys.generic()), 'already-exists');
      expect(t.vault.list()).toHaveLength(1);
    });

    it('refuses bad input with specific errors that never quote the value', () => {
      const huge = 'x'.repeat(64 * 1024 + 1);
      const cases: Array<[() => unknown, string]> = [
        [() => t.vault.add({ name: '' }, 'value-1234567890'), 'name'],
        [() => t.vault.add({ name: '-dash' }, 'value-1234567890'), 'name'],
        [() => t.vault.add({ name: 'ok', envVar: '1BAD' }, 'value-1234567890'), 'env var'],
        [() => t.vault.add({ name: 'ok', rotateEveryDays: 0 }, 'value-1234567890'), 'rotation interval'],
        [() => t.vault.add({ name: 'ok' }, ''), 'empty'],
        [() => t.vault.add({ name: 'ok' }, 'has\0nul-byte-inside'), 'NUL'],
        [() => t.vault.add({ name: 'ok' }, huge), '64 KiB'],
        [() => t.vault.add({ name: 'ok', rotatedAt: new Date('2999-01-01') }, 'value-1234567890'), 'future'],
      ];
      for (const [attempt, mentions] of cases) {
        const { message } = expectRekeyError(attempt);
        expect(message).toContain(mentions);
        expect(message).not.toContain('value-1234567890');
      }
      expect(t.vault.list()).toHaveLength(0);
    });

    it('rotates: a new version, the previous kept, rotatedAt moves to now', () => {
      const first = sampleKeys.generic();
      const second = sampleKeys.generic();
      t.vault.add({ name: 'k', rotatedAt: new Date('2026-01-01') }, first);
      t.clock.set('2026-06-10T00:00:00Z');
      const { secret } = t.vault.rotate('k', second);
      expect(secret.version).toBe(2);
      expect(secret.rotatedAt).toBe('2026-06-10T00:00:00.000Z');
      expect(t.vault.reveal('k', 'reveal')).toBe(second);
      const history = t.vault.history('k');
      expect(history.map((v) => [v.version, v.current])).toEqual([
        [2, true],
        [1, false],
      ]);
      expect(history[1]?.retiredAt).toBe('2026-06-10T00:00:00.000Z');
    });

    it('undoes the last rotation within the grace period, restoring value and rotation date', () => {
      const first = sampleKeys.generic();
      t.vault.add({ name: 'k', rotatedAt: new Date('2026-05-01T00:00:00Z') }, first);
      t.vault.rotate('k', sampleKeys.generic());
      t.clock.advanceDays(UNDO_GRACE_DAYS - 1);
      const restored = t.vault.undoRotate('k');
      expect(restored.version).toBe(1);
      expect(restored.rotatedAt).toBe('2026-05-01T00:00:00.000Z');
      expect(t.vault.reveal('k', 'reveal')).toBe(first);
      expect(t.vault.history('k')).toHaveLength(1);
    });

    it('refuses to undo after the grace period, or when never rotated', () => {
      t.vault.add({ name: 'k' }, sampleKeys.generic());
      expectRekeyError(() => t.vault.undoRotate('k'), 'nothing-to-undo');
      t.vault.rotate('k', sampleKeys.generic());
      t.clock.advanceDays(UNDO_GRACE_DAYS);
      expectRekeyError(() => t.vault.undoRotate('k'), 'grace-period-over');
      expect(t.vault.show('k').version).toBe(2);
    });

    it('computes due dates and statuses from the clock', () => {
      t.clock.set('2026-06-01T12:00:00Z');
      t.vault.add({ name: 'fresh', rotateEveryDays: 90 }, sampleKeys.generic());
      t.vault.add({ name: 'soon', rotateEveryDays: 90, rotatedAt: new Date('2026-03-10T12:00:00Z') }, sampleKeys.generic());
      t.vault.add({ name: 'late', rotateEveryDays: 30, rotatedAt: new Date('2026-01-01T12:00:00Z') }, sampleKeys.generic());
      t.vault.add({ name: 'leaked' }, sampleKeys.generic());
      t.vault.markExposed('leaked');
      const status = Object.fromEntries(t.vault.list().map((s) => [s.name, s.status]));
      expect(status).toEqual({ fresh: 'ok', soon: 'due-soon', late: 'overdue', leaked: 'exposed' });
      expect(t.vault.show('soon').dueAt).toBe('2026-06-08T12:00:00.000Z');
      expect(t.vault.list().map((s) => s.name)).toEqual(['leaked', 'late', 'soon', 'fresh']);
      expect(t.vault.list({ status: 'overdue' }).map((s) => s.name)).toEqual(['late']);
      // a limit keeps the most urgent, in the same order: the window's first screen
      expect(t.vault.list({ limit: 2 }).map((s) => s.name)).toEqual(['leaked', 'late']);
      t.vault.clearExposed('leaked');
      expect(t.vault.show('leaked').status).toBe('ok');
    });

    it('a rotation clears the exposed mark', () => {
      t.vault.add({ name: 'k' }, sampleKeys.generic());
      t.vault.markExposed('k');
      t.vault.rotate('k', sampleKeys.generic());
      expect(t.vault.show('k').status).toBe('ok');
    });

    it('edits metadata: rename, env var, project, interval, notes, rotated-at', () => {
      t.vault.add({ name: 'old' }, sampleKeys.generic());
      const edited = t.vault.edit('old', {
        name: 'new',
        envVar: 'MY_KEY',
        project: 'api',
        rotateEveryDays: 30,
        notes: 'ci only',
        rotatedAt: new Date('2026-05-01T00:00:00Z'),
      });
      expect(edited).toMatchObject({ name: 'new', envVar: 'MY_KEY', project: 'api', rotateEveryDays: 30, notes: 'ci only' });
      expect(edited.dueAt).toBe('2026-05-31T00:00:00.000Z');
      expectRekeyError(() => t.vault.show('old'), 'not-found');
      t.vault.add({ name: 'other' }, sampleKeys.generic());
      expectRekeyError(() => t.vault.edit('other', { name: 'new' }), 'already-exists');
      expectRekeyError(() => t.vault.edit('other', {}), 'invalid-input');
    });

    it('deletes a secret with all its versions', () => {
      t.vault.add({ name: 'k' }, sampleKeys.generic());
      t.vault.rotate('k', sampleKeys.generic());
      t.vault.remove('k');
      expect(t.vault.list()).toHaveLength(0);
      const db = new Database(vaultDatabasePath(t.home), { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM secret_versions').get()).toEqual({ n: 0 });
      db.close();
    });

    it('records every change and disclosure in a verifiable audit log without values', () => {
      const value = sampleKeys.stripe();
      t.vault.add({ name: 'k', project: 'p' }, value);
      t.vault.reveal('k', 'reveal');
      t.vault.reveal('k', 'copy');
      t.vault.rotate('k', sampleKeys.stripe());
      t.vault.edit('k', { notes: 'n' });
      t.vault.markExposed('k');
      exportSecrets(t.vault, { project: 'p' }, 'dotenv', 'stdout');
      environmentFor(t.vault, { project: 'p' }, 'node');
      t.vault.remove('k');
      const actions = t.vault.auditEvents().map((event) => event.action);
      expect(actions).toEqual([
        'vault.init',
        'secret.add',
        'secret.reveal',
        'secret.copy',
        'secret.rotate',
        'secret.edit',
        'secret.expose',
        'secret.export',
        'secret.run',
        'secret.delete',
      ]);
      expect(JSON.stringify(t.vault.auditEvents())).not.toContain(value.slice(8));
      expect(t.vault.verifyAudit()).toEqual({ ok: true, entries: 10 });
    });

    it('does not audit an export the format refused, and writes nothing for it', () => {
      // a CR rules out single quotes and a `$` rules out double quotes: no portable dotenv form
      t.vault.add({ name: 'cr', project: 'p', envVar: 'CR' }, 'line-one\r$line-two-abcdef');
      const before = t.vault.auditEvents().length;
      expectRekeyError(() => exportSecrets(t.vault, { project: 'p' }, 'dotenv', 'stdout'), 'format-cannot-carry');
      expect(t.vault.auditEvents()).toHaveLength(before);
      expect(exportSecrets(t.vault, { project: 'p' }, 'shell', 'stdout').text).toContain("'line-one\r$line-two-abcdef'");
    });

    it('exports a project so that dotenv reads back the same values', () => {
      const values = { OPENAI_API_KEY: sampleKeys.generic(), GITHUB_TOKEN: sampleKeys.github() };
      t.vault.add({ name: 'a', project: 'web', envVar: 'OPENAI_API_KEY' }, values.OPENAI_API_KEY);
      t.vault.add({ name: 'b', project: 'web' }, values.GITHUB_TOKEN);
      t.vault.add({ name: 'c', project: 'other' }, sampleKeys.generic());
      const { text, names } = exportSecrets(t.vault, { project: 'web' }, 'dotenv', 'stdout');
      expect(names).toEqual(['b', 'a']);
      const parsed = dotenv.parseEnvFile(Buffer.from(text), 'export');
      expect(Object.fromEntries(parsed.entries.map((e) => [e.envVar, e.value]))).toEqual(values);
    });

    it('refuses to run with two secrets on the same env var', () => {
      t.vault.add({ name: 'a', envVar: 'TOKEN' }, sampleKeys.generic());
      t.vault.add({ name: 'b', envVar: 'TOKEN' }, sampleKeys.generic());
      expectRekeyError(() => environmentFor(t.vault, {}, 'node'), 'invalid-input');
    });

    it('imports a .env file all or nothing, after a preview that stores nothing', () => {
      const file = Buffer.from(`OPENAI_API_KEY=${sampleKeys.generic()}\nGITHUB_TOKEN="${sampleKeys.github()}"\n`);
      const plan = planImport(t.vault, dotenv.parseEnvFile(file, '.env'), '.env', 'api');
      expect(plan.rows.map((row) => row.name)).toEqual(['api/OPENAI_API_KEY', 'api/GITHUB_TOKEN']);
      expect(plan.rows[1]?.provider).toBe('github-classic');
      expect(t.vault.list()).toHaveLength(0);
      applyImport(t.vault, plan);
      expect(t.vault.list({ project: 'api' })).toHaveLength(2);

      const again = planImport(t.vault, dotenv.parseEnvFile(file, '.env'), '.env', 'api');
      expect(again.importable).toBe(false);
      expect(again.rows[0]?.sameValueAs).toEqual(['api/OPENAI_API_KEY']);
      expectRekeyError(() => applyImport(t.vault, again), 'already-exists');
      expect(t.vault.list()).toHaveLength(2);
    });

    it('rolls back the whole batch when one item of it is bad', () => {
      expectRekeyError(
        () =>
          t.vault.addMany([
            { input: { name: 'good' }, value: sampleKeys.generic() },
            { input: { name: 'good' }, value: sampleKeys.generic() },
          ]),
        'already-exists',
      );
      t.vault.add({ name: 'taken' }, sampleKeys.generic());
      expectRekeyError(
        () =>
          t.vault.addMany([
            { input: { name: 'fine' }, value: sampleKeys.generic() },
            { input: { name: 'taken' }, value: sampleKeys.generic() },
          ]),
        'already-exists',
      );
      expect(t.vault.list().map((s) => s.name)).toEqual(['taken']);
    });

    it('detects a tampered ciphertext, and a ciphertext moved to another row, per secret', () => {
      t.vault.add({ name: 'a' }, sampleKeys.generic());
      t.vault.add({ name: 'b' }, sampleKeys.generic());
      t.vault.add({ name: 'c' }, sampleKeys.generic());
      const db = new Database(vaultDatabasePath(t.home));
      const rows = db
        .prepare('SELECT s.name, v.secret_id, v.ciphertext, v.nonce, v.tag FROM secret_versions v JOIN secrets s ON s.id = v.secret_id')
        .all() as Array<{
        name: string;
        secret_id: string;
        ciphertext: Buffer;
        nonce: Buffer;
        tag: Buffer;
      }>;
      const row = (name: string) => {
        const found = rows.find((candidate) => candidate.name === name);
        if (!found) throw new Error(`no row for ${name}`);
        return found;
      };
      const [a, b, c] = [row('a'), row('b'), row('c')];
      const flipped = Buffer.from(a.ciphertext);
      flipped[0] = (flipped[0] ?? 0) ^ 0x01;
      db.prepare('UPDATE secret_versions SET ciphertext = ? WHERE secret_id = ?').run(flipped, a.secret_id);
      // b gets c's sealed value: authentic bytes, wrong row
      db.prepare('UPDATE secret_versions SET ciphertext = ?, nonce = ?, tag = ? WHERE secret_id = ?').run(
        c.ciphertext,
        c.nonce,
        c.tag,
        b.secret_id,
      );
      db.close();

      expectRekeyError(() => t.vault.reveal('a', 'reveal'), 'integrity');
      expectRekeyError(() => t.vault.reveal('b', 'reveal'), 'integrity');
      expect(t.vault.reveal('c', 'reveal')).toBeTypeOf('string');
      expect(
        t.vault
          .verifyValues()
          .broken.map((hit) => hit.name)
          .sort(),
      ).toEqual(['a', 'b']);
    });

    it('reports the missing or wrong vault key plainly, leaving the vault file untouched', async () => {
      const account = vaultKeyAccount(t.vault.vaultId);
      const original = (await keyStore.get(account)) as string;
      t.vault.close();
      await keyStore.set(account, Buffer.alloc(32, 7).toString('base64'));
      await expectRekeyRejection(() => Vault.open({ home: t.home, keyStore }), 'wrong-vault-key');
      await keyStore.delete(account);
      await expectRekeyRejection(() => Vault.open({ home: t.home, keyStore }), 'keychain-key-missing');
      await keyStore.set(account, original);
      const reopened = await t.reopen();
      expect(reopened.verifyAudit().ok).toBe(true);
    });

    it('refuses to undo onto a previous value that fails its integrity check, keeping the current one', () => {
      const current = sampleKeys.generic();
      t.vault.add({ name: 'k' }, sampleKeys.generic());
      t.vault.rotate('k', current);
      const db = new Database(vaultDatabasePath(t.home));
      db.prepare('UPDATE secret_versions SET tag = zeroblob(16) WHERE version = 1').run();
      db.close();
      expectRekeyError(() => t.vault.undoRotate('k'), 'integrity');
      expect(t.vault.reveal('k', 'reveal')).toBe(current);
    });

    it('previews every import problem before anything is stored', () => {
      t.vault.add({ name: 'web-openai', project: 'web', envVar: 'OPENAI_API_KEY' }, sampleKeys.generic());
      const file = Buffer.from(`OPENAI_API_KEY=${sampleKeys.generic()}\nEMPTY=\nFINE=${sampleKeys.generic()}\n`);
      const plan = planImport(t.vault, dotenv.parseEnvFile(file, '.env'), '.env', 'web');
      expect(plan.importable).toBe(false);
      expect(plan.rows.map((row) => row.problem === null)).toEqual([false, false, true]);
      expect(plan.rows[0]?.problem).toContain('"web-openai" already sets OPENAI_API_KEY');
      expect(plan.rows[1]?.problem).toContain('empty');
      expectRekeyError(() => applyImport(t.vault, plan), 'already-exists');
      expect(t.vault.list()).toHaveLength(1);
    });

    it('refuses to export or run an empty selection, such as a mistyped project', () => {
      t.vault.add({ name: 'k', project: 'api' }, sampleKeys.generic());
      expectRekeyError(() => exportSecrets(t.vault, { project: 'apj' }, 'dotenv', 'stdout'), 'not-found');
      expectRekeyError(() => environmentFor(t.vault, { project: 'apj' }, 'node'), 'not-found');
    });

    it("keeps the secret's copy of its current version in step with the versions table", () => {
      const inStep = () => {
        const db = new Database(vaultDatabasePath(t.home), { readonly: true });
        const rows = db
          .prepare(
            `SELECT s.name, s.current_version, s.masked, s.rotated_at, s.due_at, s.rotate_every_days,
                    v.version, v.masked AS v_masked, v.rotated_at AS v_rotated_at
             FROM secrets s JOIN secret_versions v ON v.secret_id = s.id AND v.retired_at IS NULL`,
          )
          .all() as Array<Record<string, string | number>>;
        db.close();
        expect(rows).toHaveLength(t.vault.list().length);
        for (const row of rows) {
          expect([row['current_version'], row['masked'], row['rotated_at']]).toEqual([
            row['version'],
            row['v_masked'],
            row['v_rotated_at'],
          ]);
          const due = new Date(String(row['rotated_at']));
          due.setDate(due.getDate() + Number(row['rotate_every_days']));
          expect(row['due_at']).toBe(due.toISOString());
        }
      };
      t.vault.add({ name: 'a', rotatedAt: new Date('2026-03-01T00:00:00Z') }, sampleKeys.generic());
      t.vault.add({ name: 'b' }, sampleKeys.github());
      inStep();
      t.vault.rotate('a', sampleKeys.generic());
      inStep();
      t.vault.edit('a', { rotateEveryDays: 30 });
      inStep();
      t.vault.edit('a', { rotatedAt: new Date('2026-05-20T00:00:00Z') });
      inStep();
      t.vault.undoRotate('a');
      inStep();
      expect(t.vault.show('a').dueAt).toBe('2026-03-31T00:00:00.000Z');
    });

    it('refuses to init over an existing vault, and to open a missing one', async () => {
      await expectRekeyRejection(() => Vault.init({ home: t.home, keyStore }), 'already-initialised');
      await expectRekeyRejection(() => Vault.open({ home: `${t.home}-missing`, keyStore }), 'not-initialised');
    });
  });
}
