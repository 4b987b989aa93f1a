import { realpathSync } from 'node:fs';
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
});
process.exitCode = exitCode;
