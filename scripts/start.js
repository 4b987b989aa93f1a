// `npm start` until the desktop window lands (issue 3): build the CLI and show how to use it.
import { spawnSync } from 'node:child_process';

console.log('Rekey is built. The desktop window is not part of this version yet; the `rekey` command is.');
console.log('Run it as `npx rekey <command>` from this folder (or `npm link` to put `rekey` on your PATH).\n');
const help = spawnSync(process.execPath, ['bin/rekey.js', 'help'], { stdio: 'inherit' });
process.exit(help.status === 0 || help.status === 2 ? 0 : 1);
