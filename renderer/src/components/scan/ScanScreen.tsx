import { useState } from 'react';
import type { ScanFinding, ScanOptions, ScanProgress, Secret } from '../../api/types';
import type { ScanState } from '../../hooks/useScanJob';
import { useRowActions } from '../../hooks/useSecretActions';
import type { DialogRequest } from '../../lib/dialog-request';
import { type VaultKeyGroup, findingPlace, groupFindings } from '../../lib/scan-groups';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Icon } from '../common/Icon';
import { ProviderBadge, shortProviderName } from '../common/ProviderBadge';
import { Spinner } from '../common/Spinner';
import '../common/button.css';
import './scan.css';
import '../vault/list-message.css';
import '../vault/vault-header.css';

interface ScanScreenProps {
  scan: ScanState;
  onStart: (options: ScanOptions) => void;
  onBack: () => void;
  secrets: readonly Secret[];
  onOpen: (request: DialogRequest) => void;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** "Scan a folder": where did the vault's keys leak? Findings by vault key, then unknown keys. */
export function ScanScreen({ scan, onStart, onBack, secrets, onOpen }: ScanScreenProps) {
  const [options, setOptions] = useState<Required<ScanOptions>>({ history: false, includeIgnored: false, includeVendored: false });
  const running = scan.kind === 'starting' || (scan.kind === 'job' && scan.progress.state === 'running');
  const toggle = (key: keyof ScanOptions) => setOptions((current) => ({ ...current, [key]: !current[key] }));

  return (
    <>
      <header className="vault-header">
        <div className="vault-header__title">
          <h1>Scan a folder</h1>
          <p className="vault-header__count">
            Finds your vault’s keys (current and previous values) and other providers’ keys in files and git history.
          </p>
        </div>
        <div className="vault-header__actions">
          <Button icon="key" onClick={onBack}>
            Back to keys
          </Button>
          <Button variant="primary" icon="search" busy={scan.kind === 'starting'} disabled={running} onClick={() => onStart(options)}>
            Choose a folder…
          </Button>
        </div>
      </header>
      <fieldset className="scan-options" disabled={running}>
        <legend className="visually-hidden">Scan options</legend>
        <label className="scan-option">
          <input type="checkbox" checked={options.history} onChange={() => toggle('history')} />
          Include git history <span className="scan-option__hint">every commit of every branch</span>
        </label>
        <label className="scan-option">
          <input type="checkbox" checked={options.includeIgnored} onChange={() => toggle('includeIgnored')} />
          Include gitignored files <span className="scan-option__hint">such as a local .env</span>
        </label>
        <label className="scan-option">
          <input type="checkbox" checked={options.includeVendored} onChange={() => toggle('includeVendored')} />
          Include vendored code <span className="scan-option__hint">node_modules, vendor/, third_party/</span>
        </label>
      </fieldset>
      <div className="scan-body">
        {scan.kind === 'idle' && (
          <div className="list-message">
            <span className="list-message__icon">
              <Icon name="search" size={26} />
            </span>
            <p className="list-message__title">Where did your keys end up?</p>
            <div className="list-message__body">
              <p>
                Choose a project folder. Rekey looks for every value in your vault, and for other API keys that are not in it. Nothing
                leaves this computer, and values are only shown masked.
              </p>
            </div>
          </div>
        )}
        {scan.kind === 'starting' && (
          <div className="list-loading">
            <Spinner label="Waiting for a folder" />
          </div>
        )}
        {scan.kind === 'error' && (
          <Callout tone="danger" title="The scan could not start">
            {scan.message}
          </Callout>
        )}
        {scan.kind === 'job' && <ScanResults progress={scan.progress} secrets={secrets} onOpen={onOpen} jobId={scan.jobId} />}
      </div>
    </>
  );
}

function ScanResults({
  progress,
  secrets,
  onOpen,
  jobId,
}: {
  progress: ScanProgress;
  secrets: readonly Secret[];
  onOpen: (request: DialogRequest) => void;
  jobId: string;
}) {
  if (progress.state === 'running') {
    const total = Math.max(progress.filesTotal, 1);
    return (
      <section className="scan-progress" aria-label="Scan progress">
        <p className="scan-progress__path">
          Scanning <bdi className="mono">{progress.path}</bdi>
        </p>
        <progress className="scan-progress__bar" max={total} value={progress.filesDone} aria-label="Files scanned" />
        <p className="scan-progress__counts" aria-live="polite">
          {progress.filesTotal === 0
            ? 'Listing files…'
            : `${progress.filesDone.toLocaleString()} of ${plural(progress.filesTotal, 'file')} · ${megabytes(progress.bytesDone)} of ${megabytes(progress.bytesTotal)} MB`}
        </p>
      </section>
    );
  }
  if (progress.state === 'failed') {
    return (
      <Callout tone="danger" title="The scan stopped">
        {progress.error}
      </Callout>
    );
  }
  const { vaultKeys, unknown } = groupFindings(progress.findings);
  const summary = progress.summary;
  return (
    <div className="scan-results">
      <p className="scan-summary" aria-live="polite">
        <bdi className="mono">{progress.path}</bdi>:{' '}
        {summary === null
          ? ''
          : `${plural(summary.filesScanned, 'file')}${summary.blobsScanned > 0 ? ` and ${plural(summary.blobsScanned, 'git blob')}` : ''} scanned (${megabytes(summary.bytesScanned)} MB)${
              summary.skippedBinary + summary.skippedLarge > 0
                ? `; skipped ${summary.skippedBinary} binary, ${summary.skippedLarge} over 5 MB`
                : ''
            }.`}
      </p>
      {vaultKeys.length === 0 && unknown.length === 0 && (
        <Callout tone="success" title="No leaked keys found">
          None of your vault’s values, and no other provider keys, are in this folder.
        </Callout>
      )}
      {vaultKeys.length > 0 && (
        <section aria-labelledby="scan-vault-keys">
          <h2 id="scan-vault-keys" className="scan-section__title">
            <Icon name="shieldAlert" /> {plural(vaultKeys.length, 'vault key')} found
          </h2>
          <ul className="scan-groups">
            {vaultKeys.map((group) => (
              <VaultKeyCard
                key={group.secretId}
                group={group}
                secret={secrets.find((secret) => secret.id === group.secretId)}
                onOpen={onOpen}
              />
            ))}
          </ul>
        </section>
      )}
      {unknown.length > 0 && (
        <section aria-labelledby="scan-unknown-keys">
          <h2 id="scan-unknown-keys" className="scan-section__title">
            <Icon name="key" /> {plural(unknown.length, 'key')} not in your vault
          </h2>
          <ul className="scan-unknown">
            {unknown.map((finding) => (
              <UnknownKeyRow key={finding.id} finding={finding} onAdd={() => onOpen({ kind: 'add-finding', jobId, finding })} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Places({ findings }: { findings: readonly ScanFinding[] }) {
  return (
    <ul className="scan-places">
      {findings.map((finding) => (
        <li key={finding.id} className="scan-place">
          <bdi className="mono">{findingPlace(finding)}</bdi>
          <span className="masked">{finding.masked}</span>
          {finding.secret?.current === false && <span className="scan-tag">previous value</span>}
        </li>
      ))}
    </ul>
  );
}

function VaultKeyCard({
  group,
  secret,
  onOpen,
}: {
  group: VaultKeyGroup;
  secret: Secret | undefined;
  onOpen: (request: DialogRequest) => void;
}) {
  const actions = useRowActions();
  const exposed = secret?.status === 'exposed';
  return (
    <li className="scan-group" aria-label={group.name}>
      <div className="scan-group__head">
        <div className="scan-group__title">
          <span className="scan-group__name">{group.name}</span>
          <ProviderBadge id={group.providerId} name={group.providerName} />
          <span className="scan-group__count">{plural(group.findings.length, 'place')}</span>
          {exposed && <span className="scan-tag scan-tag--exposed">Exposed</span>}
        </div>
        <div className="scan-group__actions">
          {secret?.rotateUrl != null && (
            <a
              className="btn btn--ghost"
              href={secret.rotateUrl}
              target="_blank"
              rel="noreferrer noopener"
              title={`Open the ${group.providerName} key page`}
            >
              {shortProviderName(group.providerName)} keys
              <Icon name="external" size={14} />
            </a>
          )}
          <Button icon="shieldAlert" disabled={secret === undefined || exposed} onClick={() => secret && actions.toggleExposed(secret)}>
            {exposed ? 'Marked exposed' : 'Mark exposed'}
          </Button>
          <Button
            variant="primary"
            icon="rotate"
            disabled={secret === undefined}
            onClick={() => secret && onOpen({ kind: 'rotate', secret })}
          >
            Rotate now
          </Button>
        </div>
      </div>
      {group.previousValue && (
        <p className="scan-group__note">
          Some places hold the value this key had before its last rotation: revoke that one at the provider too.
        </p>
      )}
      <Places findings={group.findings} />
    </li>
  );
}

function UnknownKeyRow({ finding, onAdd }: { finding: ScanFinding; onAdd: () => void }) {
  return (
    <li className="scan-unknown__row">
      <ProviderBadge id={finding.providerId} name={finding.providerName} />
      <span className="masked">{finding.masked}</span>
      <bdi className="mono scan-unknown__place">{findingPlace(finding)}</bdi>
      <Button icon="plus" onClick={onAdd}>
        Add to vault
      </Button>
    </li>
  );
}
