export { GENERIC_PROVIDER_ID } from './provider.js';
export type { Provider } from './provider.js';
export { listProviders, findProvider } from './registry.js';
export { detectProvider } from './detect.js';
export { checkFormat } from './check-format.js';
export { publicPrefix } from './public-prefix.js';
export { maskValue } from './mask.js';
export { findCandidateKeys, findCandidateKeysInBytes } from './find-candidates.js';
export type { CandidateKey } from './find-candidates.js';
