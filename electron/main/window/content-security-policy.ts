/**
 * docs/architecture.md §6: no remote origins, no inline script, no eval, no frames, workers, media or
 * manifest (the renderer uses none). It is a response header on every file app://rekey/ serves
 * (renderer-protocol.ts) and on any other response (main.ts's onHeadersReceived); the
 * renderer's index.html repeats it in a meta tag as a second line, and a test keeps the two
 * identical.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "media-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
