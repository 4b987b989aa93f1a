/** Matches core's rule for backup passphrases (electron/core/backup/backup-file.ts). */
export const MIN_PASSPHRASE_LENGTH = 10;

export interface Strength {
  /** 0 = too short to use, 1 weak … 4 very strong. */
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly label: string;
  readonly hint: string;
}

const COMMON = ['password', 'passphrase', 'qwerty', 'letmein', 'welcome', 'rekey', 'secret', 'admin', 'iloveyou', '123456', 'abc123'];

/**
 * A rough guessing-cost estimate for the meter: the alphabet the passphrase draws from, its
 * length, minus what repeats, runs and well-known words give away. It guides; it is not a
 * proof. Several unrelated words beat clever symbols, and the hint says so.
 */
export function passphraseStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  if (chars.length < MIN_PASSPHRASE_LENGTH) {
    return { score: 0, label: 'Too short', hint: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well.` };
  }
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  // characters that repeat the one before, or continue a run (abc, 123), add almost nothing
  let effective = 0;
  chars.forEach((char, index) => {
    const previous = chars[index - 1];
    const step = previous === undefined ? NaN : (char.codePointAt(0) ?? 0) - (previous.codePointAt(0) ?? 0);
    effective += step === 0 || Math.abs(step) === 1 ? 0.25 : 1;
  });
  let bits = effective * Math.log2(Math.max(pool, 2));
  const lower = passphrase.toLowerCase();
  for (const word of COMMON) if (lower.includes(word)) bits -= word.length * 3;
  const distinct = new Set(chars).size;
  if (distinct < 5) bits = Math.min(bits, 20);
  if (bits < 45) return { score: 1, label: 'Weak', hint: 'Easy to guess. Add more words, or make it longer.' };
  if (bits < 65) return { score: 2, label: 'Fair', hint: 'Could be longer: another word or two makes guessing far harder.' };
  if (bits < 90) return { score: 3, label: 'Strong', hint: 'A good passphrase, hard to guess.' };
  return { score: 4, label: 'Very strong', hint: 'Very hard to guess.' };
}
