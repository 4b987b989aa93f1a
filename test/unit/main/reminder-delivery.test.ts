import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notice, ReminderCheck, SecretSummary } from '../../../electron/core/index.js';
import { applyLaunchAtLogin, autostartFile } from '../../../electron/main/login-item.js';
import { AutoLock } from '../../../electron/main/reminders/auto-lock.js';
import { noticeText } from '../../../electron/main/reminders/notice-text.js';
import { HOURLY, ReminderScheduler, type TrayView } from '../../../electron/main/reminders/reminder-scheduler.js';
import { trayMenuTemplate, trayTitle, trayTooltip } from '../../../electron/main/reminders/tray-menu.js';
import { ManualTimers } from '../../support/main-stand-ins.js';
import { tempDir } from '../../support/temp-vault.js';

const NOW = new Date('2026-06-10T09:00:00Z');
const notice = (name: string, kind: Notice['kind'], dueAt: string, catchUp = false): Notice => ({
  secretId: `id-${name}`,
  name,
  kind,
  dueAt,
  catchUp,
});
const attention = (name: string, status: SecretSummary['status']) => ({ name, status }) as SecretSummary;

function harness(checks: Array<ReminderCheck | null>, notificationsOn = true) {
  const timers = new ManualTimers();
  const shown: Array<{ title: string; body: string; click: () => void }> = [];
  const trays: TrayView[] = [];
  const opened: Array<string | null> = [];
  let runs = 0;
  const scheduler = new ReminderScheduler({
    check: () => checks[Math.min(runs++, checks.length - 1)] ?? null,
    notificationsOn: () => notificationsOn,
    notifier: { show: (text, onClick) => shown.push({ ...text, click: onClick }) },
    showTray: (view) => trays.push(view),
    openOn: (name) => opened.push(name),
    timers,
    now: () => NOW,
  });
  return { scheduler, timers, shown, trays, opened, runs: () => runs };
}

describe('reminder delivery', () => {
  it('checks at start and then every hour, one timer at a time; a resume check restarts the hour', async () => {
    const h = harness([{ notices: [], attention: [] }]);
    h.scheduler.start();
    expect(h.runs()).toBe(1);
    expect([...h.timers.pending.values()].map((timer) => timer.ms)).toEqual([HOURLY]);
    await h.timers.fireAll();
    expect(h.runs()).toBe(2);
    h.scheduler.runNow();
    expect(h.runs()).toBe(3);
    expect(h.timers.pending.size).toBe(1);
    h.scheduler.stop();
    expect(h.timers.pending.size).toBe(0);
  });

  it('one notification per notice; clicking one opens the window on that key; the tray gets the count', () => {
    const h = harness([
      {
        notices: [notice('stripe', 'overdue', '2026-06-05T09:00:00Z'), notice('openai', 'due-soon', '2026-06-15T09:00:00Z')],
        attention: [attention('stripe', 'overdue'), attention('openai', 'due-soon')],
      },
    ]);
    h.scheduler.start();
    expect(h.shown.map((each) => each.title)).toEqual(['stripe is overdue by 5 days', 'openai is due for rotation in 5 days']);
    h.shown[0]?.click();
    expect(h.opened).toEqual(['stripe']);
    expect(h.trays.at(-1)?.attention.map((key) => key.name)).toEqual(['stripe', 'openai']);
  });

  it('a catch-up of many notices becomes one summary notification, not a flood', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((name) => notice(name, 'overdue', '2026-05-01T09:00:00Z', true));
    const h = harness([{ notices: many, attention: many.map((each) => attention(each.name, 'overdue')) }]);
    h.scheduler.start();
    expect(h.shown.map((each) => `${each.title} | ${each.body}`)).toEqual([
      '5 keys need rotating | a, b, c and 2 more. Open Rekey to see them.',
    ]);
    h.shown[0]?.click();
    expect(h.opened).toEqual([null]);
  });

  it('with notifications off the tray still counts, and nothing pops up', () => {
    const h = harness([{ notices: [notice('x', 'due', '2026-06-10T09:00:00Z')], attention: [attention('x', 'overdue')] }], false);
    h.scheduler.start();
    expect(h.shown).toEqual([]);
    expect(h.trays.at(-1)?.attention).toHaveLength(1);
  });

  it('a failing check is logged by kind and the next hour still comes', async () => {
    const timers = new ManualTimers();
    const logged: string[] = [];
    const scheduler = new ReminderScheduler({
      check: () => {
        throw new TypeError('database is locked at /home/someone');
      },
      notificationsOn: () => true,
      notifier: { show: () => undefined },
      showTray: () => undefined,
      openOn: () => undefined,
      timers,
      now: () => NOW,
      logError: (line) => logged.push(line),
    });
    scheduler.start();
    expect(logged).toEqual(['rekey: reminder check failed with TypeError']);
    expect(timers.pending.size).toBe(1);
  });

  it('notification texts carry names and days only, and say when a notice was missed', () => {
    expect(noticeText(notice('gh', 'due', '2026-06-10T09:00:00Z'), NOW)).toEqual({
      title: 'gh is due for rotation today',
      body: 'Open Rekey to rotate it.',
    });
    expect(noticeText(notice('gh', 'exposed', '2026-09-10T09:00:00Z', true), NOW)).toEqual({
      title: 'gh is marked as exposed',
      body: 'Rotate it now: an exposed key is due immediately. (missed while your computer was off or asleep)',
    });
    expect(noticeText(notice('gh', 'overdue', '2026-06-09T09:00:00Z'), NOW).title).toBe('gh is overdue by 1 day');
  });
});

