import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, expectUsageError } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { randomToken, sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

interface FindingJson {
  path: string;
  commit: string | null;
  line: number;
  column: number;
  providerId: string;
  masked: string;
  secret: { name: string; version: number; current: boolean } | null;
}
interface ReportJson {
  findings: FindingJson[];
  summary: { filesScanned: number; skippedBinary: number; blobsScanned: number };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

function gitRepo(root: string): string {
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'Test');
  return root;
}

describe('rekey scan', () => {
  let v: CliVault;
  const values = {
    gh: sampleKeys.github(),
    stripeOld: sampleKeys.stripe(),
    stripe: sampleKeys.stripe(),
    db: `postgres://app:${randomToken(ALNUM, 24)}@db.internal/app`,
    env: sampleKeys.github(),
    binary: sampleKeys.github(),
    historyOnly: `generic-${randomToken(ALNUM, 40)}`,
  };
  const unknownAws = sampleKeys.aws();
  /** Every run's output, to prove no value ever shows. */
  const outputs: string[] = [];

  async function scan(args: readonly string[], cwd: string) {
    const result = await v.run(['scan', ...args], { cwd });
    outputs.push(result.out, result.stderr);
    return result;
  }
  async function scanJson(args: readonly string[], cwd: string): Promise<{ code: number; report: ReportJson }> {
    const result = await scan([...args, '--json'], cwd);
    return { code: result.code, report: JSON.parse(result.out) as ReportJson };
  }

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'stripe'], { stdin: `${values.stripeOld}\n` });
    await v.ok(['rotate', 'stripe'], { stdin: `${values.stripe}\n` });
    for (const name of ['gh', 'db', 'env', 'binary', 'historyOnly'] as const) await v.ok(['add', name], { stdin: `${values[name]}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  describe('files on disk', () => {
    let project: string;
    beforeAll(() => {
      project = join(v.work, 'project');
      write(project, {
        '.gitignore': '.env\n',
        'src/app.ts': `const token = '${values.gh}';\n`,
        'config/legacy.yml': `stripe:\n  key: ${values.stripeOld}\n`,
        'config/db.txt': `url=${values.db}`,
        'deploy/aws.sh': `export AWS_ACCESS_KEY_ID=${unknownAws}\n`,
        'docs/README.md': 'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n',
        'src/split.js': `const key = '${values.stripe.slice(0, 16)}' +\n  '${values.stripe.slice(16)}';\n`,
        '.env': `GITHUB_TOKEN=${values.env}\n`,
        'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(values.binary)]),
        'node_modules/dep/index.js': `module.exports = '${values.gh}';\n`,
      });
    });

    it('finds current and previous vault values and unknown provider keys, masked, with file, line and column; exit 4', async () => {
      const { code, report } = await scanJson([], project);
      expect(code).toBe(4);
      const found = report.findings.map((f) => [f.path, f.line, f.column, f.providerId, f.secret?.name ?? null, f.secret?.current ?? null]);
      expect(found).toEqual([
        ['config/db.txt', 1, 5, 'generic', 'db', true],
        ['config/legacy.yml', 2, 8, 'stripe-secret', 'stripe', false],
        ['deploy/aws.sh', 1, 26, 'aws-access-key-id', null, null],
        ['src/app.ts', 1, 16, 'github-classic', 'gh', true],
      ]);
      const byName = Object.fromEntries(report.findings.map((f) => [f.secret?.name ?? 'unknown', f.masked]));
      expect(byName['gh']).toBe(`ghp_••••••••${values.gh.slice(-4)}`);
      expect(byName['unknown']).toBe(`AKIA••••••••${unknownAws.slice(-4)}`);
    });

    it('prints a table naming the vault key of each finding and a summary', async () => {
      const result = await scan([], project);
      expect(result.code).toBe(4);
      expect(result.out).toMatch(/^WHERE\s+PROVIDER\s+VALUE\s+VAULT KEY$/m);
      expect(result.out).toMatch(/^src\/app\.ts:1:16\s+GitHub \(classic token\)\s+ghp_•+\S{4}\s+gh$/m);
      expect(result.out).toMatch(/^config\/legacy\.yml:2:8\s+.*stripe \(previous value, v1\)$/m);
      expect(result.out).toMatch(/^deploy\/aws\.sh:1:26\s+AWS access key ID\s+AKIA•+\S{4}\s+not in the vault$/m);
      expect(result.out).toMatch(/3 vault values \(3 keys\) and 1 unknown key found\. Scanned \d+ files .*skipped 1 binary\./);
    });

    it('does not find a value split across lines, placeholders, binaries or vendored code', async () => {
      const { report } = await scanJson([], project);
      const paths = report.findings.map((f) => f.path);
      expect(paths).not.toContain('src/split.js');
      expect(paths).not.toContain('docs/README.md');
      expect(paths).not.toContain('assets/logo.png');
      expect(paths.some((path) => path.startsWith('node_modules'))).toBe(false);
      expect(report.summary.skippedBinary).toBe(1);
    });

    it('finds a gitignored .env only with --include-ignored, and vendored code only with --include-vendored', async () => {
      expect((await scanJson([], project)).report.findings.map((f) => f.path)).not.toContain('.env');
      const ignored = await scanJson(['--include-ignored'], project);
      expect(ignored.report.findings.filter((f) => f.path === '.env').map((f) => [f.secret?.name, f.line, f.column])).toEqual([
        ['env', 1, 14],
      ]);
      const vendored = await scanJson(['--include-vendored'], project);
      expect(vendored.report.findings.filter((f) => f.path.startsWith('node_modules')).map((f) => f.secret?.name)).toEqual(['gh']);
    });

    it('scans only the paths given, reported relative to where it runs', async () => {
      const { code, report } = await scanJson(['src', 'deploy/aws.sh'], project);
      expect(code).toBe(4);
      expect(report.findings.map((f) => f.path)).toEqual(['src/app.ts', 'deploy/aws.sh']);
      expect((await scanJson([join(project, 'src')], v.work)).report.findings.map((f) => f.path)).toEqual(['project/src/app.ts']);
    });

    it('exits 0 with a clean summary when nothing is found', async () => {
      const result = await scan(['docs'], project);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^No leaked keys found\. Scanned 1 file /m);
    });

    it('writes SARIF 2.1.0 with one result per finding and its location', async () => {
      const result = await scan(['--sarif'], project);
      expect(result.code).toBe(4);
      const sarif = JSON.parse(result.out) as {
        version: string;
        $schema: string;
        runs: Array<{
          tool: { driver: { name: string; rules: Array<{ id: string }> } };
          results: Array<{
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: Array<{
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
            }>;
          }>;
        }>;
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
      const [run] = sarif.runs;
      expect(run?.tool.driver.name).toBe('rekey');
      expect(run?.results).toHaveLength(4);
      for (const each of run?.results ?? []) expect(run?.tool.driver.rules[each.ruleIndex]?.id).toBe(each.ruleId);
      const app = run?.results.find((each) => each.locations[0]?.physicalLocation.artifactLocation.uri === 'src/app.ts');
      expect(app).toMatchObject({
        ruleId: 'vault-value',
        level: 'error',
        locations: [{ physicalLocation: { region: { startLine: 1, startColumn: 16 } } }],
      });
      expect(app?.message.text).toContain('"gh"');
      expect(run?.results.find((each) => each.ruleId === 'unknown-key/aws-access-key-id')?.level).toBe('warning');
    });

    it('refuses bad paths and conflicting options clearly', async () => {
      const missing = await scan(['no-such-dir'], project);
      expect(expectCleanError(missing)).toBe(`rekey: No such file or folder: ${join(project, 'no-such-dir')}`);
      expectUsageError(await scan(['--json', '--sarif'], project));
      expectUsageError(await scan(['--bogus'], project));
      expectUsageError(await scan(['--install-hook', 'src'], project));
      expect(expectCleanError(await scan(['--history'], project))).toMatch(
        /^rekey: Scanning git history needs a git repository, and .* is not inside one\.$/,
      );
    });
  });

  describe('git history', () => {
    let repo: string;
    let leakCommit: string;
    beforeAll(() => {
      repo = gitRepo(join(v.work, 'history'));
      write(repo, { 'README.md': '# app\n' });
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'start');
      write(repo, { 'settings/local.py': `SECRET = "${values.historyOnly}"\n` });
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'oops');
      leakCommit = git(repo, 'rev-parse', 'HEAD').trim();
      git(repo, 'rm', '-q', 'settings/local.py');
      git(repo, 'commit', '-q', '-m', 'remove the secret');
    });

    it('finds a value that lives only in history, with the commit that added it, only with --history', async () => {
      const plain = await scanJson([], repo);
      expect(plain.code).toBe(0);
      const { code, report } = await scanJson(['--history'], repo);
      expect(code).toBe(4);
      expect(report.findings.map((f) => [f.commit, f.path, f.line, f.column, f.secret?.name])).toEqual([
        [leakCommit, 'settings/local.py', 1, 11, 'historyOnly'],
      ]);
      expect(report.summary.blobsScanned).toBe(2);
      const table = await scan(['--history'], repo);
      expect(table.out).toContain(`${leakCommit.slice(0, 12)}:settings/local.py:1:11`);
    });
  });

  describe('pre-commit hook', () => {
    let repo: string;
    beforeAll(() => {
      repo = gitRepo(join(v.work, 'hooked'));
    });

    function commit(message: string): { status: number | null; stderr: string } {
      const result = spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...v.env } });
      outputs.push(result.stdout, result.stderr);
      return { status: result.status, stderr: result.stderr };
    }

    it('installs an executable hook that runs this rekey on the staged content', async () => {
      const result = await v.run(['scan', '--install-hook'], { cwd: repo });
      expect(result.code).toBe(0);
      expect(result.out).toContain(join(repo, '.git', 'hooks', 'pre-commit'));
      const script = readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8');
      expect(script).toMatch(/^'\/.+node' '\/.+\/bin\/rekey\.js' 'scan' '--staged'$/m);
      expect(execFileSync('stat', ['-c', '%a', join(repo, '.git', 'hooks', 'pre-commit')], { encoding: 'utf8' }).trim()).toBe('755');
      expect((await v.run(['scan', '--install-hook'], { cwd: repo })).out).toMatch(/^Updated the pre-commit hook/);
    });

    it('blocks a commit that adds a vault value, naming the key masked', () => {
      write(repo, { 'app.env': `STRIPE_KEY=${values.stripe}\n` });
      git(repo, 'add', 'app.env');
      const blocked = commit('add stripe');
      expect(blocked.status).not.toBe(0);
      expect(blocked.stderr).toContain('this commit would add a value from your vault');
      expect(blocked.stderr).toMatch(new RegExp(`app\\.env:1:12\\s+stripe\\s+sk_live_•+${values.stripe.slice(-4)}`));
      expect(spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: repo }).status).not.toBe(0);
    });

    it('blocks on the staged content even when the working copy was cleaned afterwards', () => {
      write(repo, { 'app.env': 'STRIPE_KEY=\n' });
      expect(commit('still staged').status).not.toBe(0);
    });

    it('lets a clean commit through, with only a warning for an unknown key', () => {
      git(repo, 'add', 'app.env');
      write(repo, { 'infra.sh': `AWS_ACCESS_KEY_ID=${unknownAws}\n` });
      git(repo, 'add', 'infra.sh');
      const clean = commit('clean');
      expect(clean.status).toBe(0);
      expect(clean.stderr).toMatch(/warning: infra\.sh:1:19 holds a key that is not in your vault: AWS access key ID AKIA•+\S{4}$/m);
      expect(git(repo, 'log', '--format=%s')).toBe('clean\n');
    });

    it('stops the commit, and says how to skip the check, when the scan cannot run', () => {
      write(repo, { 'notes.txt': 'fine\n' });
      git(repo, 'add', 'notes.txt');
      const result = spawnSync('git', ['commit', '-q', '-m', 'no vault'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, ...v.env, REKEY_HOME: join(v.work, 'no-vault-here') },
      });
      outputs.push(result.stdout, result.stderr);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/^rekey: No vault at .*no-vault-here/m);
      expect(result.stderr).toContain('git commit --no-verify skips the check once');
      git(repo, 'reset', '-q');
    });

    it('leaves a hook it did not write alone, and says so', async () => {
      const other = gitRepo(join(v.work, 'foreign'));
      write(other, { '.git/hooks/pre-commit': '#!/bin/sh\nexec lint-staged\n' });
      const result = await v.run(['scan', '--install-hook'], { cwd: other });
      expect(expectCleanError(result)).toMatch(
        /pre-commit already exists and Rekey did not write it, so it was left alone\. To run both, add this line to it: '.+' 'scan' '--staged'$/,
      );
      expect(readFileSync(join(other, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexec lint-staged\n');
    });

    it('refuses outside a git repository', async () => {
      expect(expectCleanError(await v.run(['scan', '--install-hook'], { cwd: v.work }))).toMatch(
        /Installing the pre-commit hook needs a git repository/,
      );
    });
  });

  it('scans a large tree on worker threads with exactly the findings of one thread', async () => {
    const big = join(v.work, 'big');
    const filler = 'export const value = compute(request.body, options.timeout); // data key default sha512\n'.repeat(1200);
    const planted: string[] = [];
    for (let i = 0; i < 90; i++) {
      const extra = i % 9 === 0 ? `const k = '${i % 2 === 0 ? values.gh : unknownAws}';\n` : '';
      if (extra !== '') planted.push(`dir-${i % 7}/file-${i}.ts`);
      write(big, { [`dir-${i % 7}/file-${i}.ts`]: `${filler}${extra}${filler}` });
    }
    write(big, { 'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(values.gh)]) });
    const one = await v.run(['scan', '--json'], { cwd: big, env: { REKEY_SCAN_THREADS: '1' } });
    const three = await v.run(['scan', '--json'], { cwd: big, env: { REKEY_SCAN_THREADS: '3' } });
    outputs.push(one.out, one.stderr, three.out, three.stderr);
    expect([one.code, three.code]).toEqual([4, 4]);
    const report = JSON.parse(three.out) as ReportJson;
    expect(report.summary.filesScanned).toBe(90);
    expect(report.summary.skippedBinary).toBe(1);
    expect(report.findings.map((f) => f.path).sort()).toEqual(planted.sort());
    expect(three.out).toBe(one.out);
  });

  it('never prints a value, in any output', () => {
    expect(outputs.length).toBeGreaterThan(20);
    const all = outputs.join('\n');
    for (const value of [...Object.values(values), unknownAws]) {
      expect(all).not.toContain(value);
      expect(all).not.toContain(value.slice(4, 20));
    }
  });
});
