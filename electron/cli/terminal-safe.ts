/**
 * Text the CLI prints can hold names it did not choose: file names found by a scan, notes,
 * paths given on the command line, audit details, error messages quoting input. A control
 * character in them would be obeyed by the terminal: ESC and the 8-bit CSI (U+009B) start
 * sequences that retitle the window, rewrite what is on screen, or on some terminals answer
 * back into the input. So every C0 control, DEL and every C1 control is shown as an escape
 * (\x1b, \x7f, \u009b) instead; a backslash itself is left alone, so Windows paths read as
 * they are. This is the one function that does it; format.ts and cli-context.ts apply it
 * wherever the CLI writes to the terminal, except where bytes must go out exactly (`get`,
 * `export` to stdout).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above, but a newline is kept
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  const hex = code.toString(16).padStart(2, '0');
  // C1 as \u: each is one character (two bytes in UTF-8), not the byte \x9b
  return code >= 0x80 ? `\\u00${hex}` : `\\x${hex}`;
}

/**
 * Escapes control characters. With `keepNewlines`, a line feed stays a line feed: for
 * whole outputs (tables, several lines) whose fields have already been escaped one by one.
 */
export function escapeControls(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, escapeOne);
}

/** One field on one line: a newline in a note or a file name must not start a line of its own. */
export function oneLine(text: string): string {
  return escapeControls(text);
}

/** Whole output that may span lines: every control but the line feed is escaped. */
export function terminalSafe(text: string): string {
  return escapeControls(text, { keepNewlines: true });
}

/**
 * JSON.stringify escapes C0 but not DEL or C1, which pass through as raw characters; written
 * as \u escapes they are still the same JSON string for any parser.
 */
export function jsonSafe(json: string): string {
  // DEL and C1 only (no C0 here, so the lint rule has nothing to say)
  return json.replace(/[\u007f-\u009f]/g, (char) => `\\u00${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
