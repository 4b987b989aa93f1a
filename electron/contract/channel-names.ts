/**
 * The channel of every window.rekey function: rekey:<area>:<verb>. Kept apart from the
 * schemas so the sandboxed preload bundles these names and nothing else.
 * reveal is the one channel that carries a plaintext value to the renderer (explicit Reveal);
 * copy has main write the clipboard, so the value never crosses.
 */
export const CHANNELS = {
  vaultStatus: 'rekey:vault:status',
  initVault: 'rekey:vault:init',
  listProviders: 'rekey:providers:list',
  listSecrets: 'rekey:secrets:list',
  detect: 'rekey:secrets:detect',
  addSecret: 'rekey:secrets:add',
  rotateSecret: 'rekey:secrets:rotate',
  undoRotation: 'rekey:secrets:undo-rotate',
  editSecret: 'rekey:secrets:edit',
  markExposed: 'rekey:secrets:expose',
  clearExposed: 'rekey:secrets:unexpose',
  deleteSecret: 'rekey:secrets:delete',
  history: 'rekey:secrets:history',
  reveal: 'rekey:secrets:reveal',
  copy: 'rekey:secrets:copy',
  previewExport: 'rekey:export:preview',
  saveExport: 'rekey:export:save',
  chooseImport: 'rekey:import:choose',
  applyImport: 'rekey:import:apply',
  lockVault: 'rekey:vault:lock',
  unlockVault: 'rekey:vault:unlock',
  setMasterPassword: 'rekey:vault:set-password',
  getSettings: 'rekey:settings:get',
  saveSettings: 'rekey:settings:save',
  keyReminders: 'rekey:reminders:get',
  setKeyReminders: 'rekey:reminders:set',
  pollApp: 'rekey:app:poll',
  saveBackup: 'rekey:backup:save',
  chooseBackup: 'rekey:backup:choose',
  restoreBackup: 'rekey:backup:restore',
  startScan: 'rekey:scan:start',
  scanProgress: 'rekey:scan:progress',
  addScanFinding: 'rekey:scan:add-finding',
} as const;

export type ChannelMethod = keyof typeof CHANNELS;
