import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALNUM, HEX, LETTERS, URL_SAFE, type Random, randomString, seededRandom } from '../support/sample-keys.js';

/**
 * A generated monorepo for the scan bench: code-like text in many folders and file types,
 * with keys planted on known lines. Seeded, so every run scans the same tree.
 */

export type PlantKind = 'vault' | 'vault-previous' | 'vault-generic' | 'unknown' | 'placeholder';

export interface Plant {
  readonly kind: PlantKind;
  readonly providerId: string;
  readonly value: string;
  readonly path: string;
  readonly line: number;
}

export interface ScanTree {
  readonly root: string;
  readonly bytes: number;
  readonly files: number;
  readonly plants: readonly Plant[];
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const DIGITS = '0123456789';

type Shape = { readonly providerId: string; readonly make: (random: Random) => string };

/** Provider-shaped keys, each in the format Rekey's catalog documents. */
export const KEY_SHAPES: readonly Shape[] = [
  { providerId: 'github-classic', make: (r) => `ghp_${randomString(r, ALNUM, 36)}` },
  { providerId: 'github-fine-grained', make: (r) => `github_pat_${randomString(r, ALNUM, 22)}_${randomString(r, ALNUM, 59)}` },
  { providerId: 'openai', make: (r) => `sk-proj-${randomString(r, URL_SAFE, 58)}T3BlbkFJ${randomString(r, URL_SAFE, 58)}` },
  { providerId: 'anthropic', make: (r) => `sk-ant-api03-${randomString(r, URL_SAFE, 93)}AA` },
  { providerId: 'stripe-secret', make: (r) => `sk_live_${randomString(r, ALNUM, 32)}` },
  { providerId: 'slack', make: (r) => `xoxb-${randomString(r, DIGITS, 12)}-${randomString(r, DIGITS, 12)}-${randomString(r, ALNUM, 24)}` },
  { providerId: 'sendgrid', make: (r) => `SG.${randomString(r, URL_SAFE, 22)}.${randomString(r, URL_SAFE, 43)}` },
  { providerId: 'npm', make: (r) => `npm_${randomString(r, ALNUM, 36)}` },
  { providerId: 'gitlab', make: (r) => `glpat-${randomString(r, ALNUM, 20)}` },
  { providerId: 'huggingface', make: (r) => `hf_${randomString(r, LETTERS, 34)}` },
  { providerId: 'groq', make: (r) => `gsk_${randomString(r, ALNUM, 52)}` },
  { providerId: 'linear', make: (r) => `lin_api_${randomString(r, ALNUM, 40)}` },
  { providerId: 'shopify', make: (r) => `shpat_${randomString(r, HEX, 32)}` },
  { providerId: 'aws-access-key-id', make: (r) => `AKIA${randomString(r, BASE32, 16)}` },
  { providerId: 'google-api-key', make: (r) => `AIza${randomString(r, URL_SAFE, 35)}` },
  { providerId: 'digitalocean', make: (r) => `dop_v1_${randomString(r, HEX, 64)}` },
  { providerId: 'twilio', make: (r) => `SK${randomString(r, HEX, 32)}` },
  { providerId: 'pypi', make: (r) => `pypi-AgEIcHlwaS5vcmc${randomString(r, URL_SAFE, 70)}` },
];

/** What docs and templates hold: the shapes of keys, filled with filler. */
const PLACEHOLDERS: readonly string[] = [
  'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'AKIAIOSFODNN7EXAMPLE',
  'sk_live_0000000000000000000000000000',
  'ghp_yourTokenHereExampleExampleExample00',
  'sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA',
  'xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
  'npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
  'sk_test_1234567890abcdefghijklmnopqrstuvwxyz',
  'AIzaSyEXAMPLEexampleEXAMPLEexample12345',
];

const WORDS =
  'const let function return import export default async await value result request response error config options server client handler user token session cache index items data payload status message'.split(
    ' ',
  );
const EXTENSIONS = ['ts', 'js', 'py', 'go', 'json', 'yml', 'md', 'tsx', 'rb', 'java'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function codeLine(random: Random): string {
  const a = pick(random, WORDS);
  const b = pick(random, WORDS);
  switch (Math.floor(random() * 8)) {
    case 0:
      return `  const ${a}_${randomString(random, LETTERS, 5)} = await ${b}(${randomString(random, DIGITS, 3)}, '${randomString(random, ALNUM, 12)}');`;
    case 1:
      return `  // ${a} ${b} ${pick(random, WORDS)} ${pick(random, WORDS)}: see commit ${randomString(random, HEX, 40)}`;
    case 2:
      return `    "${a}": "${randomString(random, ALNUM, 24)}",`;
    case 3:
      return `  integrity: sha512-${randomString(random, `${ALNUM}+/`, 86)}==`;
    case 4:
      return `  if (${a}.${b} === undefined) throw new Error('${a} ${b} is missing');`;
    case 5:
      return `  url = "https://api.example.com/v1/${a}/${randomString(random, HEX, 24)}?${b}=${randomString(random, DIGITS, 6)}"`;
    case 6:
      return `  id: ${randomString(random, HEX, 8)}-${randomString(random, HEX, 4)}-${randomString(random, HEX, 4)}-${randomString(random, HEX, 4)}-${randomString(random, HEX, 12)}`;
    default:
      return `  return ${a}.map((${b}) => ${b}.${pick(random, WORDS)} + ${randomString(random, DIGITS, 2)});`;
  }
}

export interface PlantPlan {
  readonly vault: ReadonlyArray<{ providerId: string; value: string; previous?: string }>;
  readonly vaultGeneric: readonly string[];
  readonly unknown: ReadonlyArray<{ providerId: string; value: string }>;
}

/** The keys: vault keys (some rotated, their old value planted), generic vault values, unknown keys. */
export function plantPlan(seed: number): PlantPlan {
  const random = seededRandom(seed);
  const vault = KEY_SHAPES.flatMap((shape, i) =>
    [0, 1].map((n) => ({
      providerId: shape.providerId,
      value: shape.make(random),
      ...(n === 0 && i % 2 === 0 ? { previous: shape.make(random) } : {}),
    })),
  );
  const vaultGeneric = Array.from({ length: 12 }, (_, i) =>
    i % 2 === 0
      ? `postgres://app:${randomString(random, ALNUM, 24)}@db-${i}.internal:5432/app`
      : randomString(random, `${ALNUM}!#%&*+=?@^~`, 32),
  );
  const unknown = KEY_SHAPES.flatMap((shape) => [0, 1].map(() => ({ providerId: shape.providerId, value: shape.make(random) })));
  return { vault, vaultGeneric, unknown };
}

/** Writes at least `targetBytes` of files under `root`, planting every key of the plan once, each on its own line. */
export function generateTree(root: string, targetBytes: number, plan: PlantPlan, seed: number): ScanTree {
  const random = seededRandom(seed + 1);
  const toPlant: Array<Omit<Plant, 'path' | 'line'>> = [
    ...plan.vault.map(({ providerId, value }) => ({ kind: 'vault' as const, providerId, value })),
    ...plan.vault.flatMap(({ providerId, previous }) =>
      previous === undefined ? [] : [{ kind: 'vault-previous' as const, providerId, value: previous }],
    ),
    ...plan.vaultGeneric.map((value) => ({ kind: 'vault-generic' as const, providerId: 'generic', value })),
    ...plan.unknown.map(({ providerId, value }) => ({ kind: 'unknown' as const, providerId, value })),
    ...PLACEHOLDERS.map((value) => ({ kind: 'placeholder' as const, providerId: 'placeholder', value })),
  ];
  const plants: Plant[] = [];
  let bytes = 0;
  let files = 0;
  const estimatedFiles = Math.ceil(targetBytes / 40_000);
  const plantEvery = Math.max(1, Math.floor(estimatedFiles / toPlant.length));
  while (bytes < targetBytes || toPlant.length > 0) {
    const pkg = `packages/pkg-${String(files % 60).padStart(2, '0')}`;
    const folder = `${pkg}/${pick(random, ['src', 'lib', 'test', 'docs', 'config', 'scripts'])}/${pick(random, WORDS)}`;
    const path = `${folder}/${pick(random, WORDS)}-${files}.${pick(random, EXTENSIONS)}`;
    const lineCount = 40 + Math.floor(random() * 900);
    const lines: string[] = [];
    for (let i = 0; i < lineCount; i++) lines.push(codeLine(random));
    if (files % plantEvery === 0 && toPlant.length > 0) {
      const plant = toPlant.shift() as Omit<Plant, 'path' | 'line'>;
      const at = Math.floor(random() * lineCount);
      lines[at] = `  ${pick(random, WORDS).toUpperCase()}_KEY = "${plant.value}"`;
      plants.push({ ...plant, path, line: at + 1 });
    }
    const text = `${lines.join('\n')}\n`;
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { root, bytes, files, plants };
}
