import { GENERIC_PROVIDER_ID } from './provider.js';
import type { KeyForm, ProviderSpec } from './provider.js';

/*
 * Formats follow what providers document or what public secret scanners (gitleaks,
 * GitHub secret scanning) match. Order is detection priority: a more specific shape
 * must come before a looser one that could also match it (Anthropic's `sk-ant-` before
 * OpenAI's `sk-`), and generic is always last.
 */

const URL_SAFE = '[A-Za-z0-9_-]';
const ALNUM_ONLY = /^[A-Za-z0-9]*$/;
const URL_SAFE_ONLY = /^[A-Za-z0-9_-]*$/;
const LOWER_HEX_ONLY = /^[0-9a-f]*$/;

function form(prefixes: readonly string[], body: string, alphabet: RegExp, min: number, max = min): KeyForm {
  return { prefixes, body, alphabet, bodyLength: { min, max } };
}

export const PROVIDER_SPECS: readonly ProviderSpec[] = [
  {
    id: 'anthropic',
    displayName: 'Anthropic',
    suggestedEnvVar: 'ANTHROPIC_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://console.anthropic.com/settings/keys',
    forms: [form(['sk-ant-api03-', 'sk-ant-admin01-'], `${URL_SAFE}{93}AA`, URL_SAFE_ONLY, 95)],
    formatHint: 'sk-ant-api03- (or sk-ant-admin01-) followed by 95 letters, digits, - or _, ending in AA',
    alphabetHint: 'letters, digits, - and _',
  },
  {
    id: 'openai',
    displayName: 'OpenAI',
    suggestedEnvVar: 'OPENAI_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://platform.openai.com/api-keys',
    forms: [
      // Every OpenAI key carries the marker T3BlbkFJ ("OpenAI" in base64) in its middle.
      form(
        ['sk-proj-', 'sk-svcacct-', 'sk-admin-'],
        `(?:${URL_SAFE}{74}T3BlbkFJ${URL_SAFE}{74}|${URL_SAFE}{58}T3BlbkFJ${URL_SAFE}{58}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})`,
        URL_SAFE_ONLY,
        48,
        156,
      ),
      form(['sk-'], '[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}', ALNUM_ONLY, 48),
    ],
    formatHint:
      'sk-proj-, sk-svcacct- or sk-admin- followed by letters, digits, - or _ around the marker T3BlbkFJ (legacy keys: sk- and 48 letters and digits)',
    alphabetHint: 'letters, digits, - and _',
  },
  {
    id: 'github-fine-grained',
    displayName: 'GitHub (fine-grained token)',
    suggestedEnvVar: 'GITHUB_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://github.com/settings/personal-access-tokens',
    forms: [form(['github_pat_'], '[A-Za-z0-9]{22}_[A-Za-z0-9]{59}', /^[A-Za-z0-9_]*$/, 82)],
    formatHint: 'github_pat_ followed by 22 letters and digits, an underscore, and 59 letters and digits',
    alphabetHint: 'letters, digits and _',
  },
  {
    id: 'github-classic',
    displayName: 'GitHub (classic token)',
    suggestedEnvVar: 'GITHUB_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://github.com/settings/tokens',
    forms: [form(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], '[A-Za-z0-9]{36}', ALNUM_ONLY, 36)],
    formatHint: 'ghp_, gho_, ghu_, ghs_ or ghr_ followed by 36 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'gitlab',
    displayName: 'GitLab',
    suggestedEnvVar: 'GITLAB_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
    forms: [
      // Newer "routable" tokens end in .<2 chars><7 chars>; older ones are 20 characters.
      form(['glpat-'], `(?:${URL_SAFE}{27,300}\\.[0-9a-z]{9}|${URL_SAFE}{20})`, /^[A-Za-z0-9_.-]*$/, 20, 310),
    ],
    formatHint: 'glpat- followed by 20 letters, digits, - or _ (newer tokens: longer, ending in a dot and 9 characters)',
    alphabetHint: 'letters, digits, -, _ and .',
  },
  {
    id: 'aws-access-key-id',
    displayName: 'AWS access key ID',
    suggestedEnvVar: 'AWS_ACCESS_KEY_ID',
    // CIS AWS Foundations flags access keys older than 90 days; reminding at 60 leaves time to act first.
    defaultRotateEveryDays: 60,
    rotateUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    // Key ids are base32, so the only digits that occur are 2-7.
    forms: [form(['AKIA', 'ASIA'], '[A-Z2-7]{16}', /^[A-Z2-7]*$/, 16)],
    formatHint: 'AKIA (or ASIA for temporary keys) followed by 16 uppercase letters and digits 2-7',
    alphabetHint: 'uppercase letters and the digits 2-7',
  },
  {
    id: 'stripe-secret',
    displayName: 'Stripe (secret key)',
    suggestedEnvVar: 'STRIPE_SECRET_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://dashboard.stripe.com/apikeys',
    forms: [form(['sk_live_', 'sk_test_'], '[A-Za-z0-9]{24,247}', ALNUM_ONLY, 24, 247)],
    formatHint: 'sk_live_ or sk_test_ followed by at least 24 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'stripe-restricted',
    displayName: 'Stripe (restricted key)',
    suggestedEnvVar: 'STRIPE_RESTRICTED_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://dashboard.stripe.com/apikeys',
    forms: [form(['rk_live_', 'rk_test_'], '[A-Za-z0-9]{24,247}', ALNUM_ONLY, 24, 247)],
    formatHint: 'rk_live_ or rk_test_ followed by at least 24 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'slack',
    displayName: 'Slack',
    suggestedEnvVar: 'SLACK_BOT_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://api.slack.com/apps',
    forms: [
      form(['xoxb-'], '(?:\\d{10,13}-\\d{10,13}-[A-Za-z0-9]{24}|\\d{8,14}-[A-Za-z0-9]{18,26})', /^[A-Za-z0-9-]*$/, 27, 52),
      form(['xoxp-'], '\\d{10,13}-\\d{10,13}-\\d{10,13}-[0-9a-f]{32}', /^[0-9a-f-]*$/, 65, 74),
      form(['xapp-'], '\\d-[A-Z0-9]{9,12}-\\d{10,13}-[0-9a-f]{64}', /^[A-Za-z0-9-]*$/, 87, 93),
      form(['xoxe.xoxb-', 'xoxe.xoxp-'], '\\d-[A-Za-z0-9]{163,166}', /^[A-Za-z0-9-]*$/, 165, 168),
      form(['xoxe-'], '\\d-[A-Za-z0-9]{146}', /^[A-Za-z0-9-]*$/, 148),
      form(['xoxa-', 'xoxr-'], '(?:\\d-)?[A-Za-z0-9]{8,48}', /^[A-Za-z0-9-]*$/, 8, 50),
    ],
    formatHint: 'xoxb-, xoxp-, xapp-, xoxe- or xoxa- followed by dash-separated groups of digits, letters and digits',
    alphabetHint: 'letters, digits and -',
  },
  {
    id: 'google-api-key',
    displayName: 'Google API key',
    suggestedEnvVar: 'GOOGLE_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://console.cloud.google.com/apis/credentials',
    forms: [form(['AIza'], `${URL_SAFE}{35}`, URL_SAFE_ONLY, 35)],
    formatHint: 'AIza followed by 35 letters, digits, - or _',
    alphabetHint: 'letters, digits, - and _',
  },
  {
    id: 'sendgrid',
    displayName: 'SendGrid',
    suggestedEnvVar: 'SENDGRID_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://app.sendgrid.com/settings/api_keys',
    forms: [form(['SG.'], `${URL_SAFE}{22}\\.${URL_SAFE}{43}`, /^[A-Za-z0-9_.-]*$/, 66)],
    formatHint: 'SG. followed by 22 characters, a dot, and 43 characters (letters, digits, - or _)',
    alphabetHint: 'letters, digits, -, _ and .',
  },
  {
    id: 'npm',
    displayName: 'npm',
    suggestedEnvVar: 'NPM_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://docs.npmjs.com/creating-and-viewing-access-tokens',
    forms: [form(['npm_'], '[A-Za-z0-9]{36}', ALNUM_ONLY, 36)],
    formatHint: 'npm_ followed by 36 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'huggingface',
    displayName: 'Hugging Face',
    suggestedEnvVar: 'HF_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://huggingface.co/settings/tokens',
    forms: [form(['hf_'], '[A-Za-z]{34}', /^[A-Za-z]*$/, 34)],
    formatHint: 'hf_ followed by 34 letters',
    alphabetHint: 'letters only',
  },
  {
    id: 'twilio',
    displayName: 'Twilio (API key)',
    suggestedEnvVar: 'TWILIO_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    forms: [form(['SK'], '[0-9a-f]{32}', LOWER_HEX_ONLY, 32)],
    formatHint: 'SK followed by 32 lowercase hexadecimal characters',
    alphabetHint: 'lowercase hexadecimal characters (0-9, a-f)',
  },
  {
    id: 'digitalocean',
    displayName: 'DigitalOcean',
    suggestedEnvVar: 'DIGITALOCEAN_ACCESS_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://cloud.digitalocean.com/account/api/tokens',
    forms: [form(['dop_v1_'], '[0-9a-f]{64}', LOWER_HEX_ONLY, 64)],
    formatHint: 'dop_v1_ followed by 64 lowercase hexadecimal characters',
    alphabetHint: 'lowercase hexadecimal characters (0-9, a-f)',
  },
  {
    id: 'groq',
    displayName: 'Groq',
    suggestedEnvVar: 'GROQ_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://console.groq.com/keys',
    forms: [form(['gsk_'], '[A-Za-z0-9]{52}', ALNUM_ONLY, 52)],
    formatHint: 'gsk_ followed by 52 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'shopify',
    displayName: 'Shopify',
    suggestedEnvVar: 'SHOPIFY_ACCESS_TOKEN',
    defaultRotateEveryDays: null,
    // Tokens belong to an app inside one store's admin: there is no single page to link to.
    rotateUrl: null,
    forms: [form(['shpat_', 'shpca_', 'shppa_', 'shpss_'], '[0-9a-fA-F]{32}', /^[0-9a-fA-F]*$/, 32)],
    formatHint: 'shpat_, shpca_, shppa_ or shpss_ followed by 32 hexadecimal characters',
    alphabetHint: 'hexadecimal characters (0-9, a-f)',
  },
  {
    id: 'pypi',
    displayName: 'PyPI',
    suggestedEnvVar: 'PYPI_API_TOKEN',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://pypi.org/manage/account/token/',
    // The long prefix is the base64 macaroon header naming pypi.org: identical in every token.
    forms: [form(['pypi-AgEIcHlwaS5vcmc'], `${URL_SAFE}{50,1000}`, URL_SAFE_ONLY, 50, 1000)],
    formatHint: 'pypi-AgEIcHlwaS5vcmc followed by at least 50 letters, digits, - or _',
    alphabetHint: 'letters, digits, - and _',
  },
  {
    id: 'linear',
    displayName: 'Linear',
    suggestedEnvVar: 'LINEAR_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://linear.app/settings/account/security',
    forms: [form(['lin_api_'], '[A-Za-z0-9]{40}', ALNUM_ONLY, 40)],
    formatHint: 'lin_api_ followed by 40 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'perplexity',
    displayName: 'Perplexity',
    suggestedEnvVar: 'PERPLEXITY_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://www.perplexity.ai/settings/api',
    forms: [form(['pplx-'], '[A-Za-z0-9]{48}', ALNUM_ONLY, 48)],
    formatHint: 'pplx- followed by 48 letters and digits',
    alphabetHint: 'letters and digits',
  },
  {
    id: 'databricks',
    displayName: 'Databricks',
    suggestedEnvVar: 'DATABRICKS_TOKEN',
    defaultRotateEveryDays: null,
    // Tokens are created inside each workspace, whose address is the user's own.
    rotateUrl: null,
    forms: [form(['dapi'], '[0-9a-f]{32}(?:-\\d)?', /^[0-9a-f-]*$/, 32, 34)],
    formatHint: 'dapi followed by 32 lowercase hexadecimal characters (optionally -<digit>)',
    alphabetHint: 'lowercase hexadecimal characters (0-9, a-f)',
  },
  {
    id: 'mailgun',
    displayName: 'Mailgun',
    suggestedEnvVar: 'MAILGUN_API_KEY',
    defaultRotateEveryDays: null,
    rotateUrl: 'https://app.mailgun.com/settings/api_security',
    forms: [
      form(['key-'], '[0-9a-f]{32}', LOWER_HEX_ONLY, 32),
      // Current keys have no prefix at all: three dash-separated hex groups.
      form([''], '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}', /^[0-9a-f-]*$/, 50),
    ],
    formatHint: '32, 8 and 8 lowercase hexadecimal characters separated by dashes (legacy keys: key- and 32 hexadecimal characters)',
    alphabetHint: 'lowercase hexadecimal characters (0-9, a-f) and -',
  },
  {
    id: GENERIC_PROVIDER_ID,
    displayName: 'Other',
    suggestedEnvVar: null,
    defaultRotateEveryDays: null,
    rotateUrl: null,
    forms: [],
    formatHint: 'any value',
    alphabetHint: 'any characters',
  },
];
