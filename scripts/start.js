// `npm start`: run the desktop app from the fresh build (npm start builds first).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

let electronBinary;
try {
  // the electron package exports the path of the binary it downloaded at install time
  electronBinary = createRequire(import.meta.url)('electron');
} catch {
  electronBinary = undefined;
}

if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error(
    'rekey: the Electron binary is not installed (was npm install run with ELECTRON_SKIP_BINARY_DOWNLOAD=1?).\n' +
      'Reinstall without it to run the window: rm -rf node_modules/electron && npm install\n' +
      'The command line works without it: npx rekey help',
  );
  process.exit(1);
}

const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
