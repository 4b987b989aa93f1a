/**
 * The process the crash harness kills. It opens a real vault (real SQLite file, vault key in the
 * private gnome-keyring) and changes it in a loop. Before each operation it prints `B <json>`
 * (what it is about to do); after the operation has committed it prints `A` (acknowledged).
 * stdout is a pipe, which Node writes synchronously on Linux, so an `A` the parent has read
 * is a commit that happened. Values are random test strings, never real keys.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { KeytarKeyStore, Vault, applyImport, dotenv, planImport } from '../../../electron/core/index.js';

export type CrashOp =
  | { op: 'add'; names: string[]; values: string[] }
  | { op: 'import'; names: string[]; values: string[] }
  | { op: 'rotate'; name: string; value: string }
  | { op: 'edit'; name: string; notes: string }
  | { op: 'delete'; name: string };

const home = process.env['REKEY_HOME'] as string;
const service = process.env['REKEY_KEYCHAIN_SERVICE'] as string;
const life = process.env['CRASH_LIFE'] ?? '0';

const token = (bytes = 18) => randomBytes(bytes).toString('base64url');
const say = (line: string) => process.stdout.write(`${line}\n`);

const vault = await Vault.open({ home, keyStore: new KeytarKeyStore(service) });
say('ready');

let counter = 0;
for (;;) {
  const names = vault.list().map((secret) => secret.name);
  const pick = () => names[randomInt(names.length)] as string;
  const roll = Math.random();
  let op: CrashOp;
  if (names.length < 5 || roll < 0.25) {
    op = { op: 'add', names: [`s${life}-${counter++}`], values: [`val-${token()}`] };
  } else if (roll < 0.35) {
    const envVars = [0, 1, 2].map(() => `IMP_${life}_${counter++}`);
    op = { op: 'import', names: envVars.map((envVar) => `imp/${envVar}`), values: envVars.map(() => `imp-${token()}`) };
  } else if (roll < 0.6) {
    op = { op: 'rotate', name: pick(), value: `rot-${token()}` };
  } else if (roll < 0.8) {
    op = { op: 'edit', name: pick(), notes: `note ${token(6)}` };
  } else if (names.length > 8) {
    op = { op: 'delete', name: pick() };
  } else {
    continue;
  }
  say(`B ${JSON.stringify(op)}`);
  switch (op.op) {
    case 'add':
      vault.add({ name: op.names[0] as string }, op.values[0] as string);
      break;
    case 'import': {
      const text = op.names.map((name, index) => `${name.slice('imp/'.length)}=${op.values[index]}`).join('\n');
      const plan = planImport(vault, dotenv.parseEnvFile(Buffer.from(text), 'crash.env'), 'crash.env', 'imp');
      applyImport(vault, plan);
      break;
    }
    case 'rotate':
      vault.rotate(op.name, op.value);
      break;
    case 'edit':
      vault.edit(op.name, { notes: op.notes });
      break;
    case 'delete':
      vault.remove(op.name);
      break;
  }
  say('A');
}
