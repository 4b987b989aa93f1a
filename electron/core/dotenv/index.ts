export { cannotCarryReason } from './carry.js';
export { isValidEnvVarName } from './env-var-name.js';
export { EXPORT_FORMATS } from './formats.js';
export type { ExportEntry, ExportFormat } from './formats.js';
export { gitExposureWarning } from './git-exposure.js';
export { MAX_IMPORT_BYTES, parseEnvFile } from './parse-env-file.js';
export type { ParsedEnvFile } from './parse-env-file.js';
export { serialise } from './serialise.js';
export { writeFileAtomic } from './write-file-atomic.js';
