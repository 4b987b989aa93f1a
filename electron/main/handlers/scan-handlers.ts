import type { Handlers } from '../ipc/dispatcher.js';
import type { DialogPort } from '../ports.js';
import type { ScanJobs } from '../scan/scan-jobs.js';
import type { VaultSession } from '../session/vault-session.js';

type ScanHandlers = Pick<Handlers, 'startScan' | 'scanProgress' | 'addScanFinding'>;

export function scanHandlers(session: VaultSession, dialogs: DialogPort, jobs: ScanJobs): ScanHandlers {
  return {
    startScan: async (options) => {
      const path = await dialogs.chooseScanFolder();
      if (path === null) return { job: null };
      const vault = await session.vault();
      return { job: { id: jobs.start(vault, path, options), path } };
    },
    scanProgress: ({ jobId }) => {
      const view = jobs.view(jobId);
      return { ...view, findings: [...view.findings] };
    },
    addScanFinding: async ({ jobId, findingId, rotatedAt, ...input }) => {
      const result = jobs.addFinding(await session.vault(), jobId, findingId, {
        ...input,
        rotatedAt: rotatedAt === undefined ? undefined : new Date(rotatedAt),
      });
      return { secret: result.secret, warnings: [...result.warnings] };
    },
  };
}
