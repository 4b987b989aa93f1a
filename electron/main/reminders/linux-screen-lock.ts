import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Electron's powerMonitor 'lock-screen' fires on macOS and Windows only. On Linux the desktop
 * says so on D-Bus; we listen with `dbus-monitor` (package dbus-bin) rather than a D-Bus
 * library: no new dependency, and its output for a signal is a header line and one line per
 * argument.
 */

/**
 * Screen lockers that say ActiveChanged(true) on the session bus when they lock: the shared
 * freedesktop name (KDE Plasma and others), then GNOME Shell's, and the gnome-screensaver forks
 * of Cinnamon, MATE and Xfce under their own names.
 */
const SCREENSAVER_INTERFACES: ReadonlySet<string> = new Set([
  'org.freedesktop.ScreenSaver',
  'org.gnome.ScreenSaver',
  'org.cinnamon.ScreenSaver',
  'org.mate.ScreenSaver',
  'org.xfce.ScreenSaver',
]);
/** logind asks the session to lock (`loginctl lock-session`, swayidle and other idle daemons). */
const LOGIND_SESSION = 'org.freedesktop.login1.Session';

export type Bus = 'session' | 'system';

/** dbus-monitor match rules, per bus. */
export type LockSignalRules = Readonly<Record<Bus, readonly string[]>>;

/**
 * logind's object path for a session id, escaped as sd-bus does: letters and (not first)
 * digits stay, every other byte becomes _XX.
 */
export function logindSessionPath(sessionId: string): string {
  let label = '';
  for (const [index, byte] of [...Buffer.from(sessionId, 'utf8')].entries()) {
    const char = String.fromCharCode(byte);
    const keep = /[A-Za-z]/.test(char) || (index > 0 && /[0-9]/.test(char));
    label += keep ? char : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return `/org/freedesktop/login1/session/${label === '' ? '_' : label}`;
}

/** What to listen to: the screensaver on the session bus; logind's Lock for this session only. */
export function linuxLockSignalRules(env: NodeJS.ProcessEnv): LockSignalRules {
  const sessionId = env['XDG_SESSION_ID']?.trim();
  return {
    session: [...SCREENSAVER_INTERFACES].map((iface) => `type='signal',interface='${iface}',member='ActiveChanged'`),
    system: sessionId ? [`type='signal',interface='${LOGIND_SESSION}',member='Lock',path='${logindSessionPath(sessionId)}'`] : [],
  };
}

/**
 * Reads dbus-monitor's default output line by line and answers "the screen just locked":
 * ActiveChanged(true) from a screensaver, or logind's Lock (which has no arguments).
 */
export class LockSignalParser {
  /** The signal whose arguments follow, when it is one whose first argument matters. */
  private awaitingActiveFlag = false;

  feed(line: string): boolean {
    if (/^\S/.test(line)) {
      const header = parseHeader(line);
      this.awaitingActiveFlag = header !== null && header.member === 'ActiveChanged' && SCREENSAVER_INTERFACES.has(header.interface);
      return header !== null && header.interface === LOGIND_SESSION && header.member === 'Lock';
    }
    if (!this.awaitingActiveFlag) return false;
    this.awaitingActiveFlag = false;
    return line.trim() === 'boolean true';
  }
}

function parseHeader(line: string): { interface: string; member: string } | null {
  if (!line.startsWith('signal ')) return null;
  const iface = /[ ;]interface=([^;\s]+)/.exec(line)?.[1];
  const member = /[ ;]member=([^;\s]+)/.exec(line)?.[1];
  return iface && member ? { interface: iface, member } : null;
}

export interface ScreenLockWatcherOptions {
  readonly rules: LockSignalRules;
  readonly onLock: () => void;
  /** One line per problem, said once; never a reason to stop the app. */
  readonly log: (line: string) => void;
  /** The monitor program; tests name a missing one. */
  readonly command?: string | undefined;
}

/**
 * One dbus-monitor per bus with rules. A missing dbus-monitor, or a bus it cannot reach, is
 * said once and then left alone: auto-lock on idle still covers the user.
 */
export class ScreenLockWatcher {
  private readonly children: ChildProcess[] = [];
  private stopped = false;
  private saidMissing = false;

  constructor(private readonly options: ScreenLockWatcherOptions) {}

  start(): void {
    for (const bus of ['session', 'system'] as const) {
      const rules = this.options.rules[bus];
      if (rules.length > 0) this.watch(bus, rules);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const child of this.children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
  }

  /** Process ids of the monitors still running, for tests and diagnostics. */
  get pids(): number[] {
    return this.children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  }

  private watch(bus: Bus, rules: readonly string[]): void {
    const command = this.options.command ?? 'dbus-monitor';
    const child = spawn(command, [`--${bus}`, ...rules], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.push(child);
    const parser = new LockSignalParser();
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (parser.feed(line) && !this.stopped) this.options.onLock();
    });
    let firstError = '';
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (firstError === '' && line.trim() !== '') firstError = line.trim();
    });
    let started = true;
    child.on('error', (error: NodeJS.ErrnoException) => {
      started = false;
      if (error.code === 'ENOENT') {
        if (this.saidMissing) return;
        this.saidMissing = true;
        this.options.log(
          `Screen lock: ${command} is not installed (Debian/Ubuntu package dbus-bin), so Rekey cannot lock when the screen locks; auto-lock on idle still applies.`,
        );
      } else {
        this.options.log(`Screen lock: cannot start ${command} (${error.code ?? error.message}); auto-lock on idle still applies.`);
      }
    });
    child.on('close', (code, signal) => {
      if (this.stopped || !started) return;
      const reason = firstError || (signal ? `stopped by ${signal}` : `exited with code ${code}`);
      this.options.log(
        `Screen lock: cannot watch the ${bus} bus (${reason}); Rekey will not lock with the screen from that bus, auto-lock on idle still applies.`,
      );
    });
  }
}
