import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';

export interface Listening {
  base: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves a koa app on an ephemeral loopback port. */
export async function listenLoopback(app: Koa): Promise<Listening> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Headers = Record<string, string>;

/** Development-mode headers: the actor names the principal (dev:<actor>), the grant comes from the header. */
export const devHeaders = (actor: string, grant = 'sandbox-write'): Headers => ({ 'X-ZapTrace-Actor': actor, 'X-ZapTrace-Capabilities': grant, 'content-type': 'application/json' });

export async function createSession(base: string, headers: Headers): Promise<string> {
  const res = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers, body: '{}' });
  if (res.status !== 201) throw new Error(`session_create answered ${res.status}`);
  return ((await res.json()) as { session_id: string }).session_id;
}

/** POST /api/v1/tools/NAME in a session; resolves with the status and the parsed body. */
export async function callRest(base: string, headers: Headers, sessionId: string, tool: string, input: Record<string, unknown>, init: { signal?: AbortSignal } = {}) {
  const res = await fetch(`${base}/api/v1/tools/${tool}`, { method: 'POST', headers: { ...headers, 'X-ZapTrace-Session-Id': sessionId }, body: JSON.stringify(input), ...init });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { ok: boolean; result?: any; error?: { code: string; details: Record<string, unknown> } } };
}
