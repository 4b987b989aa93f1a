import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type LockSignalRules, ScreenLockWatcher, linuxLockSignalRules } from '../../electron/main/reminders/linux-screen-lock.js';
import { requirePrivateKeyring } from '../support/real-keychain.js';

/**
 * The watcher against a real dbus-monitor on the private D-Bus session that
 * with-private-keyring.sh starts; the signals are sent with dbus-send (dbus-bin) as a desktop would.
 */
requirePrivateKeyring();

const emit = {
  freedesktop: (active: boolean) =>
    execFileSync('dbus-send', [
      '--session',
      '--type=signal',
      '/org/freedesktop/ScreenSaver',
      'org.freedesktop.ScreenSaver.ActiveChanged',
      `boolean:${active}`,
    ]),
  gnome: (active: boolean) =>
    execFileSync('dbus-send', [
      '--session',
      '--type=signal',
      '/org/gnome/ScreenSaver',
      'org.gnome.ScreenSaver.ActiveChanged',
      `boolean:${active}`,
    ]),
  cinnamon: (active: boolean) =>
    execFileSync('dbus-send', [
      '--session',
      '--type=signal',
      '/org/cinnamon/ScreenSaver',
      'org.cinnamon.ScreenSaver.ActiveChanged',
      `boolean:${active}`,
    ]),
  logindLock: (sessionPath: string) =>
    execFileSync('dbus-send', ['--session', '--type=signal', sessionPath, 'org.freedesktop.login1.Session.Lock']),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Sends until the watcher reacts: dbus-monitor subscribes a moment after it starts. */
async function until(condition: () => boolean, send: () => unknown, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    send();
    for (let wait = 0; wait < 5; wait++) {
      await sleep(20);
      if (condition()) return;
    }
  }
  throw new Error(`the watcher never saw ${what}`);
}

describe('the Linux screen-lock watcher on a real session bus', () => {
  let watcher: ScreenLockWatcher | null = null;
  afterEach(() => watcher?.stop());

  it('locks on ActiveChanged(true) from freedesktop, GNOME or Cinnamon and on logind Lock for this session; ignores the rest; stops cleanly', async () => {
    let locks = 0;
    const logs: string[] = [];
    // logind's rule moved to the session bus: the private session has no system bus to send on
    const real = linuxLockSignalRules({ XDG_SESSION_ID: '2' });
    const rules: LockSignalRules = { session: [...real.session, ...real.system], system: [] };
    watcher = new ScreenLockWatcher({ rules, onLock: () => locks++, log: (line) => logs.push(line) });
    watcher.start();

    await until(
      () => locks > 0,
      () => emit.freedesktop(true),
      'the first ActiveChanged(true)',
    );
    await sleep(300); // sends of the warm-up that were still on their way
    locks = 0;

    emit.freedesktop(false);
    emit.gnome(false);
    emit.logindLock('/org/freedesktop/login1/session/_33'); // another session's lock
    emit.gnome(true);
    await until(
      () => locks > 0,
      () => undefined,
      "GNOME's ActiveChanged(true)",
    );
    await sleep(300);
    expect(locks).toBe(1);

    emit.logindLock('/org/freedesktop/login1/session/_32');
    await until(
      () => locks > 1,
      () => undefined,
      "logind's Lock",
    );
    emit.cinnamon(true);
    await until(
      () => locks > 2,
      () => undefined,
      "Cinnamon's ActiveChanged(true)",
    );
    expect(logs).toEqual([]);

    const pids = watcher.pids;
    expect(pids).toHaveLength(1);
    watcher.stop();
    await sleep(300);
    expect(pids.filter(alive)).toEqual([]);
    emit.freedesktop(true);
    await sleep(300);
    expect(locks).toBe(3);
    expect(logs).toEqual([]);
  });

  it('without dbus-monitor it does nothing and says so once, for both buses', async () => {
    const logs: string[] = [];
    watcher = new ScreenLockWatcher({
      rules: linuxLockSignalRules({ XDG_SESSION_ID: '2' }),
      onLock: () => expect.fail('no lock without a monitor'),
      log: (line) => logs.push(line),
      command: 'rekey-test-no-such-dbus-monitor',
    });
    watcher.start();
    await sleep(300);
    expect(logs).toEqual([
      'Screen lock: rekey-test-no-such-dbus-monitor is not installed (Debian/Ubuntu package dbus-bin), so Rekey cannot lock when the screen locks; auto-lock on idle still applies.',
    ]);
    expect(watcher.pids).toEqual([]);
  });

  it('a bus it cannot reach is said once, with the reason, and the app goes on', async () => {
    const logs: string[] = [];
    const saved = process.env['DBUS_SESSION_BUS_ADDRESS'];
    process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/rekey-test-bus';
    try {
      watcher = new ScreenLockWatcher({
        rules: linuxLockSignalRules({}),
        onLock: () => expect.fail('no bus, no lock'),
        log: (line) => logs.push(line),
      });
      watcher.start();
      for (let i = 0; i < 100 && logs.length === 0; i++) await sleep(20);
    } finally {
      process.env['DBUS_SESSION_BUS_ADDRESS'] = saved;
    }
    await sleep(200);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^Screen lock: cannot watch the session bus \(.+\); Rekey will not lock with the screen from that bus, auto-lock on idle still applies\.$/,
    );
  });
});
