/**
 * `npm run bench` (third part): what the reminder engine says over 60 days, and what a master
 * password costs at unlock.
 *
 *  (a) A generated vault of 30 keys falling due one every two days over the next 60 days, plus
 *      one key marked exposed on day 25. The app's hourly check runs 1,440 times (every hour of
 *      60 days) on the real engine and the real SQLite state; even-numbered keys are rotated two
 *      days after their due date (the user acted on the notice), odd ones are left alone. The
 *      table shows, day by day, how many notices went out and of which kinds.
 *  (b) Unlock (Vault.open: one keychain read, then scrypt and unwrap when a master password is
 *      set) on the real keychain, median/min/max over several runs, with and without a password.
 *
 *   node scripts/build.js && bash test/scripts/with-private-keyring.sh node dist/bench/reminders-lock-bench.js
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, addHours, differenceInCalendarDays, format } from 'date-fns';
import {
  type Clock,
  MemoryKeyStore,
  type NoticeKind,
  Vault,
  VaultMetadata,
  changeMasterPassword,
  vaultKeyAccount,
} from '../../electron/core/index.js';
import { DEFAULT_SCRYPT_COST, derivePasswordKey, newKdfParams } from '../../electron/core/crypto/password-kdf.js';
import { realKeyStore, testKeychainService } from '../support/real-keychain.js';
import { Cleanup } from './cleanup.js';
import { machineLine, requireNode22 } from './machine.js';
import { type Figures, repeat, timeMs } from './stats.js';
import { formatNumber, renderTable } from './table.js';

const DAYS = 60;
const KEYS = 30;
const UNLOCK_RUNS = 7;
const KINDS: readonly NoticeKind[] = ['due-soon', 'due', 'overdue', 'exposed'];

class BenchClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function cell(figures: Figures): string {
  return `${formatNumber(figures.median)} ms (${formatNumber(figures.min)}–${formatNumber(figures.max)}, ${figures.runs} runs)`;
}

async function sixtyDays(root: string): Promise<{ table: string; summary: string[] }> {
  // local 09:00 today, so "day N" is a calendar day in this machine's zone
  const start = new Date();
  start.setHours(9, 0, 0, 0);
  const clock = new BenchClock(start);
  const home = join(root, 'sixty-days');
  const keyStore = new MemoryKeyStore();
  const vault = await Vault.init({ home, keyStore, clock });
  const names: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    // due on day 2i+1 (days 1..59), each with a 90-day interval rotated long enough ago
    const name = `key-${String(i + 1).padStart(2, '0')}`;
    names.push(name);
    vault.add({ name, rotateEveryDays: 90, rotatedAt: addDays(start, 2 * i + 1 - 90) }, `bench-${randomBytes(24).toString('base64url')}`);
  }
  vault.add({ name: 'leaked-token', rotateEveryDays: 90 }, `bench-${randomBytes(24).toString('base64url')}`);
  const metadata = VaultMetadata.open(home, clock);
  const perDay = new Map<number, Map<NoticeKind, number>>();
  const checkMs: number[] = [];
  let rotated = 0;

  for (let hour = 0; hour < DAYS * 24; hour++) {
    clock.current = addHours(start, hour);
    const day = differenceInCalendarDays(clock.current, start);
    if (hour % 24 === 0) {
      if (day === 25) vault.markExposed('leaked-token');
      // the user rotates even-numbered keys two days after they fell due
      names.forEach((name, i) => {
        if (i % 2 === 1 && 2 * i + 1 + 2 === day) {
          vault.rotate(name, `bench-${randomBytes(24).toString('base64url')}`);
          rotated++;
        }
      });
    }
    let notices: ReturnType<VaultMetadata['checkReminders']>['notices'] = [];
    checkMs.push(await timeMs(() => (notices = metadata.checkReminders().notices)));
    const counts = perDay.get(day) ?? new Map<NoticeKind, number>();
    for (const notice of notices) counts.set(notice.kind, (counts.get(notice.kind) ?? 0) + 1);
    perDay.set(day, counts);
  }
  metadata.close();
  vault.close();

  const rows: string[][] = [];
  const totals = new Map<NoticeKind, number>();
  for (let day = 0; day < DAYS; day++) {
    const counts = perDay.get(day) ?? new Map<NoticeKind, number>();
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    for (const [kind, n] of counts) totals.set(kind, (totals.get(kind) ?? 0) + n);
    rows.push([
      String(day),
      format(addDays(start, day), 'EEE MMM d'),
      String(total),
      ...KINDS.map((kind) => String(counts.get(kind) ?? 0)),
      '█'.repeat(total),
    ]);
  }
  const all = [...totals.values()].reduce((sum, n) => sum + n, 0);
  const sortedChecks = [...checkMs].sort((a, b) => a - b);
  const busiest = Math.max(...rows.map((row) => Number(row[2])));
  return {
    table: renderTable(['day', 'date', 'notices', 'due-soon', 'due', 'overdue', 'exposed', ''], rows, [
      'right',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    summary: [
      `${KEYS + 1} keys, ${DAYS * 24} hourly checks, ${rotated} keys rotated 2 days after falling due, 1 marked exposed on day 25`,
      `notices in 60 days: ${all} (${KINDS.map((kind) => `${kind} ${totals.get(kind) ?? 0}`).join(', ')}); busiest day: ${busiest}`,
      `one check (engine + SQLite state, ${KEYS + 1} keys): median ${formatNumber(sortedChecks[Math.floor(sortedChecks.length / 2)] ?? 0)} ms, max ${formatNumber(sortedChecks.at(-1) ?? 0)} ms`,
    ],
  };
}

async function unlockTimes(root: string, cleanup: Cleanup): Promise<string> {
  const keyStore = realKeyStore(testKeychainService());
  const plainHome = join(root, 'no-password');
  const lockedHome = join(root, 'with-password');
  for (const home of [plainHome, lockedHome]) {
    const vault = await Vault.init({ home, keyStore });
    const account = vaultKeyAccount(vault.vaultId);
    cleanup.add(`keychain item ${account}`, () => keyStore.delete(account));
    for (let i = 0; i < 100; i++) vault.add({ name: `k${i}` }, `bench-${randomBytes(24).toString('base64url')}`);
    vault.close();
  }
  const password = 'bench master password, not a real one';
  await changeMasterPassword({ home: lockedHome, keyStore }, password);

  const plain = await repeat({ runs: UNLOCK_RUNS }, async () =>
    timeMs(async () => (await Vault.open({ home: plainHome, keyStore })).close()),
  );
  const locked = await repeat({ runs: UNLOCK_RUNS }, async () =>
    timeMs(async () => (await Vault.open({ home: lockedHome, keyStore, askPassword: async () => password })).close()),
  );
  const params = newKdfParams();
  const kdf = await repeat({ runs: UNLOCK_RUNS }, async () => timeMs(async () => (await derivePasswordKey(password, params)).fill(0)));
  const cost = `scrypt N=2^${Math.log2(DEFAULT_SCRYPT_COST.N)}, r=${DEFAULT_SCRYPT_COST.r}, p=${DEFAULT_SCRYPT_COST.p} (${(128 * DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r) / 2 ** 20} MiB)`;
  return renderTable(
    ['unlock, 100-key vault, real keychain', 'time'],
    [
      ['without a master password (keychain read + key check)', cell(plain)],
      [`with a master password (+ ${cost} and unwrap)`, cell(locked)],
      ['the KDF alone', cell(kdf)],
    ],
  );
}

async function main(): Promise<void> {
  requireNode22();
  const root = mkdtempSync(join(tmpdir(), 'rekey-bench-reminders-'));
  const cleanup = new Cleanup();
  cleanup.add('temp folder', () => rmSync(root, { recursive: true, force: true }));
  try {
    log('simulating 60 days of hourly reminder checks…');
    const days = await sixtyDays(root);
    log('timing unlocks…');
    const unlock = await unlockTimes(root, cleanup);
    process.stdout.write(
      [
        '',
        'Reminders over the next 60 days (one row per day; notices the engine decided, by kind)',
        machineLine(),
        '',
        days.table,
        '',
        ...days.summary,
        '',
        unlock,
        '',
      ].join('\n'),
    );
  } finally {
    const failures = await cleanup.run();
    for (const failure of failures) log(`cleanup failed: ${failure}`);
  }
}

await main();
