/**
 * The CLI side of the concurrency harness: a separate process that runs the `rekey` command's
 * own entry point (electron/cli/rekey.ts main) once per operation, each run opening the vault,
 * reading its key from the keychain and closing it, exactly as `rekey …` does from a shell.
 * Prints `A <json>` after each run that exited 0, `E <json>` with the exit code and stderr
 * otherwise. Running main in a loop instead of spawning 1,000 Node processes keeps the test
 * minutes shorter; the harness also spawns the real binary alongside.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { main } from '../../../electron/cli/rekey.js';
import { KeytarKeyStore, systemClock } from '../../../electron/core/index.js';

const OPS = Number(process.env['CONCURRENT_OPS'] ?? 1000);
const keyStore = new KeytarKeyStore(process.env['REKEY_KEYCHAIN_SERVICE'] as string);
const token = () => randomBytes(18).toString('base64url');

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function rekey(argv: string[], stdin = ''): Promise<{ code: number; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(argv, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: process.env,
    cwd: process.cwd(),
    keyStore,
    clock: systemClock,
  });
  return { code, stderr: stderr.text() };
}

const live: string[] = [];
let counter = 0;
for (let i = 0; i < OPS; i++) {
  const roll = Math.random();
  let op: { op: string; name: string; value?: string; notes?: string };
  let argv: string[];
  let stdin = '';
  if (live.length < 5 || roll < 0.4) {
    op = { op: 'add', name: `cli-${counter++}`, value: `cli-${token()}` };
    argv = ['add', op.name];
    stdin = `${op.value}\n`;
  } else if (roll < 0.7) {
    op = { op: 'rotate', name: live[randomInt(live.length)] as string, value: `cli-rot-${token()}` };
    argv = ['rotate', op.name];
    stdin = `${op.value}\n`;
  } else if (roll < 0.9) {
    op = { op: 'edit', name: live[randomInt(live.length)] as string, notes: `cli note ${token()}` };
    argv = ['edit', op.name, '--notes', op.notes as string];
  } else {
    op = { op: 'delete', name: live.splice(randomInt(live.length), 1)[0] as string };
    argv = ['rm', op.name, '--yes'];
  }
  const result = await rekey(argv, stdin);
  if (result.code === 0) {
    if (op.op === 'add') live.push(op.name);
    process.stdout.write(`A ${JSON.stringify(op)}\n`);
  } else {
    if (op.op === 'delete') live.push(op.name);
    process.stdout.write(`E ${JSON.stringify({ ...op, code: result.code, stderr: result.stderr })}\n`);
  }
}
