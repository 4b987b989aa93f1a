/**
 * ARCHITECTURE §5: no remote origins, no inline script, no eval. The renderer's index.html
 * carries the same policy in a meta tag (file:// responses have no headers to add it to);
 * a test keeps the two identical.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
