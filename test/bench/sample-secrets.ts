import { providers } from '../../electron/core/index.js';
import type { NewSecret } from '../../electron/core/index.js';
import { randomToken } from '../support/temp-vault.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = `${ALNUM}-_`;
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

interface Shape {
  readonly provider: string;
  readonly envVar: string;
  readonly make: () => string;
}

/**
 * Provider-shaped random values of 40 to 160 characters, each matching its provider's
 * documented format (checked below), never real keys.
 */
const SHAPES: readonly Shape[] = [
  { provider: 'openai', envVar: 'OPENAI_API_KEY', make: () => `sk-proj-${randomToken(URL_SAFE, 58)}T3BlbkFJ${randomToken(URL_SAFE, 58)}` },
  { provider: 'anthropic', envVar: 'ANTHROPIC_API_KEY', make: () => `sk-ant-api03-${randomToken(URL_SAFE, 93)}AA` },
  {
    provider: 'github-fine-grained',
    envVar: 'GITHUB_TOKEN',
    make: () => `github_pat_${randomToken(ALNUM, 22)}_${randomToken(ALNUM, 59)}`,
  },
  { provider: 'github-classic', envVar: 'GITHUB_TOKEN', make: () => `ghp_${randomToken(ALNUM, 36)}` },
  { provider: 'stripe-secret', envVar: 'STRIPE_SECRET_KEY', make: () => `sk_live_${randomToken(ALNUM, between(32, 99))}` },
  { provider: 'sendgrid', envVar: 'SENDGRID_API_KEY', make: () => `SG.${randomToken(URL_SAFE, 22)}.${randomToken(URL_SAFE, 43)}` },
  { provider: 'digitalocean', envVar: 'DIGITALOCEAN_ACCESS_TOKEN', make: () => `dop_v1_${randomToken(HEX, 64)}` },
  { provider: 'groq', envVar: 'GROQ_API_KEY', make: () => `gsk_${randomToken(ALNUM, 52)}` },
  {
    provider: 'slack',
    envVar: 'SLACK_BOT_TOKEN',
    make: () => `xoxb-${randomToken(DIGITS, 12)}-${randomToken(DIGITS, 12)}-${randomToken(ALNUM, 24)}`,
  },
  { provider: 'npm', envVar: 'NPM_TOKEN', make: () => `npm_${randomToken(ALNUM, 36)}` },
  { provider: 'pypi', envVar: 'PYPI_API_TOKEN', make: () => `pypi-AgEIcHlwaS5vcmc${randomToken(URL_SAFE, between(50, 140))}` },
  { provider: 'generic', envVar: 'INTERNAL_API_TOKEN', make: () => randomToken(URL_SAFE, between(40, 160)) },
];

export interface SampleSecret {
  readonly input: NewSecret & { readonly name: string; readonly envVar: string; readonly project: string; readonly provider: string };
  readonly value: string;
}

export interface SampleSet {
  readonly items: readonly SampleSecret[];
  /** Every project holds `perProject` secrets; this one is the export subject. */
  readonly exportProject: string;
  readonly perProject: number;
}

const DAY_MS = 86_400_000;

/**
 * `count` secrets in projects of `perProject`, shaped like `rekey import` rows: name =
 * project/ENV_VAR, the provider already detected, env vars unique inside a project (so a
 * project exports cleanly), last rotated 0-365 days ago so list shows every status.
 */
export function sampleSecrets(count: number, perProject: number, now: Date = new Date()): SampleSet {
  const items: SampleSecret[] = [];
  for (let index = 0; index < count; index++) {
    const shape = SHAPES[index % SHAPES.length] as Shape;
    const project = `app-${String(Math.floor(index / perProject)).padStart(3, '0')}`;
    const envVar = `${shape.envVar}_${String(index % perProject).padStart(4, '0')}`;
    items.push({
      input: {
        name: `${project}/${envVar}`,
        envVar,
        project,
        provider: shape.provider,
        rotatedAt: new Date(now.getTime() - Math.floor(Math.random() * 365 * DAY_MS)),
      },
      value: shape.make(),
    });
  }
  return { items, exportProject: 'app-000', perProject };
}

/** A bench that stores wrongly-shaped values would measure format warnings, not the vault. */
export function checkShapes(): void {
  for (const shape of SHAPES) {
    for (let i = 0; i < 20; i++) {
      const value = shape.make();
      const detected = providers.detectProvider(value).id;
      if (detected !== shape.provider) throw new Error(`bench sample for ${shape.provider} was detected as ${detected}`);
      if (value.length < 40 || value.length > 160) throw new Error(`bench sample for ${shape.provider} is ${value.length} characters`);
    }
  }
}
