import type { ScanFinding } from '../api/types';

export interface VaultKeyGroup {
  readonly secretId: string;
  readonly name: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly findings: readonly ScanFinding[];
  /** Some places hold a value the key had before its last rotation. */
  readonly previousValue: boolean;
}

/** Findings of vault values, one group per vault key (in order of first appearance), and the unknown keys apart. */
export function groupFindings(findings: readonly ScanFinding[]): { vaultKeys: VaultKeyGroup[]; unknown: ScanFinding[] } {
  const groups = new Map<string, { first: ScanFinding; findings: ScanFinding[] }>();
  const unknown: ScanFinding[] = [];
  for (const finding of findings) {
    if (finding.secret === null) {
      unknown.push(finding);
      continue;
    }
    const group = groups.get(finding.secret.id);
    if (group) group.findings.push(finding);
    else groups.set(finding.secret.id, { first: finding, findings: [finding] });
  }
  const vaultKeys = [...groups.entries()].map(([secretId, { first, findings: places }]) => ({
    secretId,
    name: first.secret?.name ?? '',
    providerId: first.providerId,
    providerName: first.providerName,
    findings: places,
    previousValue: places.some((place) => place.secret?.current === false),
  }));
  return { vaultKeys, unknown };
}

/** path:line:column, with the short commit for a finding in git history. */
export function findingPlace(finding: ScanFinding): string {
  const place = `${finding.path}:${finding.line}:${finding.column}`;
  return finding.commit === null ? place : `${finding.commit.slice(0, 10)} ${place}`;
}
