import { randomUUID } from 'node:crypto';
import { type NewSecret, RekeyError, type Vault, scanning } from '../../core/index.js';

export interface ScanJobOptions {
  readonly includeIgnored?: boolean | undefined;
  readonly includeVendored?: boolean | undefined;
  readonly history?: boolean | undefined;
}

export interface ScanJobView {
  readonly path: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly findings: readonly scanning.ScanFinding[];
  readonly summary: scanning.ScanSummary | null;
  readonly error: string | null;
}

interface Job {
  view: ScanJobView;
  /** Unknown keys by finding id, for "Add to vault"; never sent to the window. */
  readonly unknownValues: Map<string, string>;
  /** Set when the job is dropped: a running scan stops at its next report. */
  cancelled: boolean;
  /** Settles once the scan has stopped and let go of the vault's values. */
  stopped: Promise<void>;
}

/** Thrown from the scan's own callbacks to stop it: core's scan unwinds on a callback's throw. */
class ScanCancelled extends Error {}

const MAX_JOBS = 4;

/**
 * Scans run in main (the vault decrypts its values only here) while the window polls a job id.
 * The last few jobs are kept so the window can come back to their findings.
 */
export class ScanJobs {
  private readonly jobs = new Map<string, Job>();

  start(vault: Vault, path: string, options: ScanJobOptions): string {
    const id = randomUUID();
    const job: Job = {
      view: { path, state: 'running', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, findings: [], summary: null, error: null },
      unknownValues: new Map(),
      cancelled: false,
      stopped: Promise.resolve(),
    };
    this.jobs.set(id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= MAX_JOBS) break;
      if (this.jobs.get(old)?.view.state !== 'running') this.drop(old);
    }
    job.stopped = this.run(vault, job, options);
    return id;
  }

  view(id: string): ScanJobView {
    return this.job(id).view;
  }

  /** Adds an unknown key from a finished scan, by finding id; its value never left main. */
  addFinding(vault: Vault, jobId: string, findingId: string, input: NewSecret) {
    const value = this.job(jobId).unknownValues.get(findingId);
    if (value === undefined)
      throw new RekeyError('not-found', 'That finding is not an unknown key of this scan (or the scan is gone); scan again.');
    return vault.add(input, value);
  }

  /**
   * On lock and quit: cancels running scans and drops every job with its findings and values.
   * Resolves once the cancelled scans have stopped (callers need not wait for that).
   */
  clear(): Promise<void> {
    const stopping = [...this.jobs.values()].map((job) => job.stopped);
    for (const id of [...this.jobs.keys()]) this.drop(id);
    return Promise.all(stopping).then(() => undefined);
  }

  private drop(id: string): void {
    const job = this.jobs.get(id);
    if (!job) return;
    job.cancelled = true;
    job.unknownValues.clear();
    this.jobs.delete(id);
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new RekeyError('not-found', 'That scan is no longer available; start it again.');
    return job;
  }

  private async run(vault: Vault, job: Job, options: ScanJobOptions): Promise<void> {
    const stopIfCancelled = () => {
      if (job.cancelled) throw new ScanCancelled();
    };
    try {
      const report = await vault.withEveryValue((values) =>
        scanning.scan(new scanning.KnownValueIndex(values), {
          paths: [job.view.path],
          cwd: job.view.path,
          history: options.history,
          includeIgnored: options.includeIgnored,
          includeVendored: options.includeVendored,
          onProgress: (progress) => {
            stopIfCancelled();
            job.view = { ...job.view, ...progress };
          },
          onUnknownKey: (findingId, value) => {
            stopIfCancelled();
            job.unknownValues.set(findingId, value);
          },
        }),
      );
      if (job.cancelled) return;
      job.view = { ...job.view, state: 'done', findings: report.findings, summary: report.summary };
    } catch (error) {
      if (job.cancelled) return;
      // RekeyError messages are written for users and never hold a value; anything else is a bug
      const message = error instanceof RekeyError ? error.message : 'The scan stopped on an unexpected error; please try again.';
      job.view = { ...job.view, state: 'failed', error: message };
    }
  }
}
