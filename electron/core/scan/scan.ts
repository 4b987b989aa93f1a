import { isAbsolute, relative, resolve } from 'node:path';
import type { KnownValueIndex } from './known-values.js';
import type { ScanFinding, ScanReport } from './finding.js';
import { type BlobPlace, historyBlobs, readBlobs, stagedBlobs, workTreeTop } from './git-objects.js';
import { type BufferHit, looksBinary, scanBuffer } from './scan-buffer.js';
import { readInto } from './read-file.js';
import { type PoolResult, scanOnWorkers } from './scan-pool.js';
import { VENDORED_FOLDERS, type WalkedFile, walkFiles } from './walk-files.js';
import { Yielder } from './yielder.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ScanProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface ScanOptions {
  /** Files and folders to walk; relative ones are taken from `cwd`. */
  readonly paths: readonly string[];
  readonly cwd: string;
  /** Also every blob of the git history of the repositories the paths are in. */
  readonly history?: boolean | undefined;
  readonly includeVendored?: boolean | undefined;
  readonly includeIgnored?: boolean | undefined;
  readonly onProgress?: ((progress: ScanProgress) => void) | undefined;
  /**
   * Hands over the text of each unknown key, for a caller that offers "Add to vault" and
   * keeps it in memory (the app's main process). Findings themselves never carry it.
   */
  readonly onUnknownKey?: ((findingId: string, value: string) => void) | undefined;
  /**
   * Scan files on this many threads, each started from `script` (the bundle of
   * scan-worker-main.ts). Used for large scans only, and not together with onUnknownKey.
   */
  readonly threads?: { readonly script: URL; readonly count: number } | undefined;
}

/** Below this, starting worker threads costs more than it saves. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

class FindingCollector {
  readonly findings: ScanFinding[] = [];
  filesScanned = 0;
  bytesScanned = 0;
  skippedBinary = 0;
  skippedLarge = 0;
  blobsScanned = 0;

  constructor(
    private readonly index: KnownValueIndex,
    private readonly onUnknownKey: ScanOptions['onUnknownKey'],
  ) {}

  /** false when the content was skipped as binary. */
  scan(content: Buffer, path: string, commit: string | null): boolean {
    if (looksBinary(content)) {
      this.skippedBinary++;
      return false;
    }
    for (const hit of scanBuffer(content, this.index)) this.add(hit, path, commit, content);
    return true;
  }

  add(hit: BufferHit, path: string, commit: string | null, content?: Buffer): void {
    const id = `f${this.findings.length + 1}`;
    const { offset, length, ...shown } = hit;
    this.findings.push({ id, path, commit, ...shown });
    if (hit.secret === null && this.onUnknownKey && content) this.onUnknownKey(id, content.toString('utf8', offset, offset + length));
  }

  report(valuesTooShort: number): ScanReport {
    const { filesScanned, bytesScanned, skippedBinary, skippedLarge, blobsScanned } = this;
    return { findings: this.findings, summary: { filesScanned, bytesScanned, skippedBinary, skippedLarge, blobsScanned, valuesTooShort } };
  }
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function isVendoredPath(path: string): boolean {
  return path
    .split('/')
    .slice(0, -1)
    .some((segment) => VENDORED_FOLDERS.has(segment));
}

/**
 * The whole scan: files under each path (gitignore, vendored folders, binaries and files over
 * 5 MB skipped), then with `history` every blob of each repository's history, once.
 */
