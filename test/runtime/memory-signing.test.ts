import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { headProblem, type SignedHead } from '../../src/runtime/store/signed-head.js';
import { runCli } from '../helpers/cli.js';
import { callTool, ESP32_YAML, httpApp, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';

/**
 * Memory-only mode (docs/log-integrity.md, "Memory-only mode"): an append is kept, and answered, at
 * once; heads are signed in rounds. Whatever leaves the process is covered: the head route and the
 * events export sign on the spot when the last round has not covered the latest writes, and a
 * result's witness is a real signed head that is never ahead of the log.
 */
describe('memory-only store: heads signed in rounds, every export covered', () => {
  it('witnesses in MCP results verify and never run ahead; the REST export right after a write verifies with audit verify', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'a' });
    const witnesses: SignedHead[] = [];
    // The seq written before a pause: a round signed by the timer (no write came) covers it.
    let mustCover = 0;
    let pauses = 0;
    for (let i = 0; i < 60; i++) {
      const res = await client.callTool({ name: 'component_add', arguments: { session_id: sid, design_name: 'a', ref: `R${200 + i}`, type_name: 'RES', value: '1k' } });
      const seqAfter = (await runtime.state(sid)).seq;
      const w = res._meta?.['zaptrace/log-head'] as SignedHead | undefined;
      if (mustCover > 0) {
        // After a round has passed, this answer's witness covers what was written before the pause.
        expect(w?.seq ?? 0).toBeGreaterThanOrEqual(mustCover);
        mustCover = 0;
      }
      if (w) {
        expect(headProblem(w, runtime.store.publicKeyPem)).toBeNull();
        expect(w.seq).toBeLessThanOrEqual(seqAfter);
        witnesses.push(w);
      }
      if (i % 20 === 0) {
        mustCover = seqAfter;
        pauses++;
        await new Promise((resolve) => setTimeout(resolve, 10)); // a round passes, signed by the timer
      }
    }
    expect(pauses).toBe(3);
    expect(witnesses.length).toBeGreaterThan(0);

    // Straight after a write, with no round in between: the export still ends with a covering head.
    await callTool(client, 'component_remove', { session_id: sid, design_name: 'a', ref: 'R200' });
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const owner = { 'X-ZapTrace-Capabilities': '', 'X-ZapTrace-Actor': 'auditor', 'X-ZapTrace-Reason': 'export' };
    // The MCP principal above is local:test; the dev header principal must own the session to export it.
    const restSid = (await agent.post('/api/v1/sessions').set(owner).expect(201)).body.session_id as string;
    await agent.post('/api/v1/tools/design_parse_str').set({ ...owner, 'X-ZapTrace-Capabilities': 'sandbox-write' }).set('X-ZapTrace-Session-Id', restSid).send({ yaml_content: ESP32_YAML(), design_name: 'b' }).expect(200);
    const exported = (await agent.get(`/api/v1/sessions/${restSid}/events`).set(owner).expect(200)).text;
    const lines = exported.trim().split('\n');
    const head = (JSON.parse(lines[lines.length - 1]!) as { head: SignedHead }).head;
    expect(head.seq).toBe(lines.length - 1);
    const dir = tempDir('zt-memsign-');
    writeFileSync(join(dir, 'log.jsonl'), exported);
    writeFileSync(join(dir, 'key.pem'), runtime.store.publicKeyPem);
    const verified = runCli(['audit', 'verify', join(dir, 'log.jsonl'), '--log-pubkey', join(dir, 'key.pem')]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: lines.length - 1 });

    // The covering head of the MCP session, asked straight after its last write, covers that write.
    const covering = await runtime.store.coveringHead(sid);
    expect(covering?.seq).toBe((await runtime.state(sid)).seq);
    expect(headProblem(covering, runtime.store.publicKeyPem)).toBeNull();
  });
});
