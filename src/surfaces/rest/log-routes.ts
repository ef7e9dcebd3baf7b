import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Runtime } from '../../runtime/runtime.js';
import type { SignedHead } from '../../runtime/store/signed-head.js';

/** Response header carrying the session's latest signed head after a write (a witness to keep). */
export const LOG_HEAD_HEADER = 'X-ZapTrace-Log-Head';

export function encodeHead(head: SignedHead): string {
  return Buffer.from(JSON.stringify(head), 'utf8').toString('base64url');
}

/** Sets the witness header when the session has a signed head (nothing for quarantined or unknown ones). */
export async function attachLogHead(ctx: Context, runtime: Runtime, sessionId: string | null): Promise<void> {
  if (sessionId === null || runtime.store.quarantineOf(sessionId)) return;
  try {
    const head = await runtime.store.signedHead(sessionId);
    if (head) ctx.set(LOG_HEAD_HEADER, encodeHead(head));
  } catch {
    // no witness for a session the store will not serve
  }
}

/**
 * The log's trust anchors over REST (docs/log-integrity.md): the public key that verifies signed
 * heads, and a session's latest signed head for its owner.
 */
export function registerLogRoutes(router: Router, runtime: Runtime, assertOwner: (ctx: Context, sessionId: string, what: string) => Promise<void>): void {
  router.get('/log-key', (ctx) => {
    ctx.type = 'application/x-pem-file';
    ctx.body = runtime.store.publicKeyPem;
  });
  router.get('/sessions/:id/head', async (ctx) => {
    const sessionId = ctx.params['id'] ?? '';
    await assertOwner(ctx, sessionId, 'sessions/head');
    ctx.body = { session_id: sessionId, head: await runtime.store.coveringHead(sessionId) };
  });
}
