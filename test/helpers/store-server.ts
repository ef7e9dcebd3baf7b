import type { ChildProcess } from 'node:child_process';
import { startServer } from './cli.js';

export const SMALL_DESIGN =
  "meta: {name: demo}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n  B: {nodes: [R1.2]}\n";

const running = new Set<ChildProcess>();

/** Kills every server a test left running (a failed assertion skips its own stop). */
export function killStoreServers(): void {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  running.clear();
}

/** A `zaptrace serve --store DIR` process in development mode, with the calls the fault tests make. */
export async function storeServer(dir: string, workspace: string, extra: string[] = []) {
  const server = await startServer(['--dev-capability-headers', '--store', dir, '--workspace', workspace, ...extra]);
  running.add(server.child);
  server.child.once('exit', () => running.delete(server.child));
  const headers = (sid?: string, more: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    'x-zaptrace-capabilities': 'release-export',
    'x-zaptrace-actor': 'fault-test',
    ...(sid ? { 'x-zaptrace-session-id': sid } : {}),
    ...more,
  });
  const api = {
    base: server.base,
    child: server.child as ChildProcess,
    stderr: server.stderr,
    headers,
    async session(): Promise<string> {
      const res = await fetch(`${server.base}/api/v1/sessions`, { method: 'POST', headers: headers() });
      return ((await res.json()) as { session_id: string }).session_id;
    },
    tool(sid: string, tool: string, body: unknown, more: Record<string, string> = {}, signal?: AbortSignal) {
      return fetch(`${server.base}/api/v1/tools/${tool}`, { method: 'POST', headers: headers(sid, more), body: JSON.stringify(body), ...(signal ? { signal } : {}) });
    },
    addResistor(sid: string, ref: string, more: Record<string, string> = {}, signal?: AbortSignal) {
      return api.tool(sid, 'component_add', { design_name: 'demo', ref, type_name: 'RES', value: '1k', footprint: '0402' }, more, signal);
    },
    async refs(sid: string): Promise<Set<string>> {
      const res = await fetch(`${server.base}/api/v1/designs/demo`, { headers: headers(sid) });
      const body = (await res.json()) as { design: { components: Record<string, { ref: string }> } };
      return new Set(Object.values(body.design.components).map((c) => c.ref));
    },
    events(sid: string) {
      return fetch(`${server.base}/api/v1/sessions/${sid}/events`, { headers: headers(sid) }).then((r) => r.text());
    },
    async kill9() {
      server.child.kill('SIGKILL');
      if (server.child.exitCode === null) await new Promise((r) => server.child.once('exit', r));
    },
    async stop() {
      server.child.kill('SIGTERM');
      if (server.child.exitCode === null) await new Promise((r) => server.child.once('exit', r));
    },
  };
  return api;
}

export type StoreServer = Awaited<ReturnType<typeof storeServer>>;

/** Acknowledged writes (refs by session) that a server no longer shows: the fault tests' figure. */
export async function missingAcked(server: StoreServer, acked: Map<string, string[]>): Promise<{ total: number; missing: number }> {
  let total = 0;
  let missing = 0;
  for (const [sid, refs] of acked) {
    const present = await server.refs(sid);
    total += refs.length;
    missing += refs.filter((r) => !present.has(r)).length;
  }
  return { total, missing };
}
