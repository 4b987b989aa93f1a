import { createContext, useContext, useMemo } from 'react';
import { call } from '../api/rekey';
import type { Secret } from '../api/types';
import type { DialogRequest } from '../lib/dialog-request';
import { useToasts } from './useToasts';

/** What a row can do; the list hands one stable object to every row. */
export interface SecretActions {
  copy(secret: Secret): void;
  /** The only call that brings a plaintext value into the window; null when it failed (already toasted). */
  reveal(secret: Secret): Promise<string | null>;
  toggleExposed(secret: Secret): void;
  open(request: DialogRequest): void;
}

export const SecretActionsContext = createContext<SecretActions | null>(null);

export function useRowActions(): SecretActions {
  const actions = useContext(SecretActionsContext);
  if (actions === null) throw new Error('useRowActions outside SecretActionsContext');
  return actions;
}

export function useSecretActions(upsert: (secret: Secret) => void, open: (request: DialogRequest) => void): SecretActions {
  const toasts = useToasts();
  return useMemo<SecretActions>(
    () => ({
      open,
      copy(secret) {
        void call('copy', { name: secret.name }).then((result) => {
          if (!result.ok) return toasts.error(result.error.message, `Couldn’t copy ${secret.name}`);
          toasts.show({
            key: 'copy',
            tone: 'success',
            title: `Copied — clears in ${result.value.clearsInSeconds} s`,
            detail: `${secret.name} is on the clipboard.`,
            countdown: {
              seconds: result.value.clearsInSeconds,
              title: (left) => `Copied — clears in ${left} s`,
              doneTitle: 'Clipboard cleared',
            },
          });
        });
      },
      async reveal(secret) {
        const result = await call('reveal', { name: secret.name });
        if (result.ok) return result.value.value;
        toasts.error(result.error.message, `Couldn’t reveal ${secret.name}`);
        return null;
      },
      toggleExposed(secret) {
        const exposed = secret.status === 'exposed';
        void call(exposed ? 'clearExposed' : 'markExposed', { name: secret.name }).then((result) => {
          if (!result.ok)
            return toasts.error(
              result.error.message,
              exposed ? `Couldn’t clear ${secret.name}` : `Couldn’t mark ${secret.name} as exposed`,
            );
          upsert(result.value);
          toasts.show(
            exposed
              ? { tone: 'success', title: `${secret.name} is no longer marked exposed` }
              : {
                  tone: 'warning',
                  title: `${secret.name} is marked exposed`,
                  detail: 'Rotate it now: create a new key at the provider and paste it here.',
                  action: { label: 'Rotate…', run: () => open({ kind: 'rotate', secret: result.value }) },
                },
          );
        });
      },
    }),
    [open, toasts, upsert],
  );
}
