import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Result } from '../../../electron/contract/index.js';
import { MemoryKeyStore, Vault } from '../../../electron/core/index.js';
import { ScanJobs } from '../../../electron/main/scan/scan-jobs.js';
import { type RekeyServices, createRekeyServices } from '../../../electron/main/services.js';
import { ManualTimers, MemoryClipboard, ScriptedDialogs } from '../../support/main-stand-ins.js';
import { sampleKeys } from '../../support/sample-keys.js';
import { tempDir } from '../../support/temp-vault.js';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

/** A clipboard whose writes land only when the test says so: a copy caught mid-flight. */
class DeferredClipboard extends MemoryClipboard {
  private landing: Array<() => void> = [];
  override writeSecret(text: string): Promise<void> {
    return new Promise((resolve) => {
      this.landing.push(() => {
        this.text = text;
        resolve();
      });
    });
  }
  get inFlight(): number {
    return this.landing.length;
  }
  land(): void {
    for (const write of this.landing.splice(0)) write();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('lock and quit leave no value behind in main', () => {
  let dir: ReturnType<typeof tempDir>;
  let services: RekeyServices;
  let clipboard: DeferredClipboard;
  let timers: ManualTimers;
  let dialogs: ScriptedDialogs;
  let key: string;

  const call = async <T = unknown>(channel: string, input: unknown = {}): Promise<Result<T>> =>
    (await services.dispatch(channel, input, { trusted: true })) as Result<T>;
  const value = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const error = async (channel: string, input: unknown = {}) => {
    const result = await call(channel, input);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };

  beforeEach(async () => {
    dir = tempDir();
    clipboard = new DeferredClipboard();
    timers = new ManualTimers();
    dialogs = new ScriptedDialogs();
    services = createRekeyServices({
      home: join(dir.path, 'vault'),
      keyStore: new MemoryKeyStore(),
      clipboard,
      dialogs,
      timers,
      kdfCost: CHEAP,
    });
    await value(CHANNELS.initVault);
    key = sampleKeys.github();
    await value(CHANNELS.addSecret, { name: 'gh', value: key });
  });
  afterEach(async () => {
    clipboard.land();
    await services.close();
    dir.remove();
  });

  describe('a copy still being written when the vault locks or the app quits', () => {
    it('lock: the write lands after the lock began, and is cleared at once, no timer left', async () => {
      const copying = value(CHANNELS.copy, { name: 'gh' });
      await settle();
      expect(clipboard.inFlight).toBe(1);
      const locking = services.lock();
      await settle();
      clipboard.land();
      await Promise.all([copying, locking]);
      expect(clipboard.text).toBe('');
      expect(timers.pending.size).toBe(0);
    });

    it('quit: the same, through close()', async () => {
      const copying = value(CHANNELS.copy, { name: 'gh' });
      await settle();
      const closing = services.close();
      await settle();
      clipboard.land();
      await Promise.all([copying, closing]);
      expect(clipboard.text).toBe('');
    });

    it('lock leaves alone what the user copied after our write landed', async () => {
      const copying = value(CHANNELS.copy, { name: 'gh' });
      await settle();
      const locking = services.lock();
      clipboard.land();
      clipboard.writeText('the user copied this');
      await Promise.all([copying, locking]);
      expect(clipboard.text).toBe('the user copied this');
    });

    it('a landed copy is cleared by lock, and its timer goes with it', async () => {
      const copying = value(CHANNELS.copy, { name: 'gh' });
      await settle();
      clipboard.land();
      await copying;
      expect(clipboard.text).toBe(key);
      expect(timers.pending.size).toBe(1);
      await value(CHANNELS.lockVault);
      expect(clipboard.text).toBe('');
      expect(timers.pending.size).toBe(0);
    });
  });

  describe('scan jobs', () => {
    type Progress = { state: string; findings: Array<{ id: string; secret: { name: string } | null }> };
    const finished = async (jobId: string): Promise<Progress> => {
      for (;;) {
        const progress = await value<Progress>(CHANNELS.scanProgress, { jobId });
        if (progress.state !== 'running') return progress;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const folderWith = (files: Record<string, string>) => {
      const folder = join(dir.path, 'project');
      mkdirSync(folder, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
      return folder;
    };

    it('a finished job, its findings and its unknown values are gone after lock; unlocking does not bring them back', async () => {
      dialogs.scanFolder = folderWith({ 'a.ts': `const t = '${key}';\n`, 'b.ts': `const s = '${sampleKeys.stripe()}';\n` });
      const started = await value<{ job: { id: string } }>(CHANNELS.startScan, { history: false });
      const done = await finished(started.job.id);
      expect(done.findings.map((finding) => finding.secret?.name ?? null)).toEqual(['gh', null]);
      await value(CHANNELS.lockVault);
      expect(await error(CHANNELS.scanProgress, { jobId: started.job.id })).toEqual({
        code: 'not-found',
        message: 'That scan is no longer available; start it again.',
      });
      await value(CHANNELS.unlockVault);
      const add = await error(CHANNELS.addScanFinding, { jobId: started.job.id, findingId: done.findings[1]?.id, name: 'found' });
      expect(add.code).toBe('not-found');
      expect(await value<unknown[]>(CHANNELS.listSecrets)).toHaveLength(1);
    });

    it('a running job is dropped on lock and never reports again', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 200; i++) files[`f${i}.ts`] = `const s${i} = '${sampleKeys.stripe()}';\n`;
      dialogs.scanFolder = folderWith(files);
      const started = await value<{ job: { id: string } }>(CHANNELS.startScan, { history: false });
      expect((await value<Progress>(CHANNELS.scanProgress, { jobId: started.job.id })).state).toBe('running');
      await services.lock();
      expect((await error(CHANNELS.scanProgress, { jobId: started.job.id })).code).toBe('not-found');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await error(CHANNELS.scanProgress, { jobId: started.job.id })).code).toBe('not-found');
    });
  });

  describe('import previews', () => {
    it('a preview taken before lock cannot be confirmed after unlock: it asks for a new one', async () => {
      const file = join(dir.path, '.env');
      writeFileSync(file, `STRIPE_KEY=${sampleKeys.stripe()}\n`);
      dialogs.importPath = file;
      const chosen = await value<{ preview: { token: string } }>(CHANNELS.chooseImport, {});
      await value(CHANNELS.lockVault);
      await value(CHANNELS.unlockVault);
      expect(await error(CHANNELS.applyImport, { token: chosen.preview.token })).toEqual({
        code: 'not-found',
        message: 'The vault was locked after this import preview, so the preview was discarded; choose the file again.',
      });
      expect(await value<unknown[]>(CHANNELS.listSecrets)).toHaveLength(1);
      // a new preview works as before
      const again = await value<{ preview: { token: string } }>(CHANNELS.chooseImport, {});
      expect(await value(CHANNELS.applyImport, { token: again.preview.token })).toEqual({ imported: 1 });
    });

    it('an unknown token still says the preview expired', async () => {
      expect(await error(CHANNELS.applyImport, { token: '6a3f1c9e-0000-4000-8000-000000000000' })).toEqual({
        code: 'not-found',
        message: 'That import preview has expired; choose the file again.',
      });
    });
  });
});

describe('ScanJobs.clear stops a running scan', () => {
  it('the scan unwinds (its values wiped) instead of running to the end', async () => {
    const dir = tempDir();
    try {
      const vault = await Vault.init({ home: join(dir.path, 'vault'), keyStore: new MemoryKeyStore() });
      vault.add({ name: 'gh' }, sampleKeys.github());
      const folder = join(dir.path, 'project');
      mkdirSync(folder);
      for (let i = 0; i < 50; i++) writeFileSync(join(folder, `f${i}.ts`), `const s = '${sampleKeys.stripe()}';\n`);
      const scans: Array<{ outcome: Promise<unknown>; values: Array<{ bytes: Buffer }> }> = [];
      const original = vault.withEveryValue.bind(vault);
      vault.withEveryValue = ((use: Parameters<Vault['withEveryValue']>[0]) => {
        const scan = { outcome: Promise.resolve() as Promise<unknown>, values: [] as Array<{ bytes: Buffer }> };
        scan.outcome = original((values) => {
          scan.values = values;
          return use(values);
        });
        scans.push(scan);
        return scan.outcome;
      }) as Vault['withEveryValue'];

      const jobs = new ScanJobs();
      // control: a job left alone runs to the end
      const kept = jobs.start(vault, folder, {});
      await scans[0]?.outcome;
      expect(jobs.view(kept).state).toBe('done');

      jobs.start(vault, folder, {});
      await jobs.clear();
      await expect(scans[1]?.outcome).rejects.toThrow();
      expect(scans[1]?.values.every((value) => value.bytes.every((byte) => byte === 0))).toBe(true);
      expect(() => jobs.view(kept)).toThrow('That scan is no longer available; start it again.');
      vault.close();
    } finally {
      dir.remove();
    }
  });
});