describe('the tray', () => {
  it('shows the count and a menu: open, the keys due (each opens the window on it), lock, quit', () => {
    const view: TrayView = {
      attention: Array.from({ length: 10 }, (_, i) => ({ name: `key-${i}`, status: i === 0 ? 'exposed' : 'overdue' })),
    };
    expect(trayTooltip(view)).toBe('Rekey: 10 keys need rotating');
    expect(trayTitle(view)).toBe('10');
    const actions: string[] = [];
    const menu = trayMenuTemplate(view, {
      open: () => actions.push('open'),
      openOn: (name) => actions.push(`open ${name}`),
      lock: () => actions.push('lock'),
      quit: () => actions.push('quit'),
    });
    expect(menu.map((item) => item.label ?? '—')).toEqual([
      'Open Rekey',
      '—',
      'Keys due (10)',
      'key-0 — exposed',
      ...Array.from({ length: 7 }, (_, i) => `key-${i + 1} — overdue`),
      '2 more…',
      '—',
      'Lock',
      'Quit Rekey',
    ]);
    for (const label of ['key-0 — exposed', 'Lock', 'Quit Rekey', 'Open Rekey']) {
      const item = menu.find((entry) => entry.label === label) as { click: () => void };
      item.click();
    }
    expect(actions).toEqual(['open key-0', 'lock', 'quit', 'open']);
    expect(trayTooltip({ attention: [] })).toBe('Rekey: nothing is due');
    expect(
      trayMenuTemplate({ attention: [] }, { open() {}, openOn() {}, lock() {}, quit() {} }).map((item) => [item.label, item.enabled]),
    ).toContainEqual(['Nothing is due', false]);
  });
});

describe('auto-lock', () => {
  function autoLock(minutes: number, idle: number) {
    const timers = new ManualTimers();
    let locked = false;
    let locks = 0;
    const state = { idle };
    const lock = new AutoLock({
      idleSeconds: () => state.idle,
      minutes: () => minutes,
      isLocked: () => locked,
      lock: () => {
        locked = true;
        locks++;
      },
      timers,
    });
    return { lock, timers, state, locks: () => locks, unlock: () => (locked = false) };
  }

  it('locks once the machine has been idle for the set minutes, checking every 30 s', async () => {
    const a = autoLock(15, 14 * 60 + 59);
    a.lock.start();
    expect([...a.timers.pending.values()].map((timer) => timer.ms)).toEqual([30_000]);
    await a.timers.fireAll();
    expect(a.locks()).toBe(0);
    a.state.idle = 15 * 60;
    await a.timers.fireAll();
    expect(a.locks()).toBe(1);
    await a.timers.fireAll();
    expect(a.locks()).toBe(1);
  });

  it('0 minutes never locks on idle; screen lock and suspend lock at once', async () => {
    const a = autoLock(0, 99_999);
    a.lock.start();
    await a.timers.fireAll();
    expect(a.locks()).toBe(0);
    a.lock.lockNow();
    expect(a.locks()).toBe(1);
    a.lock.lockNow();
    expect(a.locks()).toBe(1);
  });
});

describe('launch at login', () => {
  it('macOS and Windows: Electron’s login item, opened hidden', () => {
    const calls: unknown[] = [];
    applyLaunchAtLogin(true, {
      setLoginItemSettings: (s) => calls.push(s),
      platform: 'darwin',
      env: {},
      home: '/nonexistent',
      executable: '/Applications/Rekey.app',
    });
    applyLaunchAtLogin(false, {
      setLoginItemSettings: (s) => calls.push(s),
      platform: 'win32',
      env: {},
      home: 'C:\\Users\\x',
      executable: 'C:\\Rekey.exe',
    });
    expect(calls).toEqual([
      { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
      { openAtLogin: false, openAsHidden: true, args: ['--hidden'] },
    ]);
  });

  it('Linux: an XDG autostart entry, written and removed', () => {
    const dir = tempDir();
    try {
      const ports = {
        setLoginItemSettings: () => undefined,
        platform: 'linux' as const,
        env: { XDG_CONFIG_HOME: join(dir.path, 'config') },
        home: dir.path,
        executable: '/opt/Rekey/rekey "beta"',
      };
      applyLaunchAtLogin(true, ports);
      const file = autostartFile(ports);
      expect(file).toBe(join(dir.path, 'config', 'autostart', 'rekey.desktop'));
      expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Rekey/rekey \\"beta\\"" --hidden\n');
      applyLaunchAtLogin(false, ports);
      expect(existsSync(file)).toBe(false);
    } finally {
      dir.remove();
    }
  });
});
