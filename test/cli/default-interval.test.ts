import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/index.js';
import { type CliVault, createCliVault } from '../support/cli-runner.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

requirePrivateKeyring();

const DAY = 86_400_000;

interface Shown {
  provider: string;
  rotateEveryDays: number;
  rotatedAt: string;
  dueAt: string;
}

/** Settings → Default rotation interval holds for keys added or imported with the CLI (issue 16, item 1). */
describe('the CLI and the default rotation interval', () => {
  let v: CliVault;
  const show = async (name: string) => JSON.parse((await v.ok(['show', name, '--json'])).out) as Shown;

  beforeAll(async () => {
    v = await createCliVault();
    // what Settings in the window writes (there is no CLI command for settings): through the
    // open vault, which signs the settings (issue 13)
    const vault = await Vault.open({ home: v.home, keyStore: realKeyStore(v.service) });
    vault.updateSettings({ defaultRotateEveryDays: 30 });
    vault.close();
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('`rekey add` without --rotate-every: due 30 days after the rotation; AWS keeps its own 60', async () => {
    await v.ok(['add', 'plain'], { stdin: `${sampleKeys.generic()}\n` });
    const plain = await show('plain');
    expect(plain.rotateEveryDays).toBe(30);
    expect(new Date(plain.dueAt).getTime() - new Date(plain.rotatedAt).getTime()).toBe(30 * DAY);
    await v.ok(['add', 'gh'], { stdin: `${sampleKeys.github()}\n` });
    expect((await show('gh')).rotateEveryDays).toBe(30);
    await v.ok(['add', 'aws'], { stdin: `${sampleKeys.aws()}\n` });
    expect(await show('aws')).toMatchObject({ provider: 'aws-access-key-id', rotateEveryDays: 60 });
  });

  it('`rekey import` of a .env file: the same default', async () => {
    const file = join(v.work, 'in.env');
    writeFileSync(file, `STRIPE_KEY=${sampleKeys.stripe()}\nOTHER=${sampleKeys.generic()}\n`);
    await v.ok(['import', file, '--project', 'imp']);
    for (const name of ['imp/STRIPE_KEY', 'imp/OTHER']) expect((await show(name)).rotateEveryDays, name).toBe(30);
  });
});
