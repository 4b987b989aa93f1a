import type { Handlers } from '../ipc/dispatcher.js';
import type { DialogPort } from '../ports.js';
import type { VaultSession } from '../session/vault-session.js';
import type { PendingImports } from '../transfer/pending-imports.js';
import { RekeyError, applyImport, dotenv, exportRefusal, exportSecrets, planImport } from '../../core/index.js';

type TransferHandlers = Pick<Handlers, 'previewExport' | 'saveExport' | 'chooseImport' | 'applyImport'>;

const DEFAULT_FILE_NAMES: Record<dotenv.ExportFormat, string> = { dotenv: '.env', shell: 'secrets.env.sh', json: 'secrets.json' };

export function transferHandlers(session: VaultSession, dialogs: DialogPort, pendingImports: PendingImports): TransferHandlers {
  return {
    previewExport: async ({ format, ...selection }) => {
      const vault = await session.vault();
      const secrets =
        selection.names !== undefined ? selection.names.map((name) => vault.show(name)) : vault.list({ project: selection.project });
      return {
        rows: secrets.map((secret) => ({ name: secret.name, envVar: secret.envVar, masked: secret.masked })),
        refusal: secrets.length === 0 ? null : exportRefusal(vault, selection, format),
      };
    },
    saveExport: async ({ format, ...selection }) => {
      const vault = await session.vault();
      const refusal = exportRefusal(vault, selection, format);
      if (refusal !== null) throw new RekeyError('format-cannot-carry', refusal);
      const path = await dialogs.chooseExportFile(DEFAULT_FILE_NAMES[format]);
      if (path === null) return { path: null, count: 0, warning: null };
      const result = exportSecrets(vault, selection, format, path);
      // the native save dialog has already asked before replacing an existing file
      await dotenv.writeFileAtomic(path, result.text, { force: true });
      const warnings = [...result.warnings, await dotenv.gitExposureWarning(path)].filter((line) => line !== null);
      return { path, count: result.names.length, warning: warnings.length > 0 ? warnings.join(' ') : null };
    },
    chooseImport: async ({ project }) => {
      const path = await dialogs.chooseImportFile();
      if (path === null) return { preview: null };
      const vault = await session.vault();
      const plan = planImport(vault, await dotenv.readEnvFile(path), path, project ?? '');
      const token = pendingImports.keep(plan);
      return {
        preview: {
          token,
          path: plan.source,
          importable: plan.importable,
          ignoredLines: [...plan.ignoredLines],
          rows: plan.rows.map(({ envVar, name, providerName, masked, problem, sameValueAs, warning }) => ({
            envVar,
            name,
            providerName,
            masked,
            problem,
            sameValueAs: [...sameValueAs],
            warning,
          })),
        },
      };
    },
    applyImport: async ({ token }) => {
      const plan = pendingImports.take(token);
      const added = applyImport(await session.vault(), plan);
      pendingImports.done(token);
      return { imported: added.length };
    },
  };
}
