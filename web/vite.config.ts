import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The review app is built into dist/web and served by the koa server at /app/ (src/surfaces/http/review-app.ts).
 * No inline script or style may be emitted: the app's Content-Security-Policy allows only 'self'.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
});
