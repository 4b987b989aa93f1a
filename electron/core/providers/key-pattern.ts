import type { KeyForm, ProviderSpec } from './provider.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formSource(form: KeyForm): string {
  return `(?:${form.prefixes.map(escapeRegExp).join('|')})${form.body}`;
}

/** Regex source for any of the provider's key shapes, unanchored, without capturing groups. */
export function shapeSource(spec: ProviderSpec): string {
  return spec.forms.map(formSource).join('|');
}

const wholeValuePatterns = new Map<string, RegExp>();

/** True when the entire value, with nothing around it (not even whitespace), is one of the provider's shapes. */
export function matchesFormat(spec: ProviderSpec, value: string): boolean {
  if (spec.forms.length === 0) return false;
  let pattern = wholeValuePatterns.get(spec.id);
  if (pattern === undefined) {
    pattern = new RegExp(`^(?:${shapeSource(spec)})$`);
    wholeValuePatterns.set(spec.id, pattern);
  }
  return pattern.test(value);
}
