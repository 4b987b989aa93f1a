import { describe, expect, it } from 'vitest';
import { LockSignalParser, linuxLockSignalRules, logindSessionPath } from '../../../electron/main/reminders/linux-screen-lock.js';

/** Verbatim `dbus-monitor --session` output (dbus 1.16), with an unrelated interface and a method call added. */
const MONITOR_OUTPUT = [
  'signal time=1796681558.430883 sender=org.freedesktop.DBus -> destination=:1.0 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired',
  '   string ":1.0"',
  'signal time=1796681558.951240 sender=:1.1 -> destination=(null destination) serial=2 path=/org/freedesktop/ScreenSaver; interface=org.freedesktop.ScreenSaver; member=ActiveChanged',
  '   boolean true',
  'signal time=1796681558.952154 sender=:1.2 -> destination=(null destination) serial=2 path=/org/freedesktop/ScreenSaver; interface=org.freedesktop.ScreenSaver; member=ActiveChanged',
  '   boolean false',
  'signal time=1796681558.984228 sender=:1.3 -> destination=(null destination) serial=2 path=/org/gnome/ScreenSaver; interface=org.gnome.ScreenSaver; member=ActiveChanged',
  '   boolean true',
  'signal time=1796681559.000956 sender=:1.4 -> destination=(null destination) serial=2 path=/org/freedesktop/login1/session/_32; interface=org.freedesktop.login1.Session; member=Lock',
  'signal time=1796681559.100000 sender=:1.5 -> destination=(null destination) serial=2 path=/x; interface=org.example.Other; member=ActiveChanged',
  '   boolean true',
  'signal time=1796681559.150000 sender=:1.7 -> destination=(null destination) serial=2 path=/org/xfce/ScreenSaver; interface=org.xfce.ScreenSaver; member=ActiveChanged',
  '   boolean true',
  'method call time=1796681559.2 sender=:1.6 -> destination=org.freedesktop.ScreenSaver serial=3 path=/ScreenSaver; interface=org.freedesktop.ScreenSaver; member=ActiveChanged',
  '   boolean true',
];

describe('the Linux screen-lock watcher, as data', () => {
  it('reads dbus-monitor output: ActiveChanged(true) of a screensaver and logind Lock lock; nothing else does', () => {
    const parser = new LockSignalParser();
    const locking = MONITOR_OUTPUT.flatMap((line, index) => (parser.feed(line) ? [index] : []));
    expect(locking).toEqual([3, 7, 8, 12]);
  });

  it("names logind's object path for a session id as sd-bus escapes it", () => {
    expect(logindSessionPath('2')).toBe('/org/freedesktop/login1/session/_32');
    expect(logindSessionPath('12')).toBe('/org/freedesktop/login1/session/_312');
    expect(logindSessionPath('c1')).toBe('/org/freedesktop/login1/session/c1');
    expect(logindSessionPath('a-b')).toBe('/org/freedesktop/login1/session/a_2db');
  });

  it("listens to both screensavers on the session bus, and to logind's Lock for this session only", () => {
    expect(linuxLockSignalRules({ XDG_SESSION_ID: '3' })).toEqual({
      session: [
        "type='signal',interface='org.freedesktop.ScreenSaver',member='ActiveChanged'",
        "type='signal',interface='org.gnome.ScreenSaver',member='ActiveChanged'",
        "type='signal',interface='org.cinnamon.ScreenSaver',member='ActiveChanged'",
        "type='signal',interface='org.mate.ScreenSaver',member='ActiveChanged'",
        "type='signal',interface='org.xfce.ScreenSaver',member='ActiveChanged'",
      ],
      system: ["type='signal',interface='org.freedesktop.login1.Session',member='Lock',path='/org/freedesktop/login1/session/_33'"],
    });
    expect(linuxLockSignalRules({}).system).toEqual([]);
  });
});
