import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Middleware } from 'koa';
import { ZapTraceError } from '../../kernel/errors.js';

/**
 * Serves the built review app (web/, built by `npm run build` into dist/web) at /app/. The files are
 * listed once at start-up and served from that list only, so no request path ever reaches the file
 * system. Every answer carries a Content-Security-Policy with no inline script and no other origin
 * (the app calls only this server's /api/v1), and `X-Content-Type-Options: nosniff`.
 */
export const APP_PREFIX = '/app';

export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** dist/web beside the compiled dist/surfaces/http; from the sources (tests run src/), the repository's dist/web. */
export function builtAppDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const top = resolve(here, '../..');
  return basename(top) === 'dist' ? join(top, 'web') : resolve(top, '..', 'dist', 'web');
}

function listFiles(dir: string): Map<string, { type: string; body: Buffer; immutable: boolean }> {
  const files = new Map<string, { type: string; body: Buffer; immutable: boolean }>();
  if (!existsSync(join(dir, 'index.html'))) return files;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && TYPES[extname(entry.name)] !== undefined) {
        const rel = relative(dir, full).split(sep).join('/');
        // Vite names built assets by content hash: they may be cached for good.
        files.set(`/${rel}`, { type: TYPES[extname(entry.name)]!, body: readFileSync(full), immutable: rel.startsWith('assets/') });
      }
    }
  };
  walk(dir);
  return files;
}

export function reviewApp(dir = builtAppDir()): Middleware {
  const files = listFiles(dir);
  return async (ctx, next) => {
    if (ctx.path !== APP_PREFIX && !ctx.path.startsWith(`${APP_PREFIX}/`)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === APP_PREFIX) {
      ctx.redirect(`${APP_PREFIX}/`);
      return;
    }
    const rel = ctx.path.slice(APP_PREFIX.length);
    // The app routes in the URL fragment, so any path without a file is the app's page.
    const file = files.get(rel) ?? (extname(rel) === '' ? files.get('/index.html') : undefined);
    if (!file) {
      if (files.size === 0) throw new ZapTraceError('NOT_FOUND', 'the review app is not built: run npm run build', { path: ctx.path.slice(0, 200) });
      return next();
    }
    ctx.set('Content-Security-Policy', APP_CSP);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.type = file.type;
    ctx.body = file.body;
  };
}
