import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitExposureWarning } from '../../../electron/core/dotenv/index.js';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let folder: string;
const ceiling = process.env['GIT_CEILING_DIRECTORIES'];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rekey-git-'));
  // Keeps git from finding a repository that happens to enclose the temp folder.
  process.env['GIT_CEILING_DIRECTORIES'] = tmpdir();
});

afterEach(async () => {
  if (ceiling === undefined) delete process.env['GIT_CEILING_DIRECTORIES'];
  else process.env['GIT_CEILING_DIRECTORIES'] = ceiling;
  await rm(folder, { recursive: true, force: true });
});

describe.runIf(hasGit())('gitExposureWarning', () => {
  function gitInit(where: string): void {
    execFileSync('git', ['init', '--quiet', where], { stdio: 'ignore' });
  }

  it('warns about a file git would pick up, naming it and .gitignore', async () => {
    gitInit(folder);
    const target = join(folder, '.env');
    const warning = await gitExposureWarning(target);
    expect(warning).not.toBeNull();
    expect(warning).toContain(target);
    expect(warning).toContain('add .env to .gitignore');
  });

  it('warns for a file in a sub-folder of the work tree', async () => {
    gitInit(folder);
    await mkdir(join(folder, 'config'));
    expect(await gitExposureWarning(join(folder, 'config', 'prod.env'))).toContain('prod.env');
  });

  it('says nothing when .gitignore covers the file', async () => {
    gitInit(folder);
    await writeFile(join(folder, '.gitignore'), '.env\n*.secrets\n');
    expect(await gitExposureWarning(join(folder, '.env'))).toBeNull();
    expect(await gitExposureWarning(join(folder, 'prod.secrets'))).toBeNull();
    expect(await gitExposureWarning(join(folder, 'other.env'))).not.toBeNull();
  });

  it('says nothing when git cannot be run', async () => {
    gitInit(folder);
    const path = process.env['PATH'];
    process.env['PATH'] = join(folder, 'no-binaries-here');
    try {
      expect(await gitExposureWarning(join(folder, '.env'))).toBeNull();
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('says nothing outside a repository or when the folder does not exist', async () => {
    expect(await gitExposureWarning(join(folder, '.env'))).toBeNull();
    expect(await gitExposureWarning(join(folder, 'no', 'such', '.env'))).toBeNull();
  });
});
