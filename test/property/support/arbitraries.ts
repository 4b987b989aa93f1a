import fc from 'fast-check';

/**
 * Names bash treats specially (read-only, computed on read, or changing how the rest of the file
 * is read). They are valid env var names, but sourcing them tests bash, not our quoting.
 */
const SHELL_SPECIAL =
  /^(?:BASH\w*|SHELLOPTS|EUID|UID|PPID|GROUPS|FUNCNAME|RANDOM|SRANDOM|SECONDS|LINENO|HISTCMD|EPOCHSECONDS|EPOCHREALTIME|OPTIND|OPTARG|IFS|PATH|_|POSIXLY_CORRECT|LC_\w*|LANG|PIPESTATUS|DIRSTACK|COMP_\w*|SHLVL)$/;

export const envVarName = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/)
  // Node's dotenv stores keys on a plain object, where `__proto__` cannot be an own key.
  .filter((name) => !SHELL_SPECIAL.test(name) && name !== '__proto__');

/** Every code point except NUL; fast-check's 'binary' unit never yields a lone surrogate. */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 40 }).filter((value) => !value.includes('\0'));

/** The characters and sequences the dotenv parsers and shells give a meaning to. */
const TRICKY = [
  "'",
  '"',
  '`',
  '\\',
  '\\\\',
  "\\'",
  '\\n',
  '\\r',
  '$',
  '${',
  '}',
  ':',
  ':-',
  '#',
  ' #',
  '=',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\t',
  '\v',
  '\f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  'export ',
  'A',
  'z',
  '9',
  '_',
  'é',
  '🔑',
];
const tricky = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 16 });

/** Tricky, but without the characters that rule single quotes out, so most of these are carried. */
const CARRIABLE = TRICKY.filter((unit) => !unit.includes("'") && !unit.includes('\r'));
const trickyButCarriable = fc.string({ unit: fc.constantFrom(...CARRIABLE), maxLength: 16 });

/**
 * No `"`: values that single quotes cannot take (a `'` or a CR) but double quotes might, so the
 * double-quote fallback and its `$` and backslash limits get exercised.
 */
const DOUBLE_QUOTE_CANDIDATE = [
  "'",
  '\r',
  '\r\n',
  '\n',
  ' ',
  '#',
  '`',
  '=',
  '$',
  '${',
  '}',
  ':-',
  '\\',
  '\\t',
  '\\n',
  '\\a',
  'x',
  'Y',
  'é',
];
const doubleQuoteCandidate = fc.string({ unit: fc.constantFrom(...DOUBLE_QUOTE_CANDIDATE), maxLength: 12 });
/** Only what the double-quote fallback is for, so that path is not starved by the refusals above. */
const doubleQuoted = fc.string({
  unit: fc.constantFrom("'", '\r', '\r\n', '\n', ' ', '#', '`', '=', 'x', 'é'),
  minLength: 1,
  maxLength: 12,
});

/** Near misses and hits of python-dotenv's `${name:-default}` syntax, which it expands even in single quotes. */
const reference = fc
  .tuple(
    trickyButCarriable,
    fc.constantFrom('${', '${A', '${REKEY_PROBE', '${:-', '${a:b', '${A:-d', '$A', '${A-d'),
    fc.constantFrom('', 'x', '\n', "'", '\r'),
    fc.constantFrom('}', '', ':}', '}}'),
    trickyButCarriable,
  )
  .map((parts) => parts.join(''));

const pem = fc
  .array(fc.base64String({ minLength: 4, maxLength: 64 }), { minLength: 1, maxLength: 4 })
  .map((lines) => `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`);

const ends = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \n', '\u00a0');

export const secretValue: fc.Arbitrary<string> = fc.oneof(
  anyUnicode,
  tricky,
  trickyButCarriable,
  doubleQuoteCandidate,
  doubleQuoted,
  reference,
  pem,
  fc.tuple(ends, fc.oneof(anyUnicode, trickyButCarriable), ends).map(([before, middle, after]) => before + middle + after),
);

export interface GeneratedEntry {
  readonly name: string;
  readonly envVar: string;
  readonly value: string;
}

/** Several entries per run, so one bash or python process checks a whole batch. */
export const entryBatch: fc.Arbitrary<GeneratedEntry[]> = fc
  .uniqueArray(fc.record({ envVar: envVarName, value: secretValue }), {
    minLength: 1,
    maxLength: 8,
    selector: (entry) => entry.envVar,
  })
  .map((entries) => entries.map((entry, index) => ({ name: `secret-${index}`, ...entry })));
