import type { Handlers } from '../ipc/dispatcher.js';
import type { ClipboardGuard } from '../clipboard/clipboard-guard.js';
import type { VaultSession } from '../session/vault-session.js';
import { type AddResult, RekeyError, providers } from '../../core/index.js';

type SecretHandlers = Pick<
  Handlers,
  | 'vaultStatus'
  | 'initVault'
  | 'listProviders'
  | 'listSecrets'
  | 'detect'
  | 'addSecret'
  | 'rotateSecret'
  | 'undoRotation'
  | 'editSecret'
  | 'markExposed'
  | 'clearExposed'
  | 'deleteSecret'
  | 'history'
  | 'reveal'
  | 'copy'
>;

const toDate = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));
const withWarnings = (result: AddResult) => ({ secret: result.secret, warnings: [...result.warnings] });

export function secretHandlers(session: VaultSession, clipboard: ClipboardGuard, clipboardClearSeconds: () => number): SecretHandlers {
  const vault = () => session.vault();
  return {
    vaultStatus: () => session.status(),
    initVault: () => session.init(),
    listProviders: () => providers.listProviders().map((provider) => ({ ...provider })),
    listSecrets: async (input) => (await vault()).list(input),
    detect: ({ value, provider: providerId }) => {
      const provider = providerId === undefined ? providers.detectProvider(value) : providers.findProvider(providerId);
      if (!provider) throw new RekeyError('invalid-input', `Unknown provider "${providerId}".`);
      return {
        provider: { ...provider },
        masked: providers.maskValue(value, provider.id),
        warning: providerId === undefined ? null : providers.checkFormat(provider.id, value),
      };
    },
    addSecret: async ({ value, rotatedAt, ...input }) =>
      withWarnings((await vault()).add({ ...input, rotatedAt: toDate(rotatedAt) }, value)),
    rotateSecret: async ({ name, value }) => withWarnings((await vault()).rotate(name, value)),
    undoRotation: async ({ name }) => (await vault()).undoRotate(name),
    editSecret: async ({ name, patch: { rotatedAt, ...patch } }) => (await vault()).edit(name, { ...patch, rotatedAt: toDate(rotatedAt) }),
    markExposed: async ({ name }) => (await vault()).markExposed(name),
    clearExposed: async ({ name }) => (await vault()).clearExposed(name),
    deleteSecret: async ({ name }) => {
      (await vault()).remove(name);
      return { ok: true as const };
    },
    history: async ({ name }) => {
      const opened = await vault();
      return { versions: opened.history(name), undoableUntil: opened.undoableUntil(name) };
    },
    reveal: async ({ name }) => ({ value: (await vault()).reveal(name, 'reveal') }),
    copy: async ({ name }) => {
      const seconds = clipboardClearSeconds();
      await clipboard.copy((await vault()).reveal(name, 'copy'), seconds);
      return { clearsInSeconds: seconds };
    },
  };
}
