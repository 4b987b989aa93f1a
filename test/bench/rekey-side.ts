import { join } from 'node:path';
import { type KeyStore, Vault, exportSecrets, vaultKeyAccount } from '../../electron/core/index.js';
import type { CountingKeyStore } from '../support/real-keychain.js';
import { tempDir } from '../support/temp-vault.js';
import type { Cleanup } from './cleanup.js';
import { runNode } from './cli-run.js';
import type { SampleSecret, SampleSet } from './sample-secrets.js';
import { type Figures, repeat, timeMs } from './stats.js';

export interface RekeyFigures {
  readonly add: Figures;
  readonly callsPerAdd: Figures;
  readonly addFirstThousand: Figures;
  readonly openList: Figures;
  readonly listOnly: Figures;
  readonly reveal: Figures;
  readonly exportProject: Figures;
  readonly callsPerUnlock: Figures;
  readonly callsPerExport: Figures;
  readonly cli: Figures;
  readonly cliHelp: Figures;
  readonly nodeStartup: Figures;
}

export interface RekeySetup {
  readonly keyStore: CountingKeyStore;
  readonly service: string;
  readonly samples: SampleSet;
  readonly cleanup: Cleanup;
  readonly repoRoot: string;
  readonly log: (line: string) => void;
}

function totalCalls(store: CountingKeyStore): number {
  return store.calls.get + store.calls.set + store.calls.delete;
}

/** A fresh vault in its own temp folder; its keychain item and folder are removed at the end (or by `dispose`). */
async function freshVault(keyStore: KeyStore, cleanup: Cleanup): Promise<{ vault: Vault; home: string; dispose: () => Promise<void> }> {
  const dir = tempDir('rekey-bench-');
  const home = join(dir.path, 'vault');
  const vault = await Vault.init({ home, keyStore });
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    vault.close();
    await keyStore.delete(vaultKeyAccount(vault.vaultId));
    dir.remove();
  };
  cleanup.add(`rekey vault ${home}`, dispose);
  return { vault, home, dispose };
}

/** addMany in one call, into a fresh vault per run; the first vault is kept for the rest. */
async function measureAdd(setup: RekeySetup, items: readonly SampleSecret[], runs: number, keep: boolean) {
  let kept: { home: string } | undefined;
  const calls: number[] = [];
  const figures = await repeat({ runs }, async (run) => {
    const target = await freshVault(setup.keyStore, setup.cleanup);
    const before = totalCalls(setup.keyStore);
    const ms = await timeMs(() => target.vault.addMany(items));
    calls.push(totalCalls(setup.keyStore) - before);
    if (keep && run === 0) {
      target.vault.close();
      kept = target;
    } else {
      await target.dispose();
    }
    return ms;
  });
  return { figures, calls: await repeat({ runs: calls.length }, (run) => calls[run] as number), home: kept?.home };
}

export async function measureRekey(setup: RekeySetup): Promise<RekeyFigures> {
  const { keyStore, samples, log } = setup;
  const count = samples.items.length;
  const exported = samples.items.filter((item) => item.input.project === samples.exportProject);

  log(`rekey: addMany of ${count.toLocaleString('en-US')} (5 fresh vaults)`);
  const added = await measureAdd(setup, samples.items, 5, true);
  const home = added.home as string;
  log('rekey: addMany of the first 1,000 (5 fresh vaults)');
  const addFirstThousand = (await measureAdd(setup, samples.items.slice(0, 1000), 5, false)).figures;

  log('rekey: open + list');
  const unlockCalls: number[] = [];
  const openList = await repeat({ runs: 9 }, async () => {
    const before = totalCalls(keyStore);
    let listed = 0;
    let vault: Vault | undefined;
    const ms = await timeMs(async () => {
      vault = await Vault.open({ home, keyStore });
      listed = vault.list().length;
    });
    unlockCalls.push(totalCalls(keyStore) - before);
    vault?.close();
    if (listed !== count) throw new Error(`rekey list returned ${listed} secrets, expected ${count}`);
    return ms;
  });
  const callsPerUnlock = await repeat({ runs: unlockCalls.length }, (run) => unlockCalls[run] as number);

  const vault = await Vault.open({ home, keyStore });
  try {
    const listOnly = await repeat({ runs: 9 }, () => timeMs(() => vault.list()));

    log('rekey: reveal one');
    const probe = exported[exported.length - 1] as SampleSecret;
    const reveal = await repeat({ runs: 9 }, async () => {
      let value = '';
      const ms = await timeMs(() => (value = vault.reveal(probe.input.name, 'reveal')));
      if (value !== probe.value) throw new Error('rekey reveal returned a different value');
      return ms;
    });

    log(`rekey: export ${exported.length.toLocaleString('en-US')} as dotenv`);
    const destination = join(home, 'bench.env');
    const exportProject = await repeat({ runs: 7 }, async () => {
      let names = 0;
      let text = '';
      const ms = await timeMs(() => {
        const result = exportSecrets(vault, { project: samples.exportProject }, 'dotenv', destination);
        names = result.names.length;
        text = result.text;
      });
      if (names !== exported.length || !text.includes(probe.value)) throw new Error('rekey export is incomplete');
      return ms;
    });

    // The keychain traffic of a whole export as the CLI does it: unlock, then export.
    const callsPerExport = await repeat({ runs: 3 }, async () => {
      const before = totalCalls(keyStore);
      const again = await Vault.open({ home, keyStore });
      try {
        exportSecrets(again, { project: samples.exportProject }, 'dotenv', destination);
      } finally {
        again.close();
      }
      return totalCalls(keyStore) - before;
    });

    log('rekey: `rekey list --json` as a child process');
    const env = { ...process.env, REKEY_HOME: home, REKEY_KEYCHAIN_SERVICE: setup.service };
    const cwd = setup.repoRoot;
    const cli = await repeat({ runs: 7 }, async () => {
      const run = await runNode(['bin/rekey.js', 'list', '--json'], { cwd, env });
      if (run.code !== 0) throw new Error(`rekey list --json exited with ${String(run.code)}: ${run.stderr.trim()}`);
      const parsed: unknown = JSON.parse(run.stdout);
      if (!Array.isArray(parsed) || parsed.length !== count) throw new Error('rekey list --json did not print every secret');
      return run.ms;
    });
    const cliHelp = await repeat({ runs: 7 }, async () => {
      const run = await runNode(['bin/rekey.js', '--help'], { cwd, env });
      if (run.code !== 0) throw new Error(`rekey --help exited with ${String(run.code)}: ${run.stderr.trim()}`);
      return run.ms;
    });
    const nodeStartup = await repeat({ runs: 7 }, async () => (await runNode(['-e', ''], { cwd, env })).ms);

    return {
      add: added.figures,
      callsPerAdd: added.calls,
      addFirstThousand,
      openList,
      listOnly,
      reveal,
      exportProject,
      callsPerUnlock,
      callsPerExport,
      cli,
      cliHelp,
      nodeStartup,
    };
  } finally {
    vault.close();
  }
}
