import type { scanning } from '../core/index.js';
import { table } from './format.js';
import { oneLine } from './terminal-safe.js';

type ScanFinding = scanning.ScanFinding;
type ScanReport = scanning.ScanReport;

export function where(finding: ScanFinding): string {
  const place = `${oneLine(finding.path)}:${finding.line}:${finding.column}`;
  return finding.commit === null ? place : `${finding.commit.slice(0, 12)}:${place}`;
}

export function vaultKeyWords(finding: ScanFinding): string {
  if (finding.secret === null) return 'not in the vault';
  const name = oneLine(finding.secret.name);
  return finding.secret.current ? name : `${name} (previous value, v${finding.secret.version})`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export function summaryLine(report: ScanReport): string {
  const { summary, findings } = report;
  const vault = findings.filter((finding) => finding.secret !== null);
  const keys = new Set(vault.map((finding) => finding.secret?.id));
  const scanned = [plural(summary.filesScanned, 'file')];
  if (summary.blobsScanned > 0) scanned.push(plural(summary.blobsScanned, 'git blob'));
  const skipped = [];
  if (summary.skippedBinary > 0) skipped.push(`${summary.skippedBinary} binary`);
  if (summary.skippedLarge > 0) skipped.push(`${summary.skippedLarge} over 5 MB`);
  const found =
    findings.length === 0
      ? 'No leaked keys found'
      : `${plural(vault.length, 'vault value')} (${plural(keys.size, 'key')}) and ${plural(findings.length - vault.length, 'unknown key')} found`;
  const megabytes = (summary.bytesScanned / 1024 / 1024).toFixed(1);
  return `${found}. Scanned ${scanned.join(' and ')} (${megabytes} MB)${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}.`;
}

export function findingsTable(findings: readonly ScanFinding[]): string {
  return table(
    ['WHERE', 'PROVIDER', 'VALUE', 'VAULT KEY'],
    findings.map((finding) => [where(finding), finding.providerName, finding.masked, vaultKeyWords(finding)]),
  );
}

export function scanJson(report: ScanReport): unknown {
  return { findings: report.findings, summary: report.summary };
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function ruleId(finding: ScanFinding): string {
  return finding.secret === null ? `unknown-key/${finding.providerId}` : 'vault-value';
}

/** SARIF 2.1.0, the format code-scanning services read: one rule per kind, one result per finding. */
export function scanSarif(report: ScanReport, version: string): unknown {
  const rules = new Map<string, unknown>();
  for (const finding of report.findings) {
    const id = ruleId(finding);
    if (rules.has(id)) continue;
    rules.set(
      id,
      finding.secret === null
        ? {
            id,
            name: 'UnknownKey',
            shortDescription: { text: `A ${finding.providerName} key that is not in your Rekey vault` },
            defaultConfiguration: { level: 'warning' },
          }
        : {
            id,
            name: 'VaultValue',
            shortDescription: { text: 'A value stored in your Rekey vault (current or previous)' },
            defaultConfiguration: { level: 'error' },
          },
    );
  }
  const ruleIds = [...rules.keys()];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rekey', version, informationUri: 'https://rekey.dev', rules: [...rules.values()] } },
        results: report.findings.map((finding) => ({
          ruleId: ruleId(finding),
          ruleIndex: ruleIds.indexOf(ruleId(finding)),
          level: finding.secret === null ? 'warning' : 'error',
          message: {
            text:
              finding.secret === null
                ? `${finding.providerName} key ${finding.masked} is not in your vault.`
                : `Value of vault key "${finding.secret.name}" (${finding.masked})${finding.secret.current ? '' : ', a previous version,'} found; rotate it.`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.path.split('\\').join('/') },
                region: { startLine: finding.line, startColumn: finding.column },
              },
            },
          ],
          ...(finding.commit === null ? {} : { properties: { commit: finding.commit } }),
        })),
      },
    ],
  };
}
