import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/index.js';
import { createRekeyServices } from '../../electron/main/services.js';
import { runRekey } from '../support/cli-runner.js';
import { MemoryClipboard, ScriptedDialogs } from '../support/main-stand-ins.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { eachLine } from './support/child-lines.js';
import { childVault } from './support/child-vault.js';
import { recordFigures } from './support/figures.js';
import { secretsWithValues } from './support/vault-invariants.js';

requirePrivateKeyring();

const OPS_PER_SIDE = 1000;
const BINARY_RUNS = 40;
const BUSY = /SQLITE_BUSY|database is locked|busy/i;

interface Expected {
  value: string;
  notes: string;
}

describe(`concurrency: the desktop handlers and the CLI write one vault at once, ${OPS_PER_SIDE} operations each`, () => {
  const fixture = childVault('rekey-concurrency-', 'test/reliability/support/cli-loop-child.ts');
  const { home, service, keyStore } = fixture;

  it('loses nothing and never shows the user SQLITE_BUSY', async () => {
    const expected = new Map<string, Expected | null>();
    const userErrors: string[] = [];
    let cliAcked = 0;

    // ---- the CLI: a separate process running the rekey command's entry point per operation
    const cli = spawn(process.execPath, [fixture.child], {
      env: { ...process.env, REKEY_HOME: home, REKEY_KEYCHAIN_SERVICE: service, CONCURRENT_OPS: String(OPS_PER_SIDE) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    eachLine(cli.stdout, (line) => {
      const record = JSON.parse(line.slice(2)) as { op: string; name: string; value?: string; notes?: string; stderr?: string };
      if (line.startsWith('E ')) {
        userErrors.push(`cli ${record.op} ${record.name}: ${record.stderr}`);
        return;
      }
      cliAcked++;
      const before = expected.get(record.name);
      if (record.op === 'add') expected.set(record.name, { value: record.value as string, notes: '' });
      if (record.op === 'rotate' && before) before.value = record.value as string;
      if (record.op === 'edit' && before) before.notes = record.notes as string;
      if (record.op === 'delete') expected.set(record.name, null);
    });
    let cliStderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (cliStderr += chunk.toString('utf8')));
    const cliDone = new Promise<number | null>((resolve) => cli.on('close', resolve));

    // ---- the real `rekey` binary, a few processes at a time, alongside both
    let binaryOk = 0;
    const binaryRuns = (async () => {
      for (let batch = 0; batch < BINARY_RUNS; batch += 4) {
        await Promise.all(
          [0, 1, 2, 3].map(async (offset) => {
            const name = `bin-${batch + offset}`;
            const value = `bin-${randomBytes(18).toString('base64url')}`;
            const result = await runRekey(['add', name], {
              stdin: `${value}\n`,
              env: { REKEY_HOME: home, REKEY_KEYCHAIN_SERVICE: service },
            });
            if (result.code === 0) {
              binaryOk++;
              expected.set(name, { value, notes: '' });
            } else userErrors.push(`rekey add ${name}: ${result.stderr}`);
          }),
        );
      }
    })();

    // ---- the desktop: the real main-process handlers on a real core, through the dispatcher
    const services = createRekeyServices({ home, keyStore, clipboard: new MemoryClipboard(), dialogs: new ScriptedDialogs() });
    const call = async (channel: string, input: unknown) => {
      const result = await services.dispatch(channel, input, { trusted: true });
      if (!result.ok) userErrors.push(`desktop ${channel}: ${result.error.code} ${result.error.message}`);
      return result.ok;
    };
    const live: string[] = [];
    let desktopAcked = 0;
    for (let i = 0; i < OPS_PER_SIDE; i++) {
      // keep pace with the CLI, so the two really overlap from the first operation to the last
      while (desktopAcked > cliAcked + 10 && cli.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 2));
      const roll = Math.random();
      const token = randomBytes(18).toString('base64url');
      if (live.length < 5 || roll < 0.35) {
        const name = `app-${i}`;
        if (await call('rekey:secrets:add', { name, value: `app-${token}` })) {
          live.push(name);
          expected.set(name, { value: `app-${token}`, notes: '' });
        }
      } else if (roll < 0.6) {
        const name = live[randomInt(live.length)] as string;
        if (await call('rekey:secrets:rotate', { name, value: `app-rot-${token}` }))
          (expected.get(name) as Expected).value = `app-rot-${token}`;
      } else if (roll < 0.8) {
        const name = live[randomInt(live.length)] as string;
        if (await call('rekey:secrets:edit', { name, patch: { notes: `app note ${token}` } }))
          (expected.get(name) as Expected).notes = `app note ${token}`;
      } else if (roll < 0.9) {
        const name = live.splice(randomInt(live.length), 1)[0] as string;
        if (await call('rekey:secrets:delete', { name })) expected.set(name, null);
      } else {
        await call('rekey:secrets:list', {});
      }
      desktopAcked++;
    }
    await services.close();
    const exitCode = await cliDone;
    await binaryRuns;
    expect(exitCode, cliStderr).toBe(0);

    // ---- what the vault holds now, against everything both sides were told succeeded
    const vault = await Vault.open({ home, keyStore });
    let lost = 0;
    try {
      const actual = new Map(secretsWithValues(vault).map(({ secret, value }) => [secret.name, { value, notes: secret.notes }]));
      for (const [name, want] of expected) {
        const have = actual.get(name) ?? null;
        if (JSON.stringify(have) !== JSON.stringify(want)) lost++;
      }
      expect(vault.verifyAudit().ok).toBe(true);
      expect(vault.integrityCheck()).toBe('ok');
    } finally {
      vault.close();
    }
    const busy = userErrors.filter((line) => BUSY.test(line)).length;
    recordFigures('concurrency', {
      desktopOps: desktopAcked,
      cliOps: cliAcked,
      binaryRuns: binaryOk,
      lost,
      busySeenByUser: busy,
      otherErrors: userErrors.length - busy,
    });
    expect(userErrors).toEqual([]);
    expect(lost).toBe(0);
    expect(cliAcked).toBe(OPS_PER_SIDE);
    expect(binaryOk).toBe(BINARY_RUNS);
  });
});
