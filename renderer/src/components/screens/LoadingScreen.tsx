import { Spinner } from '../common/Spinner';
import './screens.css';

export function LoadingScreen({ label = 'Opening your vault…' }: { label?: string }) {
  return (
    <main className="loading-screen" aria-busy="true">
      <Spinner label={label} />
      <p className="loading-screen__label">{label}</p>
    </main>
  );
}
