import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/rekey';
import type { ScanOptions, ScanProgress } from '../api/types';

const POLL_MS = 250;

export type ScanState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'job'; readonly jobId: string; readonly progress: ScanProgress }
  | { readonly kind: 'error'; readonly message: string };

/** Starts a scan in main (main asks for the folder) and polls its progress until it ends. */
export function useScanJob() {
  const [state, setState] = useState<ScanState>({ kind: 'idle' });
  const shown = useRef(state);

  useEffect(() => {
    shown.current = state;
    if (state.kind !== 'job' || state.progress.state !== 'running') return;
    const { jobId } = state;
    let live = true;
    // each answer is a new state, which schedules the next poll, until the job ends
    const handle = setTimeout(() => {
      void call('scanProgress', { jobId }).then((result) => {
        if (!live) return;
        setState(result.ok ? { kind: 'job', jobId, progress: result.value } : { kind: 'error', message: result.error.message });
      });
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, [state]);

  const start = useCallback(async (options: ScanOptions) => {
    const before = shown.current;
    setState({ kind: 'starting' });
    const result = await call('startScan', options);
    if (!result.ok) return setState({ kind: 'error', message: result.error.message });
    const job = result.value.job;
    // the folder dialog was cancelled: whatever was shown stays
    if (job === null) return setState(before.kind === 'starting' ? { kind: 'idle' } : before);
    setState({
      kind: 'job',
      jobId: job.id,
      progress: {
        path: job.path,
        state: 'running',
        filesDone: 0,
        filesTotal: 0,
        bytesDone: 0,
        bytesTotal: 0,
        findings: [],
        summary: null,
        error: null,
      },
    });
  }, []);

  return { state, start };
}
