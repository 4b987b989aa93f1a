import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT, METHODS, type Result } from '../../../electron/contract/index.js';
import { MemoryKeyStore } from '../../../electron/core/index.js';
import { type RekeyServices, createRekeyServices } from '../../../electron/main/services.js';
import { ManualTimers, MemoryClipboard, ScriptedDialogs } from '../../support/main-stand-ins.js';
import { tempDir } from '../../support/temp-vault.js';
import { sampleKeys } from '../../support/sample-keys.js';

const trusted = { trusted: true };

describe('main-process services behind the IPC contract', () => {
  let dir: ReturnType<typeof tempDir>;
  let services: RekeyServices;
  let clipboard: MemoryClipboard;
  let dialogs: ScriptedDialogs;
  let timers: ManualTimers;
  const responses: Array<{ channel: string; result: Result<unknown> }> = [];

  const call = async <T = unknown>(channel: string, input: unknown = {}): Promise<Result<T>> => {
    const result = await services.dispatch(channel, input, trusted);
    responses.push({ channel, result });
    return result as Result<T>;
  };
  const value = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };

  beforeEach(() => {
    dir = tempDir();
    clipboard = new MemoryClipboard();
    dialogs = new ScriptedDialogs();
    timers = new ManualTimers();
    responses.length = 0;
    services = createRekeyServices({
      home: join(dir.path, 'vault'),
      keyStore: new MemoryKeyStore(),
      clipboard,
      dialogs,
      timers,
      logError: () => undefined,
    });
  });

  afterEach(async () => {
    await services.close();
    dir.remove();
  });

  it('answers every contract channel, and nothing else', async () => {
    expect(new Set(METHODS.map((method) => CONTRACT[method].channel)).size).toBe(METHODS.length);
    for (const method of METHODS) {
      const result = await services.dispatch(CHANNELS[method], { definitely: 'not valid' }, trusted);
      expect(result.ok ? 'ok' : result.error.code, method).toBe('invalid-input');
    }
    const unknown = await services.dispatch('rekey:secrets:steal', {}, trusted);
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown request.' } });
  });

  it('refuses requests from anything but our own frame', async () => {
    const result = await services.dispatch(CHANNELS.vaultStatus, {}, { trusted: false });
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
  });

  it('turns bad input into a typed error that names the field, not the value', async () => {
    await value(CHANNELS.initVault);
    const pasted = 'sk_live_this-value-must-not-echo-123456';
    const cases: unknown[] = [
      42,
      null,
      { name: 'x', value: pasted, extra: true },
      { name: 'x', value: pasted, rotateEveryDays: -1 },
      { name: '', value: pasted },
      { name: 'x', value: 'v'.repeat(64 * 1024 + 1) },
    ];
    for (const input of cases) {
      const result = await call(CHANNELS.addSecret, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).not.toContain('this-value-must-not-echo');
      }
    }
    const vaultError = await call(CHANNELS.addSecret, { name: 'x', value: 'has\0nul-inside-value' });
    expect(vaultError.ok ? 'ok' : vaultError.error.code).toBe('invalid-input');
  });

  it('walks the first run: no vault, create it, ready', async () => {
    expect(await value(CHANNELS.vaultStatus)).toMatchObject({ state: 'no-vault' });
    expect(await value(CHANNELS.initVault)).toMatchObject({ state: 'ready' });
    expect(await value(CHANNELS.vaultStatus)).toMatchObject({ state: 'ready' });
  });

  it('copies through main and clears the clipboard only if it still holds our value', async () => {
    await value(CHANNELS.initVault);
    const key = sampleKeys.github();
    await value(CHANNELS.addSecret, { name: 'gh', value: key });
    expect(await value(CHANNELS.copy, { name: 'gh' })).toEqual({ clearsInSeconds: 30 });
    expect(clipboard.text).toBe(key);
    expect([...timers.pending.values()].map((timer) => timer.ms)).toEqual([30_000]);
    await timers.fireAll();
    expect(clipboard.text).toBe('');

    await value(CHANNELS.copy, { name: 'gh' });
    clipboard.writeText('something the user copied later');
    await timers.fireAll();
    expect(clipboard.text).toBe('something the user copied later');
  });

  it('clears a pending copy when the app closes', async () => {
    await value(CHANNELS.initVault);
    await value(CHANNELS.addSecret, { name: 'gh', value: sampleKeys.github() });
    await value(CHANNELS.copy, { name: 'gh' });
    await services.close();
    expect(clipboard.text).toBe('');
  });

  it('exports through the save dialog to a file that parses back, and cancels cleanly', async () => {
    await value(CHANNELS.initVault);
    const a = sampleKeys.stripe();
    const b = sampleKeys.github();
    await value(CHANNELS.addSecret, { name: 'stripe', project: 'web', value: a });
    await value(CHANNELS.addSecret, { name: 'gh', project: 'web', value: b });
    const preview = await value<{ rows: unknown[]; refusal: string | null }>(CHANNELS.previewExport, { project: 'web', format: 'dotenv' });
    expect(preview.rows).toHaveLength(2);
    expect(preview.refusal).toBeNull();

    expect(await value(CHANNELS.saveExport, { project: 'web', format: 'dotenv' })).toEqual({ path: null, count: 0, warning: null });
    dialogs.exportPath = join(dir.path, 'web.env');
    const saved = await value<{ path: string; count: number }>(CHANNELS.saveExport, { project: 'web', format: 'dotenv' });
    expect(saved).toMatchObject({ path: dialogs.exportPath, count: 2 });
    expect(dialogs.lastDefaultName).toBe('.env');
    expect(parse(readFileSync(dialogs.exportPath))).toEqual({ STRIPE_SECRET_KEY: a, GITHUB_TOKEN: b });
  });

  it('shows a refusal in the preview and refuses to save, writing nothing', async () => {
    await value(CHANNELS.initVault);
    await value(CHANNELS.addSecret, { name: 'odd', project: 'p', value: 'carriage\r$return-and-dollar-12345' });
    const preview = await value<{ refusal: string | null }>(CHANNELS.previewExport, { project: 'p', format: 'dotenv' });
    expect(preview.refusal).toContain('"odd"');
    dialogs.exportPath = join(dir.path, 'never.env');
    const saved = await call(CHANNELS.saveExport, { project: 'p', format: 'dotenv' });
    expect(saved.ok ? 'ok' : saved.error.code).toBe('format-cannot-carry');
    expect(() => readFileSync(dialogs.exportPath as string)).toThrow();
  });

  it('imports after a preview that holds no values, all or nothing', async () => {
    await value(CHANNELS.initVault);
    const file = join(dir.path, 'in.env');
    const key = sampleKeys.github();
    writeFileSync(file, `GITHUB_TOKEN=${key}\nOTHER=${sampleKeys.generic()}\n`);
    expect(await value(CHANNELS.chooseImport, {})).toEqual({ preview: null });
    dialogs.importPath = file;
    const chosen = await value<{ preview: { token: string; rows: Array<{ name: string; problem: string | null }> } }>(
      CHANNELS.chooseImport,
      {
        project: 'ci',
      },
    );
    expect(chosen.preview.rows.map((row) => row.name)).toEqual(['ci/GITHUB_TOKEN', 'ci/OTHER']);
    expect(await value(CHANNELS.applyImport, { token: chosen.preview.token })).toEqual({ imported: 2 });
    const again = await call(CHANNELS.applyImport, { token: chosen.preview.token });
    expect(again.ok ? 'ok' : again.error.code).toBe('not-found');
    expect(await value<unknown[]>(CHANNELS.listSecrets, { project: 'ci' })).toHaveLength(2);
  });

  it('lists the most urgent keys first, as many as asked for', async () => {
    await value(CHANNELS.initVault);
    await value(CHANNELS.addSecret, { name: 'later', value: sampleKeys.generic(), rotateEveryDays: 365 });
    await value(CHANNELS.addSecret, { name: 'sooner', value: sampleKeys.generic(), rotateEveryDays: 7 });
    const first = await value<Array<{ name: string }>>(CHANNELS.listSecrets, { limit: 1 });
    expect(first.map((secret) => secret.name)).toEqual(['sooner']);
    for (const limit of [0, -1, 1.5, '1', 100_001]) {
      const refused = await call(CHANNELS.listSecrets, { limit });
      expect(refused.ok ? 'ok' : refused.error.code, String(limit)).toBe('invalid-input');
    }
  });

  it('rotates, shows history, and undoes', async () => {
    await value(CHANNELS.initVault);
    const first = sampleKeys.generic();
    await value(CHANNELS.addSecret, { name: 'k', value: first, rotatedAt: '2026-01-01T00:00:00.000Z' });
    await value(CHANNELS.rotateSecret, { name: 'k', value: sampleKeys.generic() });
    const history = await value<{ versions: unknown[]; undoableUntil: string | null }>(CHANNELS.history, { name: 'k' });
    expect(history.versions).toHaveLength(2);
    expect(history.undoableUntil).not.toBeNull();
    await value(CHANNELS.undoRotation, { name: 'k' });
    expect(await value(CHANNELS.reveal, { name: 'k' })).toEqual({ value: first });
  });

  it('sends a plaintext value to the renderer only in answer to reveal', async () => {
    await value(CHANNELS.initVault);
    const values = [sampleKeys.github(), sampleKeys.stripe(), sampleKeys.aws()];
    for (const [index, key] of values.entries()) await value(CHANNELS.addSecret, { name: `k${index}`, project: 'p', value: key });
    await value(CHANNELS.detect, { value: values[0] });
    await value(CHANNELS.listSecrets, {});
    await value(CHANNELS.copy, { name: 'k0' });
    await value(CHANNELS.history, { name: 'k1' });
    await value(CHANNELS.previewExport, { project: 'p', format: 'json' });
    dialogs.exportPath = join(dir.path, 'out.json');
    await value(CHANNELS.saveExport, { project: 'p', format: 'json' });
    await value(CHANNELS.rotateSecret, { name: 'k2', value: sampleKeys.aws() });
    await value(CHANNELS.reveal, { name: 'k1' });
    for (const { channel, result } of responses) {
      const text = JSON.stringify(result);
      for (const key of values) {
        const leaked = text.includes(key.slice(4, -4));
        expect(leaked && !(channel === CHANNELS.reveal && key === values[1]), `${channel} leaked a value`).toBe(false);
      }
    }
    expect(JSON.stringify(responses.filter((r) => r.channel === CHANNELS.reveal))).toContain(values[1]);
  });

  describe('the leak scan', () => {
    type Progress = {
      state: string;
      filesDone: number;
      filesTotal: number;
      findings: Array<{ id: string; path: string; line: number; masked: string; secret: { name: string } | null }>;
      error: string | null;
    };
    async function finished(jobId: string): Promise<Progress> {
      for (;;) {
        const progress = await value<Progress>(CHANNELS.scanProgress, { jobId });
        if (progress.state !== 'running') return progress;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    it('scans the folder main asked for, reports masked findings, and adds an unknown key without the value crossing', async () => {
      await value(CHANNELS.initVault);
      const known = sampleKeys.github();
      const stranger = sampleKeys.stripe();
      await value(CHANNELS.addSecret, { name: 'gh', value: known });
      const folder = join(dir.path, 'project');
      mkdirSync(join(folder, 'src'), { recursive: true });
      writeFileSync(join(folder, 'src', 'a.ts'), `const t = '${known}';\n`);
      writeFileSync(join(folder, 'src', 'b.ts'), `\nconst s = '${stranger}';\n`);

      expect(await value(CHANNELS.startScan, {})).toEqual({ job: null });
      dialogs.scanFolder = folder;
      const started = await value<{ job: { id: string; path: string } }>(CHANNELS.startScan, { history: false });
      expect(started.job.path).toBe(folder);
      const done = await finished(started.job.id);
      expect(done).toMatchObject({ state: 'done', filesDone: 2, filesTotal: 2, error: null });
      expect(done.findings.map((f) => [f.path, f.line, f.secret?.name ?? null])).toEqual([
        ['src/a.ts', 1, 'gh'],
        ['src/b.ts', 2, null],
      ]);

      const unknown = done.findings[1];
      const added = await value<{ secret: { name: string; provider: string } }>(CHANNELS.addScanFinding, {
        jobId: started.job.id,
        findingId: unknown?.id,
        name: 'found-stripe',
      });
      expect(added.secret).toMatchObject({ name: 'found-stripe', provider: 'stripe-secret' });
      expect(await value(CHANNELS.reveal, { name: 'found-stripe' })).toEqual({ value: stranger });
      const known1 = await call(CHANNELS.addScanFinding, { jobId: started.job.id, findingId: done.findings[0]?.id, name: 'again' });
      expect(known1.ok ? 'ok' : known1.error.code).toBe('not-found');
      const gone = await call(CHANNELS.scanProgress, { jobId: 'no-such-job' });
      expect(gone.ok ? 'ok' : gone.error.code).toBe('not-found');

      for (const { channel, result } of responses.filter((r) => r.channel !== CHANNELS.reveal)) {
        const text = JSON.stringify(result);
        for (const key of [known, stranger]) expect(text.includes(key.slice(4, -4)), `${channel} leaked a value`).toBe(false);
      }
    });

    it('reports a scan that cannot run as failed, with the reason', async () => {
      await value(CHANNELS.initVault);
      await value(CHANNELS.addSecret, { name: 'gh', value: sampleKeys.github() });
      dialogs.scanFolder = join(dir.path, 'not-a-repo');
      mkdirSync(dialogs.scanFolder);
      const started = await value<{ job: { id: string } }>(CHANNELS.startScan, { history: true });
      const done = await finished(started.job.id);
      expect(done.state).toBe('failed');
      expect(done.error).toMatch(/Scanning git history needs a git repository/);
    });
  });
});
