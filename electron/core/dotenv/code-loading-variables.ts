/**
 * Environment variables that make a program load or run other code: a value stored in the
 * vault must never become one of them in a child's environment. Whoever can write a vault row
 * or a .env file that gets imported could otherwise turn `rekey run -- npm test` into "run my
 * library first". `rekey run` drops them (the child keeps its own value), import and export
 * warn. This is the one list; README (`rekey run`) and SECURITY.md describe it.
 *
 * Names are compared without regard to case: Windows treats `Path` and `PATH` as one variable,
 * and npm reads its `npm_config_*` settings in either case.
 */
interface CodeLoadingFamily {
  /** Why the family is here, shown in the warning. */
  readonly why: string;
  readonly names: readonly string[];
  /** Every variable starting with one of these is in the family. */
  readonly prefixes?: readonly string[];
}

export const CODE_LOADING_FAMILIES: readonly CodeLoadingFamily[] = [
  // ld.so loads these libraries (or auditing modules) into every dynamically linked program
  // before main(); LD_LIBRARY_PATH swaps any shared library for one of the same name.
  { why: 'the dynamic loader loads libraries from it', names: ['LD_PRELOAD', 'LD_LIBRARY_PATH', 'LD_AUDIT'] },
  // The macOS dynamic loader: DYLD_INSERT_LIBRARIES is LD_PRELOAD, the *_PATH ones swap libraries.
  { why: 'the macOS dynamic loader loads libraries from it', names: [], prefixes: ['DYLD_'] },
  // glibc's iconv loads conversion modules (shared objects) from GCONV_PATH: the pkexec exploit.
  { why: 'glibc loads iconv modules from it', names: ['GCONV_PATH'] },
  // Which program a bare command name runs (Windows: cmd.exe, extensions tried, the shell).
  { why: 'it decides which program a command name runs', names: ['PATH', 'PATHEXT', 'COMSPEC', 'SHELL'] },
  // Shells: bash sources $BASH_ENV before a script, sh/dash/ksh source $ENV, zsh reads its
  // dotfiles from $ZDOTDIR, prompts and xtrace expand $(…), SHELLOPTS/BASHOPTS switch on
  // xtrace or other options, IFS changes how every script splits words, BASH_FUNC_* are
  // exported functions that replace commands in a child bash.
  {
    why: 'a shell runs code from it',
    names: ['BASH_ENV', 'ENV', 'ZDOTDIR', 'PROMPT_COMMAND', 'PS1', 'PS2', 'PS4', 'SHELLOPTS', 'BASHOPTS', 'IFS'],
    prefixes: ['BASH_FUNC_'],
  },
  // Node: --require/--import in NODE_OPTIONS runs a module first; NODE_PATH adds module folders;
  // ELECTRON_RUN_AS_NODE turns any Electron app into a Node interpreter taking code as arguments.
  { why: 'Node.js loads code from it', names: ['NODE_OPTIONS', 'NODE_PATH', 'NODE_REPL_EXTERNAL_MODULE', 'ELECTRON_RUN_AS_NODE'] },
  // npm reads any setting from npm_config_*, e.g. script-shell (the program `npm run` starts)
  // or node-options.
  { why: 'npm takes its settings, such as the shell it runs scripts with, from it', names: [], prefixes: ['NPM_CONFIG_'] },
  // Python: the startup file runs on an interactive start; PYTHONPATH/PYTHONHOME/PYTHONUSERBASE
  // decide where modules (and site-packages .pth files, which execute) come from;
  // PYTHONBREAKPOINT names a callable to import.
  {
    why: 'Python loads code from it',
    names: ['PYTHONSTARTUP', 'PYTHONPATH', 'PYTHONHOME', 'PYTHONUSERBASE', 'PYTHONBREAKPOINT'],
  },
  // Perl: PERL5OPT adds -M (load a module), the LIBs add module folders, PERL5DB is debugger code.
  { why: 'Perl loads code from it', names: ['PERL5OPT', 'PERL5LIB', 'PERLLIB', 'PERL5DB'] },
  // Ruby: RUBYOPT adds -r (require a file), RUBYLIB adds folders.
  { why: 'Ruby loads code from it', names: ['RUBYOPT', 'RUBYLIB'] },
  // The JVM reads these as extra command-line options: -javaagent runs code in every Java program.
  { why: 'the JVM loads agents and classes from it', names: ['JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'CLASSPATH'] },
  // Lua runs LUA_INIT as code at start; PHP reads php.ini (auto_prepend_file) from these.
  { why: 'Lua or PHP runs code from it', names: ['LUA_INIT', 'LUA_PATH', 'LUA_CPATH', 'PHPRC', 'PHP_INI_SCAN_DIR'] },
  // git runs programs named here (ssh, askpass, editors, pagers, diff drivers, its own
  // subcommands), copies hooks from the template folder, and GIT_CONFIG_* inject settings
  // such as core.fsmonitor or core.hooksPath, which run programs in turn.
  {
    why: 'git runs programs named in it',
    names: [
      'GIT_SSH',
      'GIT_SSH_COMMAND',
      'GIT_EXEC_PATH',
      'GIT_ASKPASS',
      'SSH_ASKPASS',
      'GIT_EDITOR',
      'GIT_PAGER',
      'GIT_EXTERNAL_DIFF',
      'GIT_PROXY_COMMAND',
      'GIT_TEMPLATE_DIR',
    ],
    prefixes: ['GIT_CONFIG'],
  },
  // Programs start these on the user's behalf (git commit, crontab -e, man, xdg-open…).
  { why: 'programs start the command named in it', names: ['EDITOR', 'VISUAL', 'PAGER', 'BROWSER'] },
  // Where programs read their own configuration, and with it hooks, aliases and startup files
  // (~/.bashrc, ~/.gitconfig with core.fsmonitor, ~/.npmrc…).
  { why: 'programs read their startup files and settings from it', names: ['HOME', 'XDG_CONFIG_HOME'] },
];

const BY_NAME = new Map(CODE_LOADING_FAMILIES.flatMap((family) => family.names.map((name) => [name.toUpperCase(), family] as const)));
const BY_PREFIX = CODE_LOADING_FAMILIES.flatMap((family) =>
  (family.prefixes ?? []).map((prefix) => [prefix.toUpperCase(), family] as const),
);

/** Why `envVar` must not come from the vault, or null when it is an ordinary variable. */
export function codeLoadingReason(envVar: string): string | null {
  const upper = envVar.toUpperCase();
  const family = BY_NAME.get(upper) ?? BY_PREFIX.find(([prefix]) => upper.startsWith(prefix))?.[1];
  return family?.why ?? null;
}

export function isCodeLoadingVariable(envVar: string): boolean {
  return codeLoadingReason(envVar) !== null;
}

/** One line about one key, for `run`, import and export. */
export function codeLoadingWarning(secretName: string, envVar: string, action: 'run' | 'import' | 'export'): string | null {
  const why = codeLoadingReason(envVar);
  if (why === null) return null;
  const consequence = {
    run: `so it was not passed to the command (the command keeps its own ${envVar})`,
    import: `so \`rekey run\` will never pass it to a command`,
    export: 'so whatever sources this file runs code chosen by that value',
  }[action];
  return `"${secretName}" sets ${envVar}, and ${why}, ${consequence}.`;
}
