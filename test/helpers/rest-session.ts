import request from 'supertest';
import { httpApp, newRuntime } from './harness.js';

/**
 * A fresh runtime behind the dev-mode REST app (docs/architecture.md, surfaces) with one session open.
 * `call` posts a tool in that session under the capability level given, as an agent would.
 */
export async function restSession(reason: string) {
  const { runtime, workspaceDir } = await newRuntime();
  const { app } = await httpApp(runtime, { dev: true });
  const agent = request(app.callback());
  const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap, 'X-ZapTrace-Actor': 'test-agent', 'X-ZapTrace-Reason': reason });
  const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id as string;
  const call = (tool: string, cap: string, body: object) => agent.post(`/api/v1/tools/${tool}`).set(dev(cap)).set('X-ZapTrace-Session-Id', sid).send(body);
  return { runtime, workspaceDir, sid, call };
}
