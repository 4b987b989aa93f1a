import { performance } from 'node:perf_hooks';

/** The figures of one measured operation, all in the unit of the samples (ms, or calls). */
export interface Figures {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function figures(samples: readonly number[]): Figures {
  if (samples.length === 0) throw new Error('no samples: the operation was never measured');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, runs: sorted.length };
}

/** Wall time of `work` in milliseconds. */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface RepeatOptions {
  readonly runs: number;
  /** Stops early (after at least one run) once this much time has gone into the runs. */
  readonly budgetMs?: number;
}

/**
 * Runs `once` up to `runs` times; each call returns its own sample, so untimed setup
 * (a fresh vault, say) can live inside it without polluting the figure.
 */
export async function repeat(options: RepeatOptions, once: (run: number) => Promise<number> | number): Promise<Figures> {
  const samples: number[] = [];
  const start = performance.now();
  for (let run = 0; run < options.runs; run++) {
    samples.push(await once(run));
    if (options.budgetMs !== undefined && performance.now() - start > options.budgetMs) break;
  }
  return figures(samples);
}
