import type { ScanFinding, Secret } from '../api/types';

/** Which dialog is open, and for which secret. */
export type DialogRequest =
  | { readonly kind: 'add' }
  | { readonly kind: 'export' }
  | { readonly kind: 'import' }
  | { readonly kind: 'backup' }
  | { readonly kind: 'rotate' | 'edit' | 'history' | 'delete' | 'reminders'; readonly secret: Secret }
  | { readonly kind: 'add-finding'; readonly jobId: string; readonly finding: ScanFinding };
