import type { z } from 'zod';
import { CHANNELS } from './channel-names.js';
import * as s from './schemas.js';

/**
 * Every IPC channel with its input and output schema. Main registers a validated handler per
 * entry, the preload builds one named function per entry, the renderer and the tests use the
 * inferred types. The key is the function's name on window.rekey.
 */
export const CONTRACT = {
  vaultStatus: { channel: CHANNELS.vaultStatus, input: s.noInput, output: s.vaultStatus },
  initVault: { channel: CHANNELS.initVault, input: s.noInput, output: s.vaultStatus },
  listProviders: { channel: CHANNELS.listProviders, input: s.noInput, output: s.providerInfo.array() },
  listSecrets: { channel: CHANNELS.listSecrets, input: s.listInput, output: s.secretSummary.array() },
  detect: { channel: CHANNELS.detect, input: s.detectInput, output: s.detectResult },
  addSecret: { channel: CHANNELS.addSecret, input: s.addInput, output: s.addResult },
  rotateSecret: { channel: CHANNELS.rotateSecret, input: s.rotateInput, output: s.addResult },
  undoRotation: { channel: CHANNELS.undoRotation, input: s.nameInput, output: s.secretSummary },
  editSecret: { channel: CHANNELS.editSecret, input: s.editInput, output: s.secretSummary },
  markExposed: { channel: CHANNELS.markExposed, input: s.nameInput, output: s.secretSummary },
  clearExposed: { channel: CHANNELS.clearExposed, input: s.nameInput, output: s.secretSummary },
  deleteSecret: { channel: CHANNELS.deleteSecret, input: s.nameInput, output: s.okResult },
  history: { channel: CHANNELS.history, input: s.nameInput, output: s.historyResult },
  reveal: { channel: CHANNELS.reveal, input: s.nameInput, output: s.revealResult },
  copy: { channel: CHANNELS.copy, input: s.nameInput, output: s.copyResult },
  previewExport: { channel: CHANNELS.previewExport, input: s.selectionInput, output: s.exportPreview },
  saveExport: { channel: CHANNELS.saveExport, input: s.selectionInput, output: s.exportSaved },
  chooseImport: { channel: CHANNELS.chooseImport, input: s.importChooseInput, output: s.importChosen },
  applyImport: { channel: CHANNELS.applyImport, input: s.importApplyInput, output: s.importApplied },
  lockVault: { channel: CHANNELS.lockVault, input: s.noInput, output: s.vaultStatus },
  unlockVault: { channel: CHANNELS.unlockVault, input: s.unlockInput, output: s.vaultStatus },
  setMasterPassword: { channel: CHANNELS.setMasterPassword, input: s.setPasswordInput, output: s.passwordResult },
  getSettings: { channel: CHANNELS.getSettings, input: s.noInput, output: s.settingsResult },
  saveSettings: { channel: CHANNELS.saveSettings, input: s.settingsPatch, output: s.settingsResult },
  keyReminders: { channel: CHANNELS.keyReminders, input: s.nameInput, output: s.keyReminders },
  setKeyReminders: { channel: CHANNELS.setKeyReminders, input: s.setKeyRemindersInput, output: s.keyReminders },
  pollApp: { channel: CHANNELS.pollApp, input: s.noInput, output: s.appPoll },
  saveBackup: { channel: CHANNELS.saveBackup, input: s.backupSaveInput, output: s.backupSaved },
  chooseBackup: { channel: CHANNELS.chooseBackup, input: s.noInput, output: s.backupChosen },
  restoreBackup: { channel: CHANNELS.restoreBackup, input: s.backupRestoreInput, output: s.backupRestored },
  startScan: { channel: CHANNELS.startScan, input: s.scanStartInput, output: s.scanStarted },
  scanProgress: { channel: CHANNELS.scanProgress, input: s.scanJobInput, output: s.scanProgress },
  addScanFinding: { channel: CHANNELS.addScanFinding, input: s.scanAddInput, output: s.addResult },
} as const satisfies Record<keyof typeof CHANNELS, { channel: string; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof CONTRACT;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** What every call resolves to: errors are values with a stable code, never a thrown string. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
export interface ApiError {
  readonly code: string;
  readonly message: string;
}

/** window.rekey, as the renderer sees it. */
export type RekeyApi = {
  readonly [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>>;
};

export const METHODS = Object.keys(CONTRACT) as Method[];
export { CHANNELS };
