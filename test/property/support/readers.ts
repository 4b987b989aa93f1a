import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's interpreter, where the python3-dotenv package is installed. */
export const PYTHON = '/usr/bin/python3';

/** One folder per test file; every generated batch writes its files here. */
export function scratchFolder(prefix: string): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Sources `file` the way a user would (`set -a; . FILE`) and returns each named variable's bytes.
 * NUL-separated because NUL is the one byte no value can contain.
 */
export function readWithBash(file: string, names: readonly string[]): Buffer[] {
  const script = 'set -a; . "$1" || exit 97; shift; for name in "$@"; do printf "%s\\0" "${!name}"; done';
  const result = spawnSync('/bin/bash', ['-c', script, 'bash', file, ...names], {
    // LC_ALL=C: bash must not reinterpret bytes by locale. A fixed PATH: with a long inherited
    // one (pyenv shims, node_modules/.bin) each `.` took ~90 ms instead of ~3.
    env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' },
  });
  if (result.status !== 0) throw new Error(`bash exited ${String(result.status)}: ${result.stderr.toString()}`);
  const parts: Buffer[] = [];
  let start = 0;
  for (let index = result.stdout.indexOf(0); index !== -1; index = result.stdout.indexOf(0, start)) {
    parts.push(result.stdout.subarray(start, index));
    start = index + 1;
  }
  return parts;
}

const PYTHON_READER = `
import json, sys
from dotenv import dotenv_values
# dotenv_values(path) opens the file itself, with universal newlines, exactly as load_dotenv does.
print(json.dumps([dotenv_values(path) for path in sys.argv[1:]]))
`;

/** python-dotenv's view of each file, with its defaults (interpolation on), in one process. */
export function readWithPythonDotenv(files: readonly string[]): Array<Record<string, string | null>> {
  const result = spawnSync(PYTHON, ['-c', PYTHON_READER, ...files], {
    // A known variable, so a value python-dotenv wrongly interpolates changes visibly.
    env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8', REKEY_PROBE: 'probe' },
  });
  if (result.status !== 0) throw new Error(`python exited ${String(result.status)}: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString('utf8')) as Array<Record<string, string | null>>;
}
