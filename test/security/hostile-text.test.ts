/**
 * Edit tools pass the parser's text rule (kernel/text-rules.ts): ESC, NUL, C1 controls, bidi
 * overrides and lone surrogates in any tool argument are refused with INVALID_INPUT naming the
 * field, so none reaches the BOM or the pick-and-place file; the CSV formula guard sees through
 * fullwidth look-alikes (NFKC). Through MCP, and the released CSVs are read back from the ZIP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import request from 'supertest';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { approveAsReviewer } from '../helpers/review.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

const HOSTILE: [string, string][] = [
  ['ESC (terminal escape)', '10k\u001b[2J\u001b]0;pwned\u0007'],
  ['NUL', '10k\u0000'],
  ['C1 CSI', '10k\u009b31m'],
  ['DEL', '10k\u007f'],
  ['RLO bidi override', 'R\u202Egnp.exe'],
  ['LRI bidi isolate', '\u2066x\u2069'],
  ['right-to-left mark', 'x\u200F'],
  ['lone surrogate', 'x\uD800'],
];
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

describe('text arguments of every tool pass the parser checks', () => {
  it('MCP: each hostile string is refused with INVALID_INPUT naming the field, in every field and tool tried', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('approved-commit'));
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    const before = (await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash;
    for (const [what, bad] of HOSTILE) {
      const cases: [string, Record<string, unknown>, string][] = [
        ['component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', value: bad }, 'value'],
        ['component_add', { design_name: 'led', ref: 'R9', type_name: bad }, 'type_name'],
        ['component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', footprint: bad }, 'footprint'],
        ['component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', part_id: bad }, 'part_id'],
        ['component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', pins: [{ name: bad }] }, 'pins.0.name'],
        ['design_transaction_preview', { design_name: 'led', operation: 'component_add', params: { ref: 'R9', type_name: 'r', value: bad } }, 'params.value'],
        ['design_transaction_preview', { design_name: 'led', operation: 'board_update', params: { width_mm: 40 }, reason: bad }, 'reason'],
        ['design_commit', { design_name: 'led', approval_id: 'A', statement: bad }, 'statement'],
        ['design_commit', { design_name: 'led', approval_id: bad, statement: 'ok' }, 'approval_id'],
        ['library_search', { query: bad }, 'query'],
      ];
      for (const [tool, args, field] of cases) {
        const res = await callTool(client, tool, args);
        expect(res.data.error, `${what} in ${tool}.${field}`).toMatchObject({ code: 'INVALID_INPUT', details: { path: field } });
      }
    }
    // Names that become keys also pass the parser's identifier checks: nothing invisible, nothing blank.
    for (const name of ['R\u200b1', '\ufeffVCC', '   ']) {
      const pin = await callTool(client, 'component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', pins: [{ name }] });
      expect(pin.data.error, JSON.stringify(name)).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'pins.0.name' } });
      expect((await callTool(client, 'net_add', { design_name: 'led', name })).data.error.code).toBe('INVALID_INPUT');
    }
    // The parser refuses the same text inside a design, naming its path.
    const parsed = await callTool(client, 'design_parse_str', { yaml_content: TINY.replace('value: red', 'value: "red\\e[5m"'), design_name: 'x' });
    expect(parsed.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'components.d1.value' } });
    expect((await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash).toBe(before);
  });

  it('REST: the same refusal, 400 with the field path', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const dev = { 'X-ZapTrace-Capabilities': 'sandbox-write' };
    const sid = (await agent.post('/api/v1/sessions').set(dev).expect(201)).body.session_id;
    const post = (tool: string, body: Record<string, unknown>) => agent.post(`/api/v1/tools/${tool}`).set(dev).set('X-ZapTrace-Session-Id', sid).send(body);
    await post('design_parse_str', { yaml_content: TINY, design_name: 'led' });
    for (const [what, bad] of HOSTILE) {
      const res = await post('component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', value: bad });
      expect(res.status, what).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'value' } });
    }
  });

  it('released BOM and pick-and-place CSVs never carry controls, and fullwidth ＝＋－＠ formulas are neutralised', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const owner = await mcpClient(runtime, localPrincipal('release-export'));
    const c = (tool: string, args: Record<string, unknown> = {}) => callTool(owner, tool, { design_name: 'led', ...args });
    await callTool(owner, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    const formulas = ['＝HYPERLINK("http://evil.example","x")', '＋1+cmd|calc', '－2', '＠SUM(A1)', ' =1+1'];
    for (const [i, value] of formulas.entries()) {
      const added = await c('component_add', { ref: `R${20 + i}`, type_name: 'resistor', value, footprint: 'R_0603' });
      expect(added.isError, value).toBe(false);
    }
    for (const [, bad] of HOSTILE) expect((await c('component_add', { ref: 'R99', type_name: 'resistor', value: bad, footprint: 'R_0603' })).isError).toBe(true);
    await c('place_components', { seed: 3 });
    await c('route_nets');
    await c('erc_validate');
    await c('drc_run');
    expect((await approveAsReviewer(runtime, owner, 'led', 'APR-1')).isError).toBe(false);
    expect((await c('export_manufacturing', { approval_id: 'APR-1', output_dir: 'rel' })).isError).toBe(false);
    const zip = unzipSync(new Uint8Array(readFileSync(join(workspaceDir, 'rel/led-fab.zip'))));
    const csvs = Object.entries(zip).filter(([name]) => name.endsWith('.csv'));
    expect(csvs.map(([name]) => name).sort()).toEqual(['led-bom.csv', 'led-pos.csv']);
    for (const [name, bytes] of csvs) {
      const text = new TextDecoder().decode(bytes);
      expect(UNPRINTABLE.test(text.replace(/\r\n/g, '')), name).toBe(false);
      // No cell a spreadsheet would read as a formula, before or after NFKC folding.
      for (const line of text.split('\r\n').filter(Boolean)) {
        for (const cell of line.split(',')) {
          const value = cell.replace(/^"|"$/g, '').normalize('NFKC');
          if (/^-?\d+(\.\d+)?$/.test(value)) continue; // a number the writer produced (PosY is negated)
          expect(/^\s*[=+\-@]/.test(value), `${name}: ${cell}`).toBe(false);
        }
      }
    }
    const bom = new TextDecoder().decode(zip['led-bom.csv']!);
    expect(bom).toContain("'＝HYPERLINK");
    expect(bom).toContain("'＠SUM(A1)");
  });
});
