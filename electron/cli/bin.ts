import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { KeytarKeyStore, keychainService, systemClock } from '../core/index.js';
import { main } from './rekey.js';

// `rekey list | head` closes the pipe early; that is not an error worth a stack trace
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  keyStore: new KeytarKeyStore(keychainService(process.env)),
  clock: systemClock,
  launcher: process.argv[1] === undefined ? undefined : [process.execPath, realpathSync(process.argv[1])],
  // large scans run on worker threads (scripts/build.js bundles scan-worker.js next to this file);
  // REKEY_SCAN_THREADS pins the count (1 = none)
  scanThreads: {
    script: new URL('./scan-worker.js', import.meta.url),
    count: Number(process.env['REKEY_SCAN_THREADS']) || Math.min(availableParallelism(), 4),
  },
});
process.exitCode = exitCode;
