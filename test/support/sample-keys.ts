/**
 * The one set of sample keys for every test: synthetic values built from each provider's
 * documented shape, realistic enough to exercise the patterns, never a real credential.
 * - SAMPLES / samplesOf: seeded, the same on every run so a failure can be replayed; valid keys
 *   and near misses per provider, for the unit tests of detection, format checks and masking.
 * - sampleKeys / randomToken: fresh per call, for vaults that need distinct values (unit,
 *   integration, CLI, e2e, reliability) and for the benches' large data sets.
 */

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const URL_SAFE = `${ALNUM}-_`;
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
export const MIXED_HEX = '0123456789abcdefABCDEF';
const UPPER_HEX = '0123456789ABCDEF';
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const DIGITS = '0123456789';

export type Random = () => number;

/** mulberry32: tiny, seedable, good enough to pick characters. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(random: Random, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)] ?? '';
  return text;
}

export interface ValidSample {
  readonly value: string;
  readonly prefix: string;
}

/** What checkFormat should complain about for this near miss. */
export type MismatchKind = 'prefix' | 'characters' | 'shorter' | 'longer' | 'structure';

export interface NearMiss {
  readonly kind: MismatchKind;
  /** The fixed text the value starts with; the rest is random. */
  readonly lead: string;
  readonly value: string;
}

export interface ProviderSamples {
  readonly valid: readonly ValidSample[];
  readonly nearMisses: readonly NearMiss[];
}

/** Public marker inside every OpenAI key; not secret, so warnings may quote it. */
export const OPENAI_MARKER = 'T3BlbkFJ';

