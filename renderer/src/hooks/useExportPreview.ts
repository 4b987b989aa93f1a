import { useEffect, useState } from 'react';
import { call } from '../api/rekey';
import type { ExportFormat, ExportPreview } from '../api/types';

export type PreviewState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly preview: ExportPreview }
  | { readonly state: 'failed'; readonly message: string };

/** What an export of `project` (null: all) in `format` would write: masked rows, or why it refuses. */
export function useExportPreview(project: string | null, format: ExportFormat): PreviewState {
  const [answer, setAnswer] = useState<{ key: string; state: PreviewState } | null>(null);
  const key = `${format}\n${project ?? '\u0000all'}`;
  useEffect(() => {
    let live = true;
    void call('previewExport', project === null ? { format } : { format, project }).then((result) => {
      if (!live) return;
      setAnswer({ key, state: result.ok ? { state: 'ready', preview: result.value } : { state: 'failed', message: result.error.message } });
    });
    return () => {
      live = false;
    };
  }, [key, project, format]);
  return answer !== null && answer.key === key ? answer.state : { state: 'loading' };
}
