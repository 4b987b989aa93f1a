import type { Input, Output } from '../../../electron/contract/channels.js';

/** The shapes the window works with, all derived from the one IPC contract. */
export type Secret = Output<'listSecrets'>[number];
export type RotationStatus = Secret['status'];
export type Provider = Output<'listProviders'>[number];
export type VaultStatus = Output<'vaultStatus'>;
export type DetectResult = Output<'detect'>;
export type HistoryResult = Output<'history'>;
export type Version = HistoryResult['versions'][number];
export type ExportFormat = Input<'previewExport'>['format'];
export type ExportPreview = Output<'previewExport'>;
export type ExportSaved = Output<'saveExport'>;
export type ImportPreview = NonNullable<Output<'chooseImport'>['preview']>;
export type ImportRow = ImportPreview['rows'][number];
export type SecretPatch = Input<'editSecret'>['patch'];
export type NewSecret = Input<'addSecret'>;
export type Settings = Output<'getSettings'>['settings'];
export type SettingsPatch = Input<'saveSettings'>;
export type KeyReminders = Output<'keyReminders'>;
export type ScanProgress = Output<'scanProgress'>;
export type ScanFinding = ScanProgress['findings'][number];
export type ScanOptions = Input<'startScan'>;