function samplesFor(r: Random): Record<string, ProviderSamples> {
  const s = (alphabet: string, length: number): string => randomString(r, alphabet, length);
  const valid = (prefix: string, rest: string): ValidSample => ({ value: prefix + rest, prefix });
  const miss = (kind: MismatchKind, lead: string, rest: string): NearMiss => ({ kind, lead, value: lead + rest });

  return {
    anthropic: {
      valid: [valid('sk-ant-api03-', `${s(URL_SAFE, 93)}AA`), valid('sk-ant-admin01-', `${s(URL_SAFE, 93)}AA`)],
      nearMisses: [
        miss('shorter', 'sk-ant-api03-', `${s(URL_SAFE, 92)}AA`),
        miss('longer', 'sk-ant-api03-', `${s(URL_SAFE, 94)}AA`),
        miss('characters', 'sk-ant-api03-', `${s(URL_SAFE, 60)}!${s(URL_SAFE, 32)}AA`),
        miss('structure', 'sk-ant-api03-', `${s(URL_SAFE, 93)}zz`),
      ],
    },
    openai: {
      valid: [
        valid('sk-proj-', s(URL_SAFE, 74) + OPENAI_MARKER + s(URL_SAFE, 74)),
        valid('sk-svcacct-', s(URL_SAFE, 58) + OPENAI_MARKER + s(URL_SAFE, 58)),
        valid('sk-admin-', s(URL_SAFE, 74) + OPENAI_MARKER + s(URL_SAFE, 74)),
        valid('sk-proj-', s(ALNUM, 20) + OPENAI_MARKER + s(ALNUM, 20)),
        valid('sk-', s(ALNUM, 20) + OPENAI_MARKER + s(ALNUM, 20)),
      ],
      nearMisses: [
        miss('shorter', 'sk-', `${s(ALNUM, 20)}${OPENAI_MARKER}${s(ALNUM, 19)}`),
        miss('longer', 'sk-', `${s(ALNUM, 20)}${OPENAI_MARKER}${s(ALNUM, 21)}`),
        miss('characters', 'sk-', `${s(ALNUM, 20)}${OPENAI_MARKER}${s(ALNUM, 19)}!`),
        miss('structure', 'sk-proj-', s(ALNUM, 156)),
        miss('structure', 'sk-proj-', `${s(URL_SAFE, 73)}${OPENAI_MARKER}${s(URL_SAFE, 75)}`),
        miss('prefix', 'pk-proj-', `${s(URL_SAFE, 74)}${OPENAI_MARKER}${s(URL_SAFE, 74)}`),
      ],
    },
    'github-fine-grained': {
      valid: [valid('github_pat_', `${s(ALNUM, 22)}_${s(ALNUM, 59)}`)],
      nearMisses: [
        miss('shorter', 'github_pat_', `${s(ALNUM, 22)}_${s(ALNUM, 58)}`),
        miss('longer', 'github_pat_', `${s(ALNUM, 22)}_${s(ALNUM, 60)}`),
        miss('characters', 'github_pat_', `${s(ALNUM, 22)}-${s(ALNUM, 59)}`),
        miss('structure', 'github_pat_', s(ALNUM, 82)),
        miss('prefix', 'gitlab_pat_', `${s(ALNUM, 22)}_${s(ALNUM, 59)}`),
      ],
    },
    'github-classic': {
      valid: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((prefix) => valid(prefix, s(ALNUM, 36))),
      nearMisses: [
        miss('shorter', 'ghp_', s(ALNUM, 35)),
        miss('longer', 'ghp_', s(ALNUM, 37)),
        miss('characters', 'ghp_', `${s(ALNUM, 20)}-${s(ALNUM, 15)}`),
        miss('prefix', 'ghx_', s(ALNUM, 36)),
      ],
    },
    gitlab: {
      valid: [valid('glpat-', s(URL_SAFE, 20)), valid('glpat-', `${s(URL_SAFE, 40)}.${s(LOWER_ALNUM, 9)}`)],
      nearMisses: [
        miss('shorter', 'glpat-', s(URL_SAFE, 19)),
        miss('structure', 'glpat-', s(URL_SAFE, 21)),
        miss('characters', 'glpat-', `${s(ALNUM, 10)}!${s(ALNUM, 9)}`),
        miss('prefix', 'glpta-', s(URL_SAFE, 20)),
      ],
    },
    'aws-access-key-id': {
      valid: [valid('AKIA', s(BASE32, 16)), valid('ASIA', s(BASE32, 16))],
      nearMisses: [
        miss('shorter', 'AKIA', s(BASE32, 15)),
        miss('longer', 'AKIA', s(BASE32, 17)),
        miss('characters', 'AKIA', `${s(BASE32, 15).toLowerCase()}a`),
        miss('characters', 'AKIA', `${s(BASE32, 8)}0${s(BASE32, 7)}`),
        miss('prefix', 'AKIB', s(BASE32, 16)),
      ],
    },
    'stripe-secret': {
      valid: [valid('sk_live_', s(ALNUM, 24)), valid('sk_test_', s(ALNUM, 99)), valid('sk_live_', s(ALNUM, 247))],
      nearMisses: [
        miss('shorter', 'sk_live_', s(ALNUM, 23)),
        miss('longer', 'sk_live_', s(ALNUM, 248)),
        miss('characters', 'sk_live_', `${s(ALNUM, 12)}-${s(ALNUM, 12)}`),
        miss('prefix', 'pk_live_', s(ALNUM, 24)),
      ],
    },
    'stripe-restricted': {
      valid: [valid('rk_live_', s(ALNUM, 24)), valid('rk_test_', s(ALNUM, 99))],
      nearMisses: [
        miss('shorter', 'rk_live_', s(ALNUM, 20)),
        miss('characters', 'rk_test_', `${s(ALNUM, 12)}.${s(ALNUM, 12)}`),
        miss('prefix', 'rk_prod_', s(ALNUM, 24)),
      ],
    },
    slack: {
      valid: [
        valid('xoxb-', `${s(DIGITS, 12)}-${s(DIGITS, 13)}-${s(ALNUM, 24)}`),
        valid('xoxp-', `${s(DIGITS, 12)}-${s(DIGITS, 12)}-${s(DIGITS, 13)}-${s(HEX, 32)}`),
        valid('xapp-', `1-${s(UPPER_ALNUM, 11)}-${s(DIGITS, 13)}-${s(HEX, 64)}`),
        valid('xoxe.xoxp-', `1-${s(ALNUM, 164)}`),
        valid('xoxe-', `1-${s(ALNUM, 146)}`),
        valid('xoxa-', `2-${s(ALNUM, 40)}`),
      ],
      nearMisses: [
        miss('structure', 'xoxb-', `${s(DIGITS, 12)}-${s(DIGITS, 13)}-${s(ALNUM, 23)}`),
        miss('characters', 'xoxp-', `${s(DIGITS, 12)}-${s(DIGITS, 12)}-${s(DIGITS, 13)}-${s(HEX, 31)}G`),
        miss('shorter', 'xapp-1-', `${s(UPPER_ALNUM, 11)}-${s(DIGITS, 13)}-${s(HEX, 10)}`),
        miss('prefix', 'xoxz-', `${s(DIGITS, 12)}-${s(DIGITS, 13)}-${s(ALNUM, 24)}`),
      ],
    },
    'google-api-key': {
      valid: [valid('AIza', s(URL_SAFE, 35))],
      nearMisses: [
        miss('shorter', 'AIza', s(URL_SAFE, 34)),
        miss('longer', 'AIza', s(URL_SAFE, 36)),
        miss('characters', 'AIza', `${s(URL_SAFE, 20)}.${s(URL_SAFE, 14)}`),
        miss('prefix', 'AIzb', s(URL_SAFE, 35)),
      ],
    },
    sendgrid: {
      valid: [valid('SG.', `${s(URL_SAFE, 22)}.${s(URL_SAFE, 43)}`)],
      nearMisses: [
        miss('shorter', 'SG.', `${s(URL_SAFE, 21)}.${s(URL_SAFE, 43)}`),
        miss('characters', 'SG.', `${s(URL_SAFE, 22)}.${s(URL_SAFE, 42)}!`),
        miss('structure', 'SG.', s(URL_SAFE, 66)),
        miss('prefix', 'SG-', `${s(URL_SAFE, 22)}.${s(URL_SAFE, 43)}`),
      ],
    },
    npm: {
      valid: [valid('npm_', s(ALNUM, 36))],
      nearMisses: [
        miss('shorter', 'npm_', s(ALNUM, 35)),
        miss('longer', 'npm_', s(ALNUM, 37)),
        miss('characters', 'npm_', `${s(ALNUM, 35)}_`),
        miss('prefix', 'NPM_', s(ALNUM, 36)),
      ],
    },
    huggingface: {
      valid: [valid('hf_', s(LETTERS, 34))],
      nearMisses: [
        miss('shorter', 'hf_', s(LETTERS, 33)),
        miss('longer', 'hf_', s(LETTERS, 35)),
        miss('characters', 'hf_', `${s(LETTERS, 30)}${s(DIGITS, 4)}`),
        miss('prefix', 'hg_', s(LETTERS, 34)),
      ],
    },
    twilio: {
      valid: [valid('SK', s(HEX, 32))],
      nearMisses: [
        miss('shorter', 'SK', s(HEX, 31)),
        miss('longer', 'SK', s(HEX, 33)),
        miss('characters', 'SK', s(UPPER_HEX, 32)),
        miss('prefix', 'AC', s(HEX, 32)),
      ],
    },
    digitalocean: {
      valid: [valid('dop_v1_', s(HEX, 64))],
      nearMisses: [
        miss('shorter', 'dop_v1_', s(HEX, 63)),
        miss('characters', 'dop_v1_', `${s(HEX, 63)}g`),
        miss('prefix', 'dop_v2_', s(HEX, 64)),
      ],
    },
    groq: {
      valid: [valid('gsk_', s(ALNUM, 52))],
      nearMisses: [
        miss('shorter', 'gsk_', s(ALNUM, 51)),
        miss('longer', 'gsk_', s(ALNUM, 53)),
        miss('characters', 'gsk_', `${s(ALNUM, 51)}-`),
      ],
    },
    shopify: {
      valid: ['shpat_', 'shpca_', 'shppa_', 'shpss_'].map((prefix) => valid(prefix, s(MIXED_HEX, 32))),
      nearMisses: [
        miss('shorter', 'shpat_', s(HEX, 31)),
        miss('characters', 'shpat_', `${s(HEX, 31)}g`),
        miss('prefix', 'shpxx_', s(HEX, 32)),
      ],
    },
    pypi: {
      valid: [valid('pypi-AgEIcHlwaS5vcmc', s(URL_SAFE, 150))],
      nearMisses: [
        miss('shorter', 'pypi-AgEIcHlwaS5vcmc', s(URL_SAFE, 49)),
        miss('characters', 'pypi-AgEIcHlwaS5vcmc', `${s(URL_SAFE, 100)}.${s(URL_SAFE, 49)}`),
        // test.pypi.org tokens carry a different (also public) header.
        miss('prefix', 'pypi-AgENdGVzdC5weXBpLm9yZw', s(URL_SAFE, 150)),
      ],
    },
    linear: {
      valid: [valid('lin_api_', s(ALNUM, 40))],
      nearMisses: [
        miss('shorter', 'lin_api_', s(ALNUM, 39)),
        miss('longer', 'lin_api_', s(ALNUM, 41)),
        miss('prefix', 'lin_oauth_', s(ALNUM, 40)),
      ],
    },
    perplexity: {
      valid: [valid('pplx-', s(ALNUM, 48))],
      nearMisses: [
        miss('shorter', 'pplx-', s(ALNUM, 47)),
        miss('longer', 'pplx-', s(ALNUM, 49)),
        miss('characters', 'pplx-', `${s(ALNUM, 47)}_`),
      ],
    },
    databricks: {
      valid: [valid('dapi', s(HEX, 32)), valid('dapi', `${s(HEX, 32)}-2`)],
      nearMisses: [
        miss('shorter', 'dapi', s(HEX, 31)),
        miss('characters', 'dapi', s(UPPER_HEX, 32)),
        miss('structure', 'dapi', `${s(HEX, 32)}-`),
      ],
    },
    mailgun: {
      valid: [valid('key-', s(HEX, 32)), valid('', `${s(HEX, 32)}-${s(HEX, 8)}-${s(HEX, 8)}`)],
      nearMisses: [
        miss('shorter', 'key-', s(HEX, 31)),
        miss('shorter', '', `${s(HEX, 32)}-${s(HEX, 8)}-${s(HEX, 7)}`),
        miss('characters', '', `${s(HEX, 32)}-${s(HEX, 8)}-${s(HEX, 7)}G`),
        miss('structure', '', `${s(HEX, 32)}${s(HEX, 9)}-${s(HEX, 8)}`),
      ],
    },
  };
}

