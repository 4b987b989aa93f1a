/** A vault secret a finding belongs to: metadata only. */
export interface FindingSecret {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  /** false: a previous value, kept since the last rotation. */
  readonly current: boolean;
}

/**
 * A key found in some text: where it is and what it is. Never holds the value: `masked` is the
 * provider's public prefix, bullets and at most the last 4 characters (the same mask the vault
 * list shows).
 */
export interface KeyHit {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  readonly providerId: string;
  readonly providerName: string;
  readonly masked: string;
  /** The vault key this value belongs to; null for an unknown key (provider-shaped, not in the vault). */
  readonly secret: FindingSecret | null;
}

/** One leaked key, in a file on disk or in git history. */
export interface ScanFinding extends KeyHit {
  /** Stable within one scan, so a caller can refer back to a finding. */
  readonly id: string;
  /** A file as the user named it (relative to where the scan ran), or the path inside a commit. */
  readonly path: string;
  /** The commit where the blob first appears, for findings in git history; null for files on disk. */
  readonly commit: string | null;
}

export interface ScanSummary {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly skippedBinary: number;
  readonly skippedLarge: number;
  /** Git blobs read with --history (each once). */
  readonly blobsScanned: number;
  /** Vault values shorter than the shortest value worth matching. */
  readonly valuesTooShort: number;
}

export interface ScanReport {
  readonly findings: readonly ScanFinding[];
  readonly summary: ScanSummary;
}
