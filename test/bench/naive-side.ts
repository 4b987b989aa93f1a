import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CountingKeyStore } from '../support/real-keychain.js';
import { tempDir } from '../support/temp-vault.js';
import { type Cleanup, forEachLimited } from './cleanup.js';
import { NaiveVault } from './naive-vault.js';
import type { SampleSecret, SampleSet } from './sample-secrets.js';
import { type Figures, figures, repeat, timeMs } from './stats.js';

/** What the naive add of every item took: measured, or measured in part and extrapolated. */
export interface NaiveAdd {
  readonly totalMs: number;
  readonly measuredItems: number;
  readonly measuredMs: number;
  /** Per-item cost a + b·n (n = items already in the keychain), fitted on the measured chunks. */
  readonly fit: { readonly a: number; readonly b: number };
}

export interface NaiveFigures {
  readonly add: NaiveAdd;
  readonly addFirstThousand: Figures;
  readonly callsPerAdd: number;
  readonly openList: Figures;
  readonly listOnly: Figures;
  readonly reveal: Figures;
  readonly exportProject: Figures;
  readonly callsPerUnlock: Figures;
  readonly callsPerExport: Figures;
}

export interface NaiveSetup {
  readonly keyStore: CountingKeyStore;
  readonly samples: SampleSet;
  readonly cleanup: Cleanup;
  /** Time allowed for keychain writes; the rest of the add is extrapolated (and labelled so). */
  readonly writeBudgetMs: number;
  readonly log: (line: string) => void;
}

const CHUNK = 250;

function totalCalls(store: CountingKeyStore): number {
  return store.calls.get + store.calls.set + store.calls.delete;
}

/** Least squares line through (n, ms per item). */
function fitLine(points: ReadonlyArray<{ n: number; ms: number }>): { a: number; b: number } {
  const count = points.length;
  const meanN = points.reduce((sum, p) => sum + p.n, 0) / count;
  const meanMs = points.reduce((sum, p) => sum + p.ms, 0) / count;
  const spread = points.reduce((sum, p) => sum + (p.n - meanN) ** 2, 0);
  const b = spread === 0 ? 0 : points.reduce((sum, p) => sum + (p.n - meanN) * (p.ms - meanMs), 0) / spread;
  return { a: meanMs - b * meanN, b };
}

/** Σ (a + b·n) for n = from .. to-1. */
function predictedMs(fit: { a: number; b: number }, from: number, to: number): number {
  const items = to - from;
  const sumN = ((to - 1) * to) / 2 - ((from - 1) * from) / 2;
  return items * fit.a + fit.b * sumN;
}

export async function measureNaive(setup: NaiveSetup): Promise<NaiveFigures> {
  const { keyStore, samples, cleanup, log } = setup;
  const count = samples.items.length;
  const exported = samples.items.filter((item) => item.input.project === samples.exportProject);
  const dir = tempDir('rekey-bench-naive-');
  const home = join(dir.path, 'naive');
  cleanup.add(`naive folder ${dir.path}`, () => dir.remove());
  const written: string[] = [];
  cleanup.add('naive keychain items', async () => {
    const start = performance.now();
    log(`naive: deleting ${written.length.toLocaleString('en-US')} keychain items`);
    await forEachLimited(written, 8, (account) => keyStore.delete(account));
    log(`naive: deleted them in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  });

  // ---- add: real writes in chunks until the budget is spent (the export project first) ----
  const naive = NaiveVault.create(home, keyStore);
  const chunks: Array<{ before: number; size: number; ms: number }> = [];
  const minimum = Math.max(exported.length, 1000);
  const callsBefore = totalCalls(keyStore);
  const start = performance.now();
  try {
    let done = 0;
    while (done < count) {
      const chunk = samples.items.slice(done, done + CHUNK);
      const ms = await timeMs(() => naive.addMany(chunk, written));
      chunks.push({ before: done, size: chunk.length, ms });
      done += chunk.length;
      log(`naive: ${done.toLocaleString('en-US')} keychain items written, ${(ms / chunk.length).toFixed(1)} ms each in this chunk`);
      // stop before a chunk that would run past the budget (each chunk is slower than the last)
      if (done >= minimum && performance.now() - start + ms > setup.writeBudgetMs) break;
    }
    if (done < count) naive.addMetadataOnly(samples.items.slice(done));
  } finally {
    naive.close();
  }
  const measuredItems = chunks.reduce((sum, chunk) => sum + chunk.size, 0);
  const measuredMs = chunks.reduce((sum, chunk) => sum + chunk.ms, 0);
  const fit = fitLine(chunks.map((chunk) => ({ n: chunk.before + chunk.size / 2, ms: chunk.ms / chunk.size })));
  const add: NaiveAdd = {
    totalMs: measuredItems === count ? measuredMs : measuredMs + predictedMs(fit, measuredItems, count),
    measuredItems,
    measuredMs,
    fit,
  };
  const callsPerAdd = ((totalCalls(keyStore) - callsBefore) * count) / measuredItems;
  const firstThousand = chunks.filter((chunk) => chunk.before < 1000).reduce((sum, chunk) => sum + chunk.ms, 0);

  // ---- the same reads as Rekey's ----
  log('naive: open + list');
  const unlockCalls: number[] = [];
  const openList = await repeat({ runs: 9 }, async () => {
    const before = totalCalls(keyStore);
    let listed = 0;
    let opened: NaiveVault | undefined;
    const ms = await timeMs(() => {
      opened = NaiveVault.open(home, keyStore);
      listed = opened.list().length;
    });
    unlockCalls.push(totalCalls(keyStore) - before);
    opened?.close();
    if (listed !== count) throw new Error(`naive list returned ${listed} secrets, expected ${count}`);
    return ms;
  });

  const vault = NaiveVault.open(home, keyStore);
  try {
    const listOnly = await repeat({ runs: 9 }, () => timeMs(() => vault.list()));

    log('naive: reveal one');
    const probe = exported[exported.length - 1] as SampleSecret;
    const reveal = await repeat({ runs: 9 }, async () => {
      let value = '';
      const ms = await timeMs(async () => (value = await vault.reveal(probe.input.name)));
      if (value !== probe.value) throw new Error('naive reveal returned a different value');
      return ms;
    });

    log(`naive: export ${exported.length.toLocaleString('en-US')} as dotenv`);
    const exportCalls: number[] = [];
    const exportProject = await repeat({ runs: 5, budgetMs: 30_000 }, async () => {
      const before = totalCalls(keyStore);
      let text = '';
      const ms = await timeMs(async () => (text = await vault.exportProject(samples.exportProject, 'dotenv')));
      exportCalls.push(totalCalls(keyStore) - before);
      if (!text.includes(probe.value)) throw new Error('naive export is incomplete');
      return ms;
    });

    return {
      add,
      addFirstThousand: figures([firstThousand]),
      callsPerAdd,
      openList,
      listOnly,
      reveal,
      exportProject,
      callsPerUnlock: figures(unlockCalls),
      callsPerExport: figures(exportCalls),
    };
  } finally {
    vault.close();
  }
}
