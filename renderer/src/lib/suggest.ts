import type { Provider } from '../api/types';

/** NAME or my-key.prod -> MY_KEY_PROD, as the vault does when no provider suggests one. */
export function envVarFromName(name: string): string {
  const upper = name
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const safe = upper === '' ? 'SECRET' : upper;
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

/** A name for a freshly pasted key: "<provider>-key", made unique against what the vault holds. */
export function suggestName(provider: Provider, taken: ReadonlySet<string>, project: string): string {
  const base = `${project === '' ? '' : `${project}/`}${provider.id === 'generic' ? 'api' : provider.id}-key`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function suggestEnvVar(provider: Provider, name: string): string {
  return provider.suggestedEnvVar ?? envVarFromName(name.split('/').pop() ?? name);
}
