import { createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS_MAC: Buffer = Buffer.alloc(32, 0);

export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly secretId: string | null;
  readonly detailJson: string;
}

export interface ChainedAuditRecord extends AuditRecord {
  readonly prevMac: Buffer;
  readonly mac: Buffer;
}

/** The exact bytes the MAC covers; seq is inside, so reordering rows breaks the chain. */
function canonical(record: AuditRecord): string {
  return JSON.stringify([record.seq, record.at, record.action, record.secretId, record.detailJson]);
}

export function chainMac(auditKey: Buffer, prevMac: Buffer, record: AuditRecord): Buffer {
  return createHmac('sha256', auditKey).update(prevMac).update(canonical(record), 'utf8').digest();
}

/**
 * The MAC'd pointer to the newest entry: without it, deleting the last rows would leave a
 * chain that still verifies.
 */
export function headMac(auditKey: Buffer, seq: number, mac: Buffer): Buffer {
  return createHmac('sha256', auditKey).update(`rekey/v1/audit-head|${seq}|`).update(mac).digest();
}

export type AuditVerdict =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly firstBrokenSeq: number; readonly reason: string };

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AuditHead {
  readonly seq: number;
  readonly mac: Buffer;
  readonly headMac: Buffer;
}

/** Entry 1 is the vault's creation and names the vault: a log that starts anywhere else was cut. */
function isGenesisOf(record: AuditRecord, vaultId: string): boolean {
  if (record.action !== 'vault.init') return false;
  try {
    const detail = JSON.parse(record.detailJson) as { vaultId?: unknown } | null;
    return detail !== null && typeof detail === 'object' && detail.vaultId === vaultId;
  } catch {
    return false;
  }
}

/**
 * Walks the chain in seq order and names the first entry that does not hold. The log must start
 * at entry 1, `vault.init` naming `vaultId`: an empty log, or one whose start was removed, fails.
 */
export function verifyChain(
  auditKey: Buffer,
  records: Iterable<ChainedAuditRecord>,
  head: AuditHead | null,
  vaultId: string,
): AuditVerdict {
  let expectedPrev: Buffer = GENESIS_MAC;
  let expectedSeq = 1;
  let count = 0;
  for (const record of records) {
    count++;
    if (record.seq !== expectedSeq) {
      return {
        ok: false,
        entries: count,
        firstBrokenSeq: expectedSeq,
        reason: record.seq > expectedSeq ? `entry ${expectedSeq} is missing` : `entry ${record.seq} is out of order`,
      };
    }
    if (!same(record.prevMac, expectedPrev)) {
      return {
        ok: false,
        entries: count,
        firstBrokenSeq: record.seq,
        reason: `entry ${record.seq} does not follow entry ${record.seq - 1}`,
      };
    }
    if (!same(record.mac, chainMac(auditKey, record.prevMac, record))) {
      return { ok: false, entries: count, firstBrokenSeq: record.seq, reason: `entry ${record.seq} was altered` };
    }
    if (record.seq === 1 && !isGenesisOf(record, vaultId)) {
      return { ok: false, entries: count, firstBrokenSeq: 1, reason: "entry 1 is not this vault's creation (vault.init with its id)" };
    }
    expectedPrev = record.mac;
    expectedSeq++;
  }
  const last = expectedSeq - 1;
  if (last === 0) {
    return { ok: false, entries: 0, firstBrokenSeq: 1, reason: "the log is empty: even entry 1, the vault's creation, is missing" };
  }
  if (head === null) {
    return { ok: false, entries: count, firstBrokenSeq: last, reason: 'the record of the newest entry is missing' };
  }
  if (!same(head.headMac, headMac(auditKey, head.seq, head.mac))) {
    return {
      ok: false,
      entries: count,
      firstBrokenSeq: Math.min(head.seq, last + 1),
      reason: 'the record of the newest entry was altered',
    };
  }
  if (head.seq !== last || !same(head.mac, expectedPrev)) {
    return head.seq > last
      ? { ok: false, entries: count, firstBrokenSeq: last + 1, reason: `entries ${last + 1} to ${head.seq} were removed` }
      : { ok: false, entries: count, firstBrokenSeq: head.seq + 1, reason: `entry ${head.seq + 1} was not written by Rekey` };
  }
  return { ok: true, entries: count };
}
