import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkFiles } from '../../../electron/core/scan/walk-files.js';
import { tempDir } from '../../support/temp-vault.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanup) remove();
  cleanup = [];
});

function tree(files: Record<string, string>): string {
  const dir = tempDir('rekey-walk-');
  cleanup.push(dir.remove);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir.path, path, '..'), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  return dir.path;
}

async function walked(root: string, options = {}): Promise<string[]> {
  const paths: string[] = [];
  for await (const file of walkFiles(root, options)) paths.push(relative(root, file.path));
  return paths.sort();
}

describe('walkFiles', () => {
  it('honours .gitignore at every level, never enters .git, and skips vendored folders', async () => {
    const root = tree({
      '.gitignore': '.env\n/build/\n*.log\n',
      '.env': 'x',
      '.git/config': 'x',
      'build/out.js': 'x',
      'app.log': 'x',
      'src/index.ts': 'x',
      'src/.gitignore': 'generated/\n!keep.log\n',
      'src/generated/g.ts': 'x',
      'src/keep.log': 'x',
      'node_modules/pkg/index.js': 'x',
      'vendor/lib.go': 'x',
      'third_party/x.c': 'x',
      'bower_components/y.js': 'x',
    });
    expect(await walked(root)).toEqual(['.gitignore', 'src/.gitignore', 'src/index.ts', 'src/keep.log']);
  });

  it('walks ignored files only with includeIgnored, and vendored folders only with includeVendored', async () => {
    const root = tree({ '.gitignore': '.env\n', '.env': 'x', 'node_modules/p/i.js': 'x', 'a.ts': 'x' });
    expect(await walked(root, { includeIgnored: true })).toEqual(['.env', '.gitignore', 'a.ts']);
    expect(await walked(root, { includeVendored: true })).toEqual(['.gitignore', 'a.ts', 'node_modules/p/i.js']);
  });

  it('applies the .gitignore files above a subfolder of a work tree', async () => {
    const root = tree({ '.git/HEAD': 'x', '.gitignore': 'secret.txt\n', 'sub/secret.txt': 'x', 'sub/ok.txt': 'x' });
    const paths: string[] = [];
    for await (const file of walkFiles(join(root, 'sub'))) paths.push(relative(root, file.path));
    expect(paths).toEqual(['sub/ok.txt']);
  });

  it('does not follow symlinks, and walks a file named directly even when ignored', async () => {
    const root = tree({ '.gitignore': '.env\n', '.env': 'x', 'real/a.txt': 'x' });
    symlinkSync(join(root, 'real'), join(root, 'link'));
    expect(await walked(root)).toEqual(['.gitignore', 'real/a.txt']);
    const named: string[] = [];
    for await (const file of walkFiles(join(root, '.env'))) named.push(file.path);
    expect(named).toEqual([join(root, '.env')]);
  });

  it('names a missing path in a clear error', async () => {
    const root = tree({});
    await expect(walked(join(root, 'nope'))).rejects.toThrow(`No such file or folder: ${join(root, 'nope')}`);
  });
});
