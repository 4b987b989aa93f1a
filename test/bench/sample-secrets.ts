import { providers } from '../../electron/core/index.js';
import type { NewSecret } from '../../electron/core/index.js';
import { URL_SAFE, randomToken, sampleKeys } from '../support/sample-keys.js';

function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

interface Shape {
  readonly provider: string;
  readonly envVar: string;
  readonly make: () => string;
}

/**
 * Provider-shaped random values of 40 to 160 characters (test/support/sample-keys.ts makes
 * them), each matching its provider's documented format (checked below), never real keys.
 */
const SHAPES: readonly Shape[] = [
  { provider: 'openai', envVar: 'OPENAI_API_KEY', make: () => sampleKeys.openai(58) },
  { provider: 'anthropic', envVar: 'ANTHROPIC_API_KEY', make: sampleKeys.anthropic },
  { provider: 'github-fine-grained', envVar: 'GITHUB_TOKEN', make: sampleKeys.githubFineGrained },
  { provider: 'github-classic', envVar: 'GITHUB_TOKEN', make: sampleKeys.github },
  { provider: 'stripe-secret', envVar: 'STRIPE_SECRET_KEY', make: () => sampleKeys.stripe(between(32, 99)) },
  { provider: 'sendgrid', envVar: 'SENDGRID_API_KEY', make: sampleKeys.sendgrid },
  { provider: 'digitalocean', envVar: 'DIGITALOCEAN_ACCESS_TOKEN', make: sampleKeys.digitalocean },
  { provider: 'groq', envVar: 'GROQ_API_KEY', make: sampleKeys.groq },
  { provider: 'slack', envVar: 'SLACK_BOT_TOKEN', make: sampleKeys.slack },
  { provider: 'npm', envVar: 'NPM_TOKEN', make: sampleKeys.npm },
  { provider: 'pypi', envVar: 'PYPI_API_TOKEN', make: () => sampleKeys.pypi(between(50, 140)) },
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
