import { hasBridge } from './api/rekey';
import { ErrorScreen } from './components/screens/ErrorScreen';
import { KeychainUnavailableScreen } from './components/screens/KeychainUnavailableScreen';
import { LoadingScreen } from './components/screens/LoadingScreen';
import { LockScreen } from './components/screens/LockScreen';
import { VaultScreen } from './components/screens/VaultScreen';
import { WelcomeScreen } from './components/screens/WelcomeScreen';
import { ToastProvider } from './components/toasts/ToastProvider';
import { useVaultStatus } from './hooks/useVaultStatus';

export function App() {
  if (!hasBridge()) {
    return (
      <ErrorScreen
        title="This window belongs to the Rekey app"
        message="It talks to your vault through the Rekey app, so it cannot work when opened on its own. Start Rekey instead."
      />
    );
  }
  return (
    <ToastProvider>
      <VaultGate />
    </ToastProvider>
  );
}

/** Picks the screen from the vault's state: welcome, keychain trouble, or the vault itself. */
function VaultGate() {
  const { state, retry, create, creating, createError, lock, unlock, adopt } = useVaultStatus();
  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind === 'failed') return <ErrorScreen title="Rekey couldn’t open the vault" message={state.message} onRetry={retry} />;
  const { status } = state;
  switch (status.state) {
    case 'no-vault':
      return <WelcomeScreen path={status.path} onCreate={() => void create()} creating={creating} error={createError} onRestored={adopt} />;
    case 'keychain-unavailable':
      return <KeychainUnavailableScreen message={status.message} path={status.path} onRetry={retry} />;
    case 'locked':
      return <LockScreen hasPassword={status.hasPassword} path={status.path} onUnlock={unlock} />;
    case 'ready':
      return <VaultScreen path={status.path} onLock={() => void lock()} onLockedElsewhere={retry} />;
  }
}
