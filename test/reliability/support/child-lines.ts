import type { Readable } from 'node:stream';

/**
 * Calls `onLine` for every complete line a child process writes. A last line without its newline
 * is never passed on: a child killed mid-write leaves half a record, which is not an answer.
 */
export function eachLine(stream: Readable, onLine: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      onLine(line);
    }
  });
}
