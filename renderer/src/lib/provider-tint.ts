/**
 * A provider badge's tint: a class per known provider (chosen to echo its brand), and a stable
 * hashed one for anything else, so the same provider always looks the same.
 */
const KNOWN = new Set([
  'anthropic',
  'openai',
  'github-fine-grained',
  'github-classic',
  'gitlab',
  'aws-access-key-id',
  'stripe-secret',
  'stripe-restricted',
  'slack',
  'google-api-key',
  'sendgrid',
  'npm',
  'huggingface',
  'twilio',
  'digitalocean',
  'groq',
  'shopify',
  'pypi',
  'linear',
  'perplexity',
  'databricks',
  'mailgun',
  'generic',
]);

export function providerTintClass(providerId: string): string {
  if (KNOWN.has(providerId)) return `tint-${providerId}`;
  let hash = 0;
  for (const char of providerId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `tint-hash-${hash % 8}`;
}
