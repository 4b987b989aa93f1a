/**
 * Finds the lines dotenv skipped, so the import preview can say "line 7 was not understood".
 *
 * dotenv.parse returns values but not where they came from, so this replays the statement
 * pattern of dotenv's default parser (`LINE` in dotenv 18's lib/main.js, unchanged since 15)
 * only to learn which lines each statement spans; the values themselves always come from
 * dotenv.parse. If dotenv changes its pattern the worst outcome is a wrong line number in a
 * preview, never a wrong value.
 */
const DOTENV_STATEMENT =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

function lineFinder(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) newlines.push(index);
  return (offset) => {
    // Binary search: 1 + the number of newlines before offset.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((newlines[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

/**
 * 1-based numbers of the lines that are neither blank, nor comments, nor part of a statement
 * that set one of `parsed`'s variables (a multi-line quoted value counts as part of its statement).
 */
export function unparsedLines(text: string, parsed: Readonly<Record<string, string>>): number[] {
  // dotenv turns CRLF and lone CR into LF before matching; the offsets must be in that text.
  const normalised = text.replace(/\r\n?/g, '\n');
  const lineOf = lineFinder(normalised);
  const used = new Set<number>();
  for (const match of normalised.matchAll(DOTENV_STATEMENT)) {
    const key = match[1];
    // A key dotenv matched but did not keep (`__proto__`) set nothing: leave its lines reported.
    if (key === undefined || !Object.hasOwn(parsed, key)) continue;
    const body = match[0];
    const first = match.index + (body.length - body.trimStart().length);
    const last = match.index + body.trimEnd().length - 1;
    for (let line = lineOf(first); line <= lineOf(last); line++) used.add(line);
  }
  const ignored: number[] = [];
  normalised.split('\n').forEach((line, index) => {
    const content = line.trim();
    if (content !== '' && !content.startsWith('#') && !used.has(index + 1)) ignored.push(index + 1);
  });
  return ignored;
}
