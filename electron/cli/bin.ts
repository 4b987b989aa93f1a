import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { KeytarKeyStore, keychainService, scanning, systemClock } from '../core/index.js';
import { main } from './rekey.js';

// `rekey scan` starts this same file on worker threads to scan files in parallel
if (!isMainThread && parentPort !== null && scanning.isScanWorkerData(workerData)) {
  scanning.serveScanWorker(parentPort, workerData);
} else {
  // `rekey list | head` closes the pipe early; that is not an error worth a stack trace
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  process.exitCode = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    keyStore: new KeytarKeyStore(keychainService(process.env)),
    clock: systemClock,
    launcher: process.argv[1] === undefined ? undefined : [process.execPath, realpathSync(process.argv[1])],
    // REKEY_SCAN_THREADS pins the count (1 = no worker threads)
    scanThreads: { script: new URL(import.meta.url), count: Number(process.env['REKEY_SCAN_THREADS']) || Math.min(availableParallelism(), 4) },
  });
}
