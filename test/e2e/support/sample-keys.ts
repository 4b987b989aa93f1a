import { randomInt } from 'node:crypto';

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function random(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}

/** Provider-shaped values, random per run, never real keys. */
export const keys = {
  /** sk-proj- + 74 + the T3BlbkFJ marker + 74: what OpenAI issues today. */
  openai: () => `sk-proj-${random(URL_SAFE, 74)}T3BlbkFJ${random(URL_SAFE, 74)}`,
  github: () => `ghp_${random(ALNUM, 36)}`,
  stripe: () => `sk_live_${random(ALNUM, 32)}`,
  anthropic: () => `sk-ant-api03-${random(URL_SAFE, 93)}AA`,
  generic: () => `generic-${random(ALNUM, 40)}`,
};
