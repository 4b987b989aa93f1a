/** What the rest of the app may know about a provider: metadata only, never a pattern. */
export interface Provider {
  readonly id: string;
  readonly displayName: string;
  readonly suggestedEnvVar: string | null;
  /**
   * The provider's own rotation interval in days (AWS: 60), or null: then a new key gets the
   * user's default from settings.
   */
  readonly defaultRotateEveryDays: number | null;
  readonly rotateUrl: string | null;
}

export const GENERIC_PROVIDER_ID = 'generic';

/**
 * One shape a provider's keys come in. `body` is regex source for what follows the
 * prefix; it must not contain capturing groups, because the candidate scanner joins
 * every body into one alternation and tells providers apart by group number.
 * `alphabet` and `bodyLength` are looser than `body` on purpose: they only exist so a
 * malformed value can be told *what* is wrong (characters or length) before we fall
 * back to "wrong structure".
 */
export interface KeyForm {
  readonly prefixes: readonly string[];
  readonly body: string;
  readonly alphabet: RegExp;
  readonly bodyLength: { readonly min: number; readonly max: number };
}

export interface ProviderSpec extends Provider {
  readonly forms: readonly KeyForm[];
  /** Human description of the expected format, used in checkFormat warnings. */
  readonly formatHint: string;
  /** Describes `alphabet` for the "unexpected characters" warning. */
  readonly alphabetHint: string;
}
