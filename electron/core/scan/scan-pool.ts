import { type MessagePort, Worker } from 'node:worker_threads';
import { type KnownValue, KnownValueIndex } from './known-values.js';
import { readInto } from './read-file.js';
import { type BufferHit, looksBinary, scanBuffer } from './scan-buffer.js';

/*
 * Scanning files on several threads: each worker holds its own copy of the vault values
 * (wiped when it closes), reads the files it is given and returns the hits; main hands out
 * small batches as workers finish, so a few large files do not leave a thread idle. The worker
 * script (scan-worker-main.ts, bundled on its own) checks it was started for this by WORKER_ROLE.
 */

export const WORKER_ROLE = 'rekey-scan-worker';
/** Files handed to workers are at most MAX_FILE_BYTES (5 MB); one byte more shows one that grew. */
const MAX_SCRATCH_BYTES = 5 * 1024 * 1024 + 1;
const BATCH_FILES = 24;

export interface PoolFile {
  readonly index: number;
  readonly path: string;
}

export interface PoolResult {
  readonly index: number;
  readonly outcome: 'scanned' | 'binary' | 'unreadable';
  readonly bytes: number;
  readonly hits: readonly BufferHit[];
}

interface WorkerValue extends Omit<KnownValue, 'bytes'> {
  readonly bytes: Uint8Array;
}

type ToWorker = { readonly type: 'scan'; readonly files: readonly PoolFile[] } | { readonly type: 'close' };
type FromWorker = { readonly type: 'results'; readonly results: readonly PoolResult[] };

export function isScanWorkerData(data: unknown): data is { role: typeof WORKER_ROLE; values: WorkerValue[] } {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === WORKER_ROLE;
}

/** The worker's side: answers batches until told to close, then wipes its copy of the values. */
export function serveScanWorker(port: MessagePort, data: { values: WorkerValue[] }): void {
  const values: KnownValue[] = data.values.map((value) => ({
    ...value,
    bytes: Buffer.from(value.bytes.buffer, value.bytes.byteOffset, value.bytes.byteLength),
  }));
  const index = new KnownValueIndex(values);
  const scratch = Buffer.allocUnsafeSlow(MAX_SCRATCH_BYTES);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      for (const value of values) value.bytes.fill(0);
      port.close();
      return;
    }
    const results = message.files.map((file): PoolResult => {
      const content = readInto(file.path, scratch);
      if (content === null) return { index: file.index, outcome: 'unreadable', bytes: 0, hits: [] };
      if (looksBinary(content)) return { index: file.index, outcome: 'binary', bytes: content.length, hits: [] };
      return { index: file.index, outcome: 'scanned', bytes: content.length, hits: scanBuffer(content, index) };
    });
    port.postMessage({ type: 'results', results } satisfies FromWorker);
  });
}

/** Scans `files` on `threads` workers started from `script`; `onResults` sees each batch as it lands. */
export async function scanOnWorkers(
  script: URL,
  threads: number,
  values: readonly KnownValue[],
  files: readonly PoolFile[],
  onResults: (results: readonly PoolResult[]) => void,
): Promise<void> {
  const workerValues: WorkerValue[] = values.map((value) => ({ ...value, bytes: new Uint8Array(value.bytes) }));
  let next = 0;
  const take = () => {
    const batch = files.slice(next, next + BATCH_FILES);
    next += batch.length;
    return batch;
  };
  try {
    await Promise.all(
      Array.from(
        { length: Math.min(threads, Math.ceil(files.length / BATCH_FILES)) },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(script, { workerData: { role: WORKER_ROLE, values: workerValues } });
            const feed = () => {
              const batch = take();
              worker.postMessage(
                batch.length > 0 ? ({ type: 'scan', files: batch } satisfies ToWorker) : ({ type: 'close' } satisfies ToWorker),
              );
            };
            worker.on('message', (message: FromWorker) => {
              try {
                onResults(message.results);
                feed();
              } catch (error) {
                void worker.terminate();
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
            worker.on('error', reject);
            worker.on('exit', () => resolve());
            feed();
          }),
      ),
    );
  } finally {
    for (const value of workerValues) value.bytes.fill(0);
  }
}
