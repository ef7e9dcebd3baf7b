import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { corpusText, httpApp, newRuntime } from '../helpers/harness.js';

/** docs/zaptrace-parity.md stays true: one row per Python ZapTrace tool, and "ours" only where the registry has it. */
describe('docs/zaptrace-parity.md against the policy matrix and the live tool list', () => {
  it('lists every matrix tool once, with our tool present exactly where the REST tool list has it, at the same level', async () => {
    const matrix = JSON.parse(corpusText('zaptrace/policy/tool-policy-matrix.json')) as { tools: { name: string; capability: string }[] };
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime);
    const ours = new Map(((await request(app.callback()).get('/api/v1/tools').expect(200)).body.tools as { name: string; level: string }[]).map((t) => [t.name, t.level]));
    const rows = readFileSync('docs/zaptrace-parity.md', 'utf8').split('\n').filter((l) => /^\| `[a-z0-9_]+` \| /.test(l));
    const byName = new Map(rows.map((r) => [/^\| `([a-z0-9_]+)`/.exec(r)![1]!, r.split('|').map((c) => c.trim())]));
    expect(rows).toHaveLength(matrix.tools.length);
    for (const t of matrix.tools) {
      const cells = byName.get(t.name);
      expect([t.name, cells?.[2]]).toEqual([t.name, t.capability]);
      const claimed = cells?.[3] !== '—';
      expect([t.name, claimed]).toEqual([t.name, ours.has(t.name)]);
      if (claimed) expect([t.name, cells?.[3]]).toEqual([t.name, `\`${t.name}\` (${ours.get(t.name)})`]);
      else expect([t.name, cells?.[4]]).toEqual([t.name, expect.stringMatching(/not yet|not planned/)]);
    }
  });
});
