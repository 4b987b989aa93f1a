import { describe, expect, it } from 'vitest';
import { maskValue } from '../../../electron/core/providers/index.js';
import { type KnownValue, KnownValueIndex } from '../../../electron/core/scan/known-values.js';
import { looksBinary, scanBuffer } from '../../../electron/core/scan/scan-buffer.js';
import { ALNUM, randomString, seededRandom } from '../../support/sample-keys.js';

const random = seededRandom(6);
const vaultKey = `ghp_${randomString(random, ALNUM, 36)}`;
const unknownKey = `sk_live_${randomString(random, ALNUM, 30)}`;

const index = new KnownValueIndex([
  {
    bytes: Buffer.from(vaultKey),
    secretId: 'id-gh',
    name: 'gh',
    version: 2,
    current: false,
    providerId: 'github-classic',
    masked: maskValue(vaultKey, 'github-classic'),
  } satisfies KnownValue,
]);

describe('scanBuffer', () => {
  it('reports a vault value as its vault key and a provider-shaped stranger as unknown, with line and column in characters', () => {
    const text = `const a = 1;\n// héllo wörld ${vaultKey}\nSTRIPE=${unknownKey}\n`;
    const hits = scanBuffer(Buffer.from(text), index);
    expect(hits.map(({ offset: _o, length: _l, ...rest }) => rest)).toEqual([
      {
        line: 2,
        column: 16,
        providerId: 'github-classic',
        providerName: 'GitHub (classic token)',
        masked: maskValue(vaultKey, 'github-classic'),
        secret: { id: 'id-gh', name: 'gh', version: 2, current: false },
      },
      {
        line: 3,
        column: 8,
        providerId: 'stripe-secret',
        providerName: 'Stripe (secret key)',
        masked: maskValue(unknownKey, 'stripe-secret'),
        secret: null,
      },
    ]);
    expect(JSON.stringify(hits)).not.toContain(vaultKey.slice(4, 30));
    expect(JSON.stringify(hits)).not.toContain(unknownKey.slice(8, 30));
  });

  it('does not report documentation placeholders such as sk-xxxx or ghp_ plus a filler word', () => {
    const text = [
      'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITHUB_TOKEN=ghp_yourTokenHereExampleExampleExample0000',
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'STRIPE=sk_live_000000000000000000000000',
    ].join('\n');
    expect(scanBuffer(Buffer.from(text), index)).toEqual([]);
  });

  it('does not find a value split across two lines (documented limit)', () => {
    const text = `token = "${vaultKey.slice(0, 20)}" +\n  "${vaultKey.slice(20)}"\n`;
    expect(scanBuffer(Buffer.from(text), index)).toEqual([]);
  });

  it('treats a NUL byte in the first 8 KB as binary, like git', () => {
    expect(looksBinary(Buffer.from('plain text\n'))).toBe(false);
    expect(looksBinary(Buffer.from('PNG\0\x01\x02'))).toBe(true);
    expect(looksBinary(Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]))).toBe(false);
  });
});
