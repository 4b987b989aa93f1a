export type { KnownValue } from './known-values.js';
export { KnownValueIndex, MIN_KNOWN_VALUE_BYTES } from './known-values.js';
export type { FindingSecret, ScanFinding, ScanReport, ScanSummary } from './finding.js';
export { type ScanOptions, type ScanProgress, MAX_FILE_BYTES, scan, scanStaged } from './scan.js';
export { VENDORED_FOLDERS } from './walk-files.js';
export { installPreCommitHook, type HookInstall } from './pre-commit-hook.js';
