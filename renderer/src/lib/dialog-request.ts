import type { Secret } from '../api/types';

/** Which dialog is open, and for which secret. */
export type DialogRequest =
  | { readonly kind: 'add' }
  | { readonly kind: 'export' }
  | { readonly kind: 'import' }
  | { readonly kind: 'backup' }
  | { readonly kind: 'rotate' | 'edit' | 'history' | 'delete' | 'reminders'; readonly secret: Secret };
