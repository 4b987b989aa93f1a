import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliVault, createCliVault, expectCleanError, expectUsageError } from '../support/cli-runner.js';
import { realKeyStore, requirePrivateKeyring } from '../support/real-keychain.js';
import { randomToken, sampleKeys } from '../support/sample-keys.js';

// Fails loudly, rather than skipping, outside test/scripts/with-private-keyring.sh.
requirePrivateKeyring();

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const DAY_MS = 86_400_000;
const BULLETS = '••••••••';

/** YYYY-MM-DD for today + offset, in local time as `--rotated-at` reads it. */
function localDay(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface SecretJson {
  [key: string]: unknown;
  name: string;
  envVar: string;
  provider: string;
  project: string;
  masked: string;
  createdAt: string;
  rotatedAt: string;
  rotateEveryDays: number;
  dueAt: string;
  status: string;
  version: number;
  exposedAt: string | null;
}

async function listJson(v: CliVault, ...filters: string[]): Promise<SecretJson[]> {
  const result = await v.ok(['list', '--json', ...filters]);
  return JSON.parse(result.out) as SecretJson[];
}

async function showJson(v: CliVault, name: string): Promise<SecretJson> {
  const result = await v.ok(['show', name, '--json']);
  return JSON.parse(result.out) as SecretJson;
}

async function getBytes(v: CliVault, name: string): Promise<Buffer> {
  const result = await v.ok(['get', name]);
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('a new user: init, add, list, show, get', () => {
  let v: CliVault;
  const gh = sampleKeys.github();
  const stripe = sampleKeys.stripe();
  const pem = `-----BEGIN PRIVATE KEY-----\n${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64)}\n${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 40)}==\n-----END PRIVATE KEY-----\n`;

  beforeAll(async () => {
    v = await createCliVault({ init: false });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('says to run `rekey init` when there is no vault yet', async () => {
    const line = expectCleanError(await v.run(['list']));
    expect(line).toContain('rekey init');
  });

  it('init creates the vault with exactly its key in the keychain; a second init is refused and changes nothing', async () => {
    const first = await v.ok(['init']);
    expect(first.out).toContain(v.home);
    const vaultId = v.vaultId();
    expect(vaultId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await realKeyStore(v.service).get(`vault-key:${vaultId}`);
    expect(stored).not.toBeNull();
    expect(Buffer.from(stored as string, 'base64')).toHaveLength(32);

    const line = expectCleanError(await v.run(['init']));
    expect(line).toMatch(/already/i);
    expect(v.vaultId()).toBe(vaultId);
    expect(await realKeyStore(v.service).get(`vault-key:${vaultId}`)).toBe(stored);
  });

  it('add reads the value from stdin, detects the provider and only ever shows it masked', async () => {
    const added = await v.ok(['add', 'gh', '--project', 'web'], { stdin: `${gh}\n` });
    expect(added.out).toContain('GitHub');
    expect(added.out).toContain('GITHUB_TOKEN');
    expect(added.out).toContain(`ghp_${BULLETS}${gh.slice(-4)}`);
    expect(added.out).not.toContain(gh.slice(4, -4));
    expect(added.stderr).not.toContain(gh.slice(4, -4));
    const shown = await showJson(v, 'gh');
    expect(shown).toMatchObject({ name: 'gh', provider: 'github-classic', envVar: 'GITHUB_TOKEN', project: 'web', version: 1 });
  });

  it('drops the one trailing newline of a single line: get prints exactly the value, nothing else', async () => {
    const bytes = await getBytes(v, 'gh');
    expect(bytes.equals(Buffer.from(gh))).toBe(true);
  });

  it('keeps a multi-line PEM byte for byte, final newline included', async () => {
    await v.ok(['add', 'pem', '--env', 'TLS_KEY'], { stdin: pem });
    const bytes = await getBytes(v, 'pem');
    expect(bytes.toString('hex')).toBe(Buffer.from(pem).toString('hex'));
    expect(bytes.at(-1)).toBe(0x0a);
  });

  it('keeps spaces, unicode and a value given without any newline exactly', async () => {
    const spaced = `  spacé ünïcode ✓ ${randomToken('abcdef0123456789', 12)}  `;
    await v.ok(['add', 'spaced'], { stdin: `${spaced}\n` });
    expect((await getBytes(v, 'spaced')).equals(Buffer.from(spaced))).toBe(true);
    const bare = `bare-${randomToken('abcdef0123456789', 20)}`;
    await v.ok(['add', 'bare'], { stdin: bare });
    expect((await getBytes(v, 'bare')).equals(Buffer.from(bare))).toBe(true);
  });

  it('stores every metadata option of add', async () => {
    await v.ok(
      [
        'add',
        'stripe',
        '--env',
        'STRIPE_SECRET_KEY',
        '--project',
        'web',
        '--provider',
        'stripe-secret',
        '--rotate-every',
        '30',
        '--rotated-at',
        localDay(-10),
        '--notes',
        'billing only',
      ],
      { stdin: `${stripe}\n` },
    );
    const shown = await showJson(v, 'stripe');
    expect(shown).toMatchObject({
      envVar: 'STRIPE_SECRET_KEY',
      project: 'web',
      provider: 'stripe-secret',
      rotateEveryDays: 30,
      notes: 'billing only',
    });
    expect(Date.parse(shown.dueAt) - Date.parse(shown.rotatedAt)).toBe(30 * DAY_MS);
    expect(Math.round((Date.now() - Date.parse(shown.rotatedAt)) / DAY_MS)).toBeGreaterThanOrEqual(9);
  });

  it('refuses an empty value, and a second secret under a taken name, storing nothing', async () => {
    expectCleanError(await v.run(['add', 'empty'], { stdin: '' }));
    expectCleanError(await v.run(['add', 'empty'], { stdin: '\n' }));
    const line = expectCleanError(await v.run(['add', 'gh'], { stdin: `${sampleKeys.github()}\n` }));
    expect(line).toContain('gh');
    expect((await getBytes(v, 'gh')).toString()).toBe(gh);
    expect((await listJson(v)).map((s) => s.name).sort()).toEqual(['bare', 'gh', 'pem', 'spaced', 'stripe']);
  });

  it('list prints a table of every secret, masked, with no value in it', async () => {
    const result = await v.ok(['list']);
    const [header, ...rows] = result.out.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s.*STATUS/);
    expect(rows).toHaveLength(5);
    for (const name of ['gh', 'pem', 'spaced', 'bare', 'stripe']) expect(result.out).toMatch(new RegExp(`^${name}\\s`, 'm'));
    expect(result.out).toContain(`ghp_${BULLETS}${gh.slice(-4)}`);
    for (const value of [gh, stripe, pem]) expect(result.out).not.toContain(value.slice(0, 16));
    expect(result.out).not.toContain(pem.split('\n')[1]);
  });

  it('list --json has stable camelCase fields and ISO 8601 dates', async () => {
    const secrets = await listJson(v);
    expect(secrets).toHaveLength(5);
    for (const secret of secrets) {
      for (const key of [
        'name',
        'envVar',
        'provider',
        'project',
        'masked',
        'createdAt',
        'rotatedAt',
        'rotateEveryDays',
        'dueAt',
        'status',
        'version',
      ]) {
        expect(secret, `${secret.name} lacks ${key}`).toHaveProperty(key);
      }
      for (const key of Object.keys(secret)) expect(key).toMatch(CAMEL);
      for (const key of ['createdAt', 'rotatedAt', 'dueAt']) expect(secret[key]).toMatch(ISO);
      expect(typeof secret.rotateEveryDays).toBe('number');
      expect(typeof secret.version).toBe('number');
      expect(['ok', 'due-soon', 'overdue', 'exposed']).toContain(secret.status);
    }
    const json = JSON.stringify(secrets);
    for (const value of [gh, stripe]) expect(json).not.toContain(value.slice(4, -4));
  });

  it('list --project and --status filter; a bad --status is a usage error', async () => {
    expect((await listJson(v, '--project', 'web')).map((s) => s.name).sort()).toEqual(['gh', 'stripe']);
    expect(await listJson(v, '--project', 'nowhere')).toEqual([]);
    await v.ok(['add', 'ancient', '--rotated-at', '2020-01-01'], { stdin: 'ancient-value-0123456789\n' });
    const overdue = await listJson(v, '--status', 'overdue');
    expect(overdue.map((s) => s.name)).toEqual(['ancient']);
    expect(overdue[0]?.rotatedAt.slice(0, 7)).toMatch(/^20(19-12|20-01)/);
    expect((await listJson(v, '--status', 'ok')).map((s) => s.name)).not.toContain('ancient');
    expectUsageError(await v.run(['list', '--status', 'bogus']));
    await v.ok(['rm', 'ancient']);
  });

  it('show prints the metadata with the value masked; --json the same fields', async () => {
    const result = await v.ok(['show', 'gh']);
    expect(result.out).toMatch(/Name\s+gh/);
    expect(result.out).toContain(`ghp_${BULLETS}${gh.slice(-4)}`);
    expect(result.out).toContain('GITHUB_TOKEN');
    expect(result.out).not.toContain(gh.slice(4, -4));
    const shown = await showJson(v, 'gh');
    expect(shown.createdAt).toMatch(ISO);
    expect(shown.masked).toBe(`ghp_${BULLETS}${gh.slice(-4)}`);
  });
});

describe('rotate, history, undo-rotate, edit, expose, rm', () => {
  let v: CliVault;
  const first = sampleKeys.generic();
  const second = sampleKeys.generic();

  beforeAll(async () => {
    v = await createCliVault();
    await v.ok(['add', 'rot', '--rotated-at', localDay(-40)], { stdin: `${first}\n` });
  });
  afterAll(async () => {
    await v.cleanup();
  });

  it('rotate stores a new version read from stdin and get returns it', async () => {
    const before = await showJson(v, 'rot');
    const rotated = await v.ok(['rotate', 'rot'], { stdin: `${second}\n` });
    expect(rotated.out).toMatch(/version 2/);
    expect(rotated.out).not.toContain(second.slice(0, -4));
    expect((await getBytes(v, 'rot')).toString()).toBe(second);
    const after = await showJson(v, 'rot');
    expect(after.version).toBe(2);
    expect(Date.parse(after.rotatedAt)).toBeGreaterThan(Date.parse(before.rotatedAt) + 30 * DAY_MS);
  });

  it('history lists both versions masked, newest first', async () => {
    const table = await v.ok(['history', 'rot']);
    expect(table.out).toMatch(/^VERSION/);
    expect(table.out).toMatch(/^2\s.*current/m);
    expect(table.out).toMatch(/^1\s/m);
    expect(table.out).toContain(`${BULLETS}${second.slice(-4)}`);
    expect(table.out).toContain(`${BULLETS}${first.slice(-4)}`);
    for (const value of [first, second]) expect(table.out).not.toContain(value.slice(0, -4));
    const json = await v.ok(['history', 'rot', '--json']);
    const parsed = JSON.parse(json.out) as {
      versions: Array<{ version: number; current: boolean; masked: string; retiredAt: string | null }>;
    };
    expect(parsed.versions.map((x) => [x.version, x.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(parsed.versions[1]?.retiredAt).toMatch(ISO);
    for (const value of [first, second]) expect(json.out).not.toContain(value.slice(0, -4));
  });

  it('undo-rotate brings back the previous value; a second undo has nothing to undo', async () => {
    await v.ok(['undo-rotate', 'rot']);
    expect((await getBytes(v, 'rot')).toString()).toBe(first);
    expect((await showJson(v, 'rot')).version).toBe(1);
    const history = JSON.parse((await v.ok(['history', 'rot', '--json'])).out) as { versions: unknown[] };
    expect(history.versions).toHaveLength(1);
    expectCleanError(await v.run(['undo-rotate', 'rot']));
  });

  it('edit renames, changes the env var and the interval', async () => {
    await v.ok(['edit', 'rot', '--name', 'renamed', '--env', 'MY_API_KEY', '--rotate-every', '30']);
    expectCleanError(await v.run(['show', 'rot']));
    const shown = await showJson(v, 'renamed');
    expect(shown).toMatchObject({ name: 'renamed', envVar: 'MY_API_KEY', rotateEveryDays: 30 });
    expect(Date.parse(shown.dueAt) - Date.parse(shown.rotatedAt)).toBe(30 * DAY_MS);
    expect((await getBytes(v, 'renamed')).toString()).toBe(first);
  });

  it('edit --rotated-at moves the rotation date, but refuses one in the future', async () => {
    await v.ok(['edit', 'renamed', '--rotated-at', localDay(-3)]);
    const moved = await showJson(v, 'renamed');
    expect(Math.round((Date.now() - Date.parse(moved.rotatedAt)) / DAY_MS)).toBeGreaterThanOrEqual(2);
    const line = expectCleanError(await v.run(['edit', 'renamed', '--rotated-at', localDay(30)]));
    expect(line).toMatch(/future/);
    expect((await showJson(v, 'renamed')).rotatedAt).toBe(moved.rotatedAt);
    expectUsageError(await v.run(['edit', 'renamed', '--rotated-at', 'yesterday']));
  });

  it('edit refuses a rename onto a taken name', async () => {
    await v.ok(['add', 'other'], { stdin: `${sampleKeys.generic()}\n` });
    const line = expectCleanError(await v.run(['edit', 'other', '--name', 'renamed']));
    expect(line).toContain('renamed');
    expect((await getBytes(v, 'renamed')).toString()).toBe(first);
  });

  it('expose marks a secret exposed, unexpose clears it', async () => {
    await v.ok(['expose', 'renamed']);
    const exposed = await showJson(v, 'renamed');
    expect(exposed.status).toBe('exposed');
    expect(exposed.exposedAt).toMatch(ISO);
    expect((await listJson(v, '--status', 'exposed')).map((s) => s.name)).toEqual(['renamed']);
    await v.ok(['unexpose', 'renamed']);
    const cleared = await showJson(v, 'renamed');
    expect(cleared.status).not.toBe('exposed');
    expect(cleared.exposedAt).toBeNull();
  });

  it('rm deletes a secret: it is gone from list and get', async () => {
    await v.ok(['rm', 'other']);
    expect((await listJson(v)).map((s) => s.name)).toEqual(['renamed']);
    expectCleanError(await v.run(['get', 'other']));
    expectCleanError(await v.run(['rm', 'other']));
  });
});