export async function scan(index: KnownValueIndex, options: ScanOptions): Promise<ScanReport> {
  const roots = (options.paths.length === 0 ? ['.'] : options.paths).map((path) => resolve(options.cwd, path));
  const collector = new FindingCollector(index, options.onUnknownKey);

  const files: WalkedFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for await (const file of walkFiles(root, options)) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      files.push(file);
    }
  }
  let repositories: Array<{ top: string; blobs: BlobPlace[] }> = [];
  if (options.history) {
    const tops = [...new Set(await Promise.all(roots.map((root) => workTreeTop(root, 'Scanning git history'))))];
    repositories = await Promise.all(
      tops.map(async (top) => ({
        top,
        blobs: (await historyBlobs(top)).filter((place) => options.includeVendored || !isVendoredPath(place.path)),
      })),
    );
  }

  const filesTotal = files.length + repositories.reduce((sum, repo) => sum + repo.blobs.length, 0);
  const bytesTotal = files.reduce((sum, file) => sum + (file.size <= MAX_FILE_BYTES ? file.size : 0), 0);
  let filesDone = 0;
  let bytesDone = 0;
  const progress = () => options.onProgress?.({ filesDone, filesTotal, bytesDone, bytesTotal: Math.max(bytesTotal, bytesDone) });
  progress();

  const threads = options.threads;
  if (threads !== undefined && threads.count > 1 && options.onUnknownKey === undefined && bytesTotal >= PARALLEL_MIN_BYTES) {
    const small = files.flatMap((file, index) => (file.size > MAX_FILE_BYTES ? [] : [{ index, path: file.path }]));
    const results = new Array<PoolResult | undefined>(files.length);
    await scanOnWorkers(threads.script, threads.count, index.values, small, (batch) => {
      for (const result of batch) {
        results[result.index] = result;
        filesDone++;
        bytesDone += result.bytes;
      }
      progress();
    });
    // findings in file order, exactly as one thread would have listed them
    files.forEach((file, i) => {
      const result = results[i];
      if (file.size > MAX_FILE_BYTES) {
        collector.skippedLarge++;
        filesDone++;
        return;
      }
      if (result === undefined) throw new Error('a scan thread stopped before it had scanned every file');
      if (result.outcome === 'binary') collector.skippedBinary++;
      if (result.outcome !== 'scanned') return;
      collector.filesScanned++;
      collector.bytesScanned += result.bytes;
      const path = displayPath(options.cwd, file.path);
      for (const hit of result.hits) collector.add(hit, path, null);
    });
  } else {
    const yielder = new Yielder();
    // one byte more than the limit, so a file that grew past it since the walk is seen whole
    const scratch = Buffer.allocUnsafeSlow(MAX_FILE_BYTES + 1);
    for (const file of files) {
      await yielder.maybe();
      const content = file.size > MAX_FILE_BYTES ? null : readInto(file.path, scratch);
      filesDone++;
      if (file.size > MAX_FILE_BYTES) collector.skippedLarge++;
      else if (content !== null) {
        bytesDone += content.length;
        if (collector.scan(content, displayPath(options.cwd, file.path), null)) {
          collector.filesScanned++;
          collector.bytesScanned += content.length;
        }
      }
      if (filesDone % 64 === 0) progress();
    }
  }
  progress();

  for (const { top, blobs } of repositories) {
    const places = new Map(blobs.map((place) => [place.blob, place]));
    let sinceReport = 0;
    await readBlobs(
      top,
      blobs.map((place) => place.blob),
      MAX_FILE_BYTES,
      (blob, content) => {
        const place = places.get(blob);
        filesDone++;
        if (content === null) collector.skippedLarge++;
        else if (place) {
          bytesDone += content.length;
          if (collector.scan(content, place.path, place.commit)) {
            collector.blobsScanned++;
            collector.bytesScanned += content.length;
          }
        }
        if (++sinceReport % 256 === 0) progress();
      },
    );
    progress();
  }
  return collector.report(index.tooShort.length);
}

/** What a commit would add: every staged blob of the repository `cwd` is in. */
export async function scanStaged(index: KnownValueIndex, cwd: string): Promise<ScanReport> {
  const top = await workTreeTop(cwd, 'Scanning staged changes');
  const blobs = await stagedBlobs(top);
  const collector = new FindingCollector(index, undefined);
  const places = new Map(blobs.map((place) => [place.blob, place]));
  await readBlobs(top, [...places.keys()], MAX_FILE_BYTES, (blob, content) => {
    const place = places.get(blob);
    if (content === null) collector.skippedLarge++;
    else if (place && collector.scan(content, place.path, null)) {
      collector.filesScanned++;
      collector.bytesScanned += content.length;
    }
  });
  return collector.report(index.tooShort.length);
}
