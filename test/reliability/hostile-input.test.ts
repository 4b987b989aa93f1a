import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT, METHODS, type Result } from '../../electron/contract/index.js';
import { MemoryKeyStore, Vault } from '../../electron/core/index.js';
import { type RekeyServices, createRekeyServices } from '../../electron/main/services.js';
import { MemoryClipboard, ScriptedDialogs } from '../support/main-stand-ins.js';
import { tempDir } from '../support/temp-vault.js';
import { recordFigures } from './support/figures.js';
import { halfWrittenState } from './support/vault-invariants.js';

/**
 * Item 3 of issue 5: arbitrary payloads at every IPC handler through the real dispatcher (the
 * one door into main), and hostile files at import. Each call must come back as a typed Result:
 * a refusal with a specific code and a plain message (never 'internal', never a stack trace,
 * never the value that was sent), and a refused call must change nothing in the vault.
 */
const RUNS_PER_CHANNEL = Number(process.env['REKEY_HOSTILE_RUNS'] ?? 120);
const tally = { tried: 0, handled: 0 };

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\0',
    'a\0b',
    '\uD800',
    'x\uDC00y',
    '__proto__',
    'constructor',
    'prototype',
    '../../../../etc/passwd',
    '--help',
    '-rf',
    'victim-1',
    'victim-2',
    'rekey:secrets:add',
    '2026-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00+00:00',
    'dotenv',
    'github-classic',
    '$(rm -rf ~)',
    '\r\n',
    '\u202Eevil',
  ),
  fc.nat({ max: 200_000 }).map((length) => 'A'.repeat(length)),
  fc.constant('x'.repeat(64 * 1024 + 1)),
  fc.constant('é'.repeat(33 * 1024)),
);

const hostileLeaf = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 0, 3651, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileString, { maxLength: 5 }),
  fc.anything({ maxDepth: 2 }),
);

