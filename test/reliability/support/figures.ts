import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './bundle-child.js';

/** Where each harness leaves its figures for scripts/test-reliability.js to sum up. */
export const FIGURES_DIR = join(REPO, 'test-results', 'reliability');

export function recordFigures(harness: string, figures: Record<string, number>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${harness}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
