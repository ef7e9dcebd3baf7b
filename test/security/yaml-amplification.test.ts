/**
 * YAML alias amplification through MCP `design_parse_str`: a nested "billion laughs" document and
 * a wide one (one large anchor aliased 31 times, 1.5 MB of text that expanded to a 43 MB log) are
 * refused with a clear error, and nothing reaches the session log.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

async function session() {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('preview-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  const logBytes = async () => JSON.stringify(await runtime.readEvents(sid)).length;
  return { client, sid, logBytes };
}

describe('YAML alias amplification', () => {
  it('a billion-laughs document is refused with INVALID_INPUT naming aliases', async () => {
    const { client, sid, logBytes } = await session();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const res = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: levels.join('\n'), design_name: 'bomb' });
    expect(res.data.error.code).toBe('INVALID_INPUT');
    expect(res.data.error.message).toMatch(/alias/i);
    // A bomb that stays under the alias-token limit is stopped by yaml's expansion count.
    const narrow = ['a: &a [' + Array(100).fill('"lol"').join(',') + ']'];
    for (let i = 1; i < 10; i++) narrow.push(`l${i}: &l${i} [${i === 1 ? '*a,*a,*a' : `*l${i - 1},*l${i - 1},*l${i - 1}`}]`);
    const second = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: narrow.join('\n'), design_name: 'bomb2' });
    expect(second.data.error.code).toBe('INVALID_INPUT');
    expect(second.data.error.message).toMatch(/alias/i);
    expect((await callTool(client, 'design_list', { session_id: sid })).data.designs).toEqual([]);
    expect(await logBytes()).toBeLessThan(20_000);
  });

  it('one large anchor aliased 31 times inside a kept field is refused with PAYLOAD_TOO_LARGE; the log stays small', async () => {
    const { client, sid, logBytes } = await session();
    const item = Array.from({ length: 20_000 }, (_, i) => `      - "${'x'.repeat(60)}${i}"`).join('\n');
    let props = `    properties:\n      p0: &big\n${item}\n`;
    for (let i = 1; i < 32; i++) props += `      p${i}: *big\n`;
    const text = TINY.replace('    value: red\n', `    value: red\n${props}`);
    expect(text.length).toBeGreaterThan(1_400_000);
    const res = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: text, design_name: 'wide' });
    expect(res.data.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'alias_expansion' } });
    expect(res.data.error.message).toMatch(/alias/);
    expect(await logBytes()).toBeLessThan(20_000);
  });

  it('a design that uses a few small aliases still parses', async () => {
    const { client, sid } = await session();
    const text = TINY.replace('  r1:\n', '  r9:\n    ref: R9\n    type: resistor\n    value: "330"\n    footprint: R_0603\n    pins: &twopins\n      "1": {name: "1", type: passive}\n      "2": {name: "2", type: passive}\n  r1:\n').replace(
      'pins:\n      "1": {name: "1", type: passive}\n      "2": {name: "2", type: passive}\n  d1',
      'pins: *twopins\n  d1',
    );
    expect(text).toContain('*twopins');
    const res = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: text, design_name: 'ok' });
    expect(res.isError).toBe(false);
    expect(res.data.components).toBe(4);
  });
});