export const SAMPLES: Readonly<Record<string, ProviderSamples>> = samplesFor(seededRandom(20240611));

export function samplesOf(providerId: string): ProviderSamples {
  const samples = SAMPLES[providerId];
  if (samples === undefined) throw new Error(`no samples for ${providerId}`);
  return samples;
}

/** Characters from `alphabet`, fresh per call (not seeded): for values that only need to differ. */
export function randomToken(alphabet: string, length: number): string {
  return randomString(Math.random, alphabet, length);
}

/** Provider-shaped values, fresh per call. Where the bench varies a length, it is a parameter. */
export const sampleKeys = {
  openai: (body = 74) => `sk-proj-${randomToken(URL_SAFE, body)}${OPENAI_MARKER}${randomToken(URL_SAFE, body)}`,
  anthropic: () => `sk-ant-api03-${randomToken(URL_SAFE, 93)}AA`,
  github: () => `ghp_${randomToken(ALNUM, 36)}`,
  githubFineGrained: () => `github_pat_${randomToken(ALNUM, 22)}_${randomToken(ALNUM, 59)}`,
  stripe: (length = 32) => `sk_live_${randomToken(ALNUM, length)}`,
  aws: () => `AKIA${randomToken(BASE32, 16)}`,
  sendgrid: () => `SG.${randomToken(URL_SAFE, 22)}.${randomToken(URL_SAFE, 43)}`,
  digitalocean: () => `dop_v1_${randomToken(HEX, 64)}`,
  groq: () => `gsk_${randomToken(ALNUM, 52)}`,
  slack: () => `xoxb-${randomToken(DIGITS, 12)}-${randomToken(DIGITS, 12)}-${randomToken(ALNUM, 24)}`,
  npm: () => `npm_${randomToken(ALNUM, 36)}`,
  pypi: (length = 100) => `pypi-AgEIcHlwaS5vcmc${randomToken(URL_SAFE, length)}`,
  /** No provider's shape: stored as generic. */
  generic: () => `generic-${randomToken(ALNUM, 40)}`,
};