/** The channel's own field names (nested for `patch`), filled with hostile values, plus stray keys. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  let current = schema as unknown as { def: { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> } };
  while (current.def.type === 'optional') current = current.def.innerType as unknown as typeof current;
  return current.def.type === 'object' ? (current.def.shape as Record<string, z.ZodType>) : null;
}

function nearlyValid(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  if (!shape || depth > 2) return hostileLeaf;
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, shapeOf(field) ? nearlyValid(field, depth + 1) : hostileLeaf]),
  );
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'value'), hostileLeaf, { maxKeys: 2 }), {
        freq: 4,
      }),
    )
    .map(([record, extra]) => {
      if (extra === null) return record;
      // JSON.parse gives "__proto__" as an own key, the way a hostile renderer could send it
      const withExtra = JSON.parse(JSON.stringify({ ...extra })) as Record<string, unknown>;
      return Object.assign(
        JSON.parse(JSON.stringify(record, (_key, value: unknown) => (value === undefined ? null : value))) as object,
        withExtra,
      );
    });
}

function stringsIn(payload: unknown): string[] {
  if (typeof payload === 'string') return [payload];
  if (payload === null || typeof payload !== 'object') return [];
  return Object.values(payload).flatMap(stringsIn);
}

describe('hostile input at every IPC handler and at import', () => {
  const dir = tempDir('rekey-hostile-');
  const home = join(dir.path, 'vault');
  const keyStore = new MemoryKeyStore();
  const dialogs = new ScriptedDialogs();
  let services: RekeyServices;
  let raw: Database.Database;
  const problems: string[] = [];
  /** A fuzzed setMasterPassword can succeed; the harness remembers the password it set. */
  let masterPassword: string | null = null;

  /**
   * A fuzzed lockVault can succeed too; the harness unlocks again (clearing the wrong-password
   * throttle the fuzzed unlock attempts built up) so later payloads still reach an open vault.
   */
  async function keepUnlocked(): Promise<void> {
    const status = await services.dispatch(CONTRACT.vaultStatus.channel, {}, { trusted: true });
    if (!status.ok || (status.value as { state: string }).state !== 'locked') return;
    clearThrottle();
    await services.dispatch(CONTRACT.unlockVault.channel, masterPassword === null ? {} : { password: masterPassword }, { trusted: true });
  }
  const clearThrottle = () => {
    const writer = new Database(join(home, 'vault.db'));
    try {
      writer.prepare('DELETE FROM unlock_throttle').run();
    } finally {
      writer.close();
    }
  };

  /** What a refused call must leave exactly as it was. */
  const fingerprint = () =>
    JSON.stringify([
      raw
        .prepare(
          'SELECT id, name, env_var, provider, project, notes, rotate_every_days, rotated_at, exposed_at, current_version, masked FROM secrets ORDER BY id',
        )
        .all(),
      raw.prepare('SELECT count(*) AS n, max(seq) AS last FROM audit_events').get(),
      raw.prepare('SELECT count(*) AS n FROM secret_versions').get(),
    ]);

  const isResult = (value: unknown): value is Result<unknown> =>
    typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

  async function attempt(channel: string, payload: unknown, label: string): Promise<void> {
    const before = fingerprint();
    tally.tried++;
    let result: unknown;
    try {
      result = await services.dispatch(channel, payload, { trusted: true });
    } catch (error) {
      problems.push(`${label}: dispatch threw ${error instanceof Error ? error.name : typeof error}`);
      return;
    }
    const issues: string[] = [];
    if (!isResult(result)) issues.push('not a Result');
    else if (!result.ok) {
      const { code, message } = result.error;
      if (code === 'internal') issues.push(`internal error`);
      if (typeof message !== 'string' || message.length === 0 || message.length > 4000) issues.push('no clear message');
      if (/\n\s+at /.test(message)) issues.push('stack trace in the message');
      const leaked = stringsIn(payload).filter((text) => text.length >= 12 && message.includes(text));
      const valueSent = payload !== null && typeof payload === 'object' && typeof (payload as { value?: unknown }).value === 'string';
      if (valueSent && leaked.includes((payload as { value: string }).value)) issues.push('the value sent is quoted back');
      if (fingerprint() !== before) issues.push('a refused call changed the vault');
    }
    if (channel === CONTRACT.setMasterPassword.channel && isResult(result) && result.ok)
      masterPassword = (payload as { next: string | null }).next;
    await keepUnlocked();
    if (issues.length > 0) problems.push(`${label}: ${issues.join(', ')} (${JSON.stringify(result).slice(0, 300)})`);
    else tally.handled++;
  }

  beforeAll(async () => {
    const vault = await Vault.init({ home, keyStore });
    vault.add({ name: 'victim-1' }, 'victim-value-one-0123456789');
    vault.add({ name: 'victim-2', project: 'p' }, 'victim-value-two-0123456789');
    vault.close();
    // a cheap scrypt cost: fuzzed master passwords and unlock attempts run the KDF hundreds of times
    services = createRekeyServices({
      home,
      keyStore,
      clipboard: new MemoryClipboard(),
      dialogs,
      clipboardClearSeconds: 1,
      kdfCost: { N: 2 ** 10, r: 8, p: 1 },
    });
    raw = new Database(join(home, 'vault.db'), { readonly: true });
    dialogs.exportPath = null;
  });
  afterAll(async () => {
    await services.close();
    raw.close();
    dir.remove();
    recordFigures('hostile', tally);
  });

  for (const method of METHODS) {
    it(`${CONTRACT[method].channel}: arbitrary and nearly valid payloads get typed refusals`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }), nearlyValid(CONTRACT[method].input)),
          async (payload) => {
            await attempt(CONTRACT[method].channel, payload, method);
          },
        ),
        { numRuns: RUNS_PER_CHANNEL },
      );
      expect(problems).toEqual([]);
    });
  }

  it('with a master password set and the vault locked, hostile unlock attempts get typed refusals', async () => {
    // the fuzzing above may already have set one, which changing it must name
    const current = masterPassword === null ? {} : { current: masterPassword };
    await attempt(CONTRACT.setMasterPassword.channel, { ...current, next: 'hostile-harness master password' }, 'set a master password');
    expect(masterPassword).toBe('hostile-harness master password');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ password: hostileLeaf }, { requiredKeys: [] })), async (payload) => {
        await services.dispatch(CONTRACT.lockVault.channel, {}, { trusted: true });
        await attempt(CONTRACT.unlockVault.channel, payload, 'unlock while locked');
      }),
      { numRuns: 60 },
    );
    expect(problems).toEqual([]);
  });

  it('unknown channels and foreign frames are refused', async () => {
    for (const channel of ['rekey:vault:drop', '', '__proto__', 'rekey:secrets:reveal ']) {
      await attempt(channel, { name: 'victim-1' }, `channel ${JSON.stringify(channel)}`);
    }
    const foreign = await services.dispatch(CONTRACT.reveal.channel, { name: 'victim-1' }, { trusted: false });
    tally.tried++;
    if (!foreign.ok && foreign.error.code === 'forbidden') tally.handled++;
    else problems.push('a foreign frame was answered');
    expect(problems).toEqual([]);
  });

  describe('import', () => {
    const files = tempDir('rekey-hostile-files-');
    afterAll(() => files.remove());
    let fileCount = 0;
    const importFile = async (content: Buffer | string, label: string) => {
      const path = join(files.path, `f${fileCount++}.env`);
      writeFileSync(path, content);
      dialogs.importPath = path;
      const before = fingerprint();
      await attempt(CONTRACT.chooseImport.channel, {}, `import ${label}`);
      // a preview stores nothing
      if (fingerprint() !== before) problems.push(`import ${label}: the preview changed the vault`);
    };

    it('random bytes (binary files) are refused or previewed, never stored', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => importFile(Buffer.from(bytes), 'random bytes')),
        { numRuns: 150 },
      );
      await importFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'a PNG header');
      await importFile(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x3d, 0x00]), 'UTF-16');
      await importFile('', 'an empty file');
      expect(problems).toEqual([]);
    });

    it('malformed .env text is refused or previewed, and applying an importable preview answers with a typed result', async () => {
      const piece = fc.constantFrom(
        'A',
        'KEY',
        '1BAD',
        'export ',
        '=',
        '==',
        '"',
        "'",
        '`',
        '#',
        ' ',
        '\t',
        '\r',
        '\n',
        '\\n',
        '${A}',
        'é',
        '\uFEFF',
        'x'.repeat(70_000),
        '__proto__',
        'constructor',
      );
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 30 }), async (pieces) => {
          await importFile(pieces.join(''), 'malformed .env');
          const preview = await services.dispatch(CONTRACT.chooseImport.channel, {}, { trusted: true });
          if (preview.ok && (preview.value as { preview: { token: string; importable: boolean } | null }).preview?.importable) {
            const token = (preview.value as { preview: { token: string } }).preview.token;
            await attempt(CONTRACT.applyImport.channel, { token }, 'apply a malformed .env');
          }
        }),
        { numRuns: 150 },
      );
      expect(problems).toEqual([]);
    });

    it('a 50 MB file is refused with its size limit named, and nothing is read into the vault', async () => {
      const path = join(files.path, 'huge.env');
      writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 'A=1234567890\n'));
      dialogs.importPath = path;
      const result = await services.dispatch(CONTRACT.chooseImport.channel, {}, { trusted: true });
      tally.tried++;
      expect(result).toMatchObject({ ok: false, error: { code: 'import-invalid' } });
      expect(!result.ok && result.error.message).toMatch(/larger than 5 MiB/);
      tally.handled++;
      dialogs.importPath = join(files.path, 'gone.env');
      await attempt(CONTRACT.chooseImport.channel, {}, 'a file that vanished');
      dialogs.importPath = files.path;
      await attempt(CONTRACT.chooseImport.channel, {}, 'a folder');
      expect(problems).toEqual([]);
    });
  });

  it('afterwards the vault is whole: nothing half-written, audit verifies, every value decrypts, no prototype polluted', async () => {
    await services.close();
    expect(halfWrittenState(join(home, 'vault.db'))).toEqual([]);
    clearThrottle();
    const password = masterPassword;
    const vault = await Vault.open({ home, keyStore, askPassword: password === null ? undefined : async () => password });
    try {
      expect(vault.verifyAudit().ok).toBe(true);
      expect(vault.verifyValues().broken).toEqual([]);
    } finally {
      vault.close();
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
