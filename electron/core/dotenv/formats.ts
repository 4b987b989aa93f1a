export type ExportFormat = 'dotenv' | 'shell' | 'json';

/** In the order the CLI lists them; json last because it carries everything. */
export const EXPORT_FORMATS: readonly ExportFormat[] = Object.freeze(['dotenv', 'shell', 'json'] as const);

/** One secret on its way out. `name` is the vault's name for it and only ever appears in messages. */
export interface ExportEntry {
  readonly name: string;
  readonly envVar: string;
  readonly value: string;
}
