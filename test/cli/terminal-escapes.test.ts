import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, type RekeyResult, createCliVault } from '../support/cli-runner.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';
import { sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

/** Anything a terminal would act on: C0 but the line feed, DEL, C1 (as characters, i.e. UTF-8 C2 80–C2 9F). */
// eslint-disable-next-line no-control-regex -- the assertion is about control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function expectNothingRaw(result: RekeyResult, what: string): void {
  expect(RAW_CONTROL.test(result.out), `${what}: stdout ${JSON.stringify(result.out)}`).toBe(false);
  expect(RAW_CONTROL.test(result.stderr), `${what}: stderr ${JSON.stringify(result.stderr)}`).toBe(false);
  // and no raw 0x9b byte either (a name that is not UTF-8)
  expect(result.stdout.includes(0x9b), `${what}: raw 0x9b byte`).toBe(false);
}

describe('names the CLI did not choose never reach the terminal raw', () => {
  let v: CliVault;
  const leaked = sampleKeys.github();
  const osc = 'a\x1b]0;pwned\x07.env';
  const csi = 'b\u009b2J.env';
  const newline = 'c\nFAKE: all clear.env';

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'gh', '--project', 'web', '--notes', 'rotate via\x1b[2J\nFAKE line \u009b31m red'], { stdin: `${leaked}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('scan: hostile file names (OSC, 8-bit CSI, newline) are escaped in the table, in JSON and in SARIF', async () => {
    const dir = join(v.work, 'scanned');
    mkdirSync(dir);
    for (const name of [osc, csi, newline]) writeFileSync(join(dir, name), `TOKEN=${leaked}\n`);
    // a name that is not UTF-8 at all, with a bare 0x9b byte
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([0x9b]), Buffer.from('x.env')]), `TOKEN=${leaked}\n`);

    const plain = await v.run(['scan', dir]);
    expect(plain.code).toBe(4);
    expectNothingRaw(plain, 'scan');
    expect(plain.out).toContain('a\\x1b]0;pwned\\x07.env');
    expect(plain.out).toContain('b\\u009b2J.env');
    expect(plain.out).toContain('c\\nFAKE: all clear.env');
    expect(plain.out.split('\n').filter((line) => line.startsWith('FAKE'))).toEqual([]);

    const asJson = await v.run(['scan', dir, '--json']);
    expectNothingRaw(asJson, 'scan --json');
    const paths = (JSON.parse(asJson.out) as { findings: Array<{ path: string }> }).findings.map((finding) => finding.path);
    for (const name of [osc, csi, newline]) expect(paths.some((path) => path.endsWith(name))).toBe(true);

    expectNothingRaw(await v.run(['scan', dir, '--sarif']), 'scan --sarif');
  });

  it('scan --staged: a hostile staged file name is escaped on stderr', async () => {
    const repo = join(v.work, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, osc), `TOKEN=${leaked}\n`);
    writeFileSync(join(repo, csi), `TOKEN=${sampleKeys.aws()}\n`);
    git('add', '-A');
    const result = await v.run(['scan', '--staged'], { cwd: repo });
    expect(result.code).toBe(4);
    expectNothingRaw(result, 'scan --staged');
    expect(result.stderr).toContain('a\\x1b]0;pwned\\x07.env');
  });

  it('notes: show, list and JSON escape them; the text still reads back through JSON', async () => {
    const shown = await v.ok(['show', 'gh']);
    expectNothingRaw(shown, 'show');
    expect(shown.out).toContain('rotate via\\x1b[2J\\nFAKE line \\u009b31m red');
    expect(shown.out.split('\n').some((line) => line.startsWith('FAKE'))).toBe(false);
    const asJson = await v.ok(['show', 'gh', '--json']);
    expectNothingRaw(asJson, 'show --json');
    expect((JSON.parse(asJson.out) as { notes: string }).notes).toBe('rotate via\x1b[2J\nFAKE line \u009b31m red');
    expectNothingRaw(await v.ok(['list']), 'list');
    expectNothingRaw(await v.ok(['list', '--json']), 'list --json');
  });

  it('key names, projects and commands typed by the user come back escaped in errors', async () => {
    for (const args of [
      ['get', 'x\x1b]0;pwned\x07'],
      ['add', 'bad\u009bname'],
      ['list', '--project', 'p\x1b[2J'],
      ['run', '--project', 'p\x1b[2J', '--', 'true'],
      ['\x1b]0;cmd\x07'],
      ['export', '--format', 'x\x1b[31m'],
    ]) {
      const result = await v.run(args, { stdin: `${sampleKeys.generic()}\n` });
      expectNothingRaw(result, args.join(' '));
    }
  });

  it('import: a hostile file path is escaped in the preview, the result and the error for a missing file', async () => {
    const dir = join(v.work, 'imp\x1b]0;pwned\x07');
    mkdirSync(dir);
    const file = join(dir, 'x\u009b.env');
    writeFileSync(file, `FRESH_TOKEN=${sampleKeys.generic()}\nnot a line\n`);
    const imported = await v.ok(['import', file, '--project', 'imp']);
    expectNothingRaw(imported, 'import');
    expect(imported.out).toContain('imp\\x1b]0;pwned\\x07');
    const missing = await v.run(['import', join(dir, 'gone\x1b[2J.env')]);
    expect(missing.code).toBe(1);
    expectNothingRaw(missing, 'import of a missing file');
  });

  it('export -o and the audit entry it leaves: the hostile destination is escaped', async () => {
    const dir = join(v.work, 'exp\x1b]0;pwned\x07');
    mkdirSync(dir);
    const exported = await v.run(['export', '--project', 'web', '-o', join(dir, 'out\u009b2J.env')]);
    expect(exported.code).toBe(0);
    expectNothingRaw(exported, 'export -o');
    const audit = await v.ok(['audit']);
    expect(audit.out).toContain('exp\\x1b]0;pwned\\x07');
    expectNothingRaw(audit, 'audit');
    expectNothingRaw(await v.ok(['audit', '--json']), 'audit --json');
  });
});
