import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Result } from '../../../electron/contract/index.js';
import { MemoryKeyStore } from '../../../electron/core/index.js';
import { type RekeyServices, createRekeyServices } from '../../../electron/main/services.js';
import { ManualTimers, MemoryClipboard, ScriptedDialogs } from '../../support/main-stand-ins.js';
import { sampleKeys } from '../../support/sample-keys.js';
import { FixedClock, tempDir } from '../../support/temp-vault.js';

const trusted = { trusted: true };
const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY = 86_400_000;

interface Summary {
  name: string;
  provider: string;
  rotateEveryDays: number;
  rotatedAt: string;
  dueAt: string;
}

/** Settings → Default rotation interval, through the real main handlers (issue 16, item 1). */
describe('the default rotation interval from Settings', () => {
  let dir: ReturnType<typeof tempDir>;
  let services: RekeyServices;
  let dialogs: ScriptedDialogs;

  const value = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const result = (await services.dispatch(channel, input, trusted)) as Result<T>;
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const secret = async (name: string) => (await value<Summary[]>(CHANNELS.listSecrets, {})).find((s) => s.name === name);

  beforeEach(async () => {
    dir = tempDir();
    dialogs = new ScriptedDialogs();
    services = createRekeyServices({
      home: join(dir.path, 'vault'),
      keyStore: new MemoryKeyStore(),
      clipboard: new MemoryClipboard(),
      dialogs,
      timers: new ManualTimers(),
      clock: new FixedClock(NOW),
      logError: () => undefined,
    });
    await value(CHANNELS.initVault);
    await value(CHANNELS.saveSettings, { defaultRotateEveryDays: 30 });
  });

  afterEach(async () => {
    await services.close();
    dir.remove();
  });

  it('a key added without an interval is due in the user’s 30 days; a provider’s own interval and an explicit one win', async () => {
    const added = await value<{ secret: Summary }>(CHANNELS.addSecret, { name: 'plain', value: sampleKeys.generic() });
    expect(added.secret).toMatchObject({
      rotateEveryDays: 30,
      rotatedAt: NOW.toISOString(),
      dueAt: new Date(NOW.getTime() + 30 * DAY).toISOString(),
    });
    expect(await secret('plain')).toMatchObject({ rotateEveryDays: 30, dueAt: new Date(NOW.getTime() + 30 * DAY).toISOString() });

    await value(CHANNELS.addSecret, { name: 'gh', value: sampleKeys.github() });
    expect(await secret('gh')).toMatchObject({ provider: 'github-classic', rotateEveryDays: 30 });
    await value(CHANNELS.addSecret, { name: 'aws', value: sampleKeys.aws() });
    expect(await secret('aws')).toMatchObject({ provider: 'aws-access-key-id', rotateEveryDays: 60 });
    // 90 typed by the user is a choice like any other, not "no choice"
    await value(CHANNELS.addSecret, { name: 'chosen', value: sampleKeys.generic(), rotateEveryDays: 90 });
    expect(await secret('chosen')).toMatchObject({ rotateEveryDays: 90 });
  });

  it('the window learns which providers have an interval of their own (AWS 60, the others none)', async () => {
    const providers = await value<Array<{ id: string; defaultRotateEveryDays: number | null }>>(CHANNELS.listProviders, {});
    expect(providers.find((p) => p.id === 'aws-access-key-id')?.defaultRotateEveryDays).toBe(60);
    expect(providers.find((p) => p.id === 'github-classic')?.defaultRotateEveryDays).toBeNull();
    const detected = await value<{ provider: { id: string; defaultRotateEveryDays: number | null } }>(CHANNELS.detect, {
      value: sampleKeys.stripe(),
    });
    expect(detected.provider).toMatchObject({ id: 'stripe-secret', defaultRotateEveryDays: null });
  });

  it('keys imported from a .env file get the user’s default too', async () => {
    const file = join(dir.path, 'in.env');
    writeFileSync(file, `GITHUB_TOKEN=${sampleKeys.github()}\nOTHER=${sampleKeys.generic()}\nAWS_ACCESS_KEY_ID=${sampleKeys.aws()}\n`);
    dialogs.importPath = file;
    const chosen = await value<{ preview: { token: string } }>(CHANNELS.chooseImport, { project: 'ci' });
    expect(await value(CHANNELS.applyImport, { token: chosen.preview.token })).toEqual({ imported: 3 });
    const intervals = Object.fromEntries(
      (await value<Summary[]>(CHANNELS.listSecrets, { project: 'ci' })).map((s) => [s.name, s.rotateEveryDays]),
    );
    expect(intervals).toEqual({ 'ci/GITHUB_TOKEN': 30, 'ci/OTHER': 30, 'ci/AWS_ACCESS_KEY_ID': 60 });
  });
});
