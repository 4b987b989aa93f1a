import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer: built to static files that Electron serves from app://rekey/ (relative URLs, so
 * the e2e harness can serve the same files at its own origin).
 * The page's CSP forbids inline scripts and styles, so nothing may be inlined into index.html
 * (assetsInlineLimit 0 also keeps small assets as files rather than data: URLs in CSS).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: { strictPort: true },
});
