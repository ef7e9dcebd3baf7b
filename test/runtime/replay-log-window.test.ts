import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/runtime/projections/session-state.js';
import { replayLogBytes, replayLogFile } from '../../src/runtime/replay-log.js';
import { storedLineOf } from '../../src/runtime/events/stored-line.js';
import { callTool, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';

const DESIGN = "meta: {name: w}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

/** A session exported as GET /api/v1/sessions/{id}/events gives it: its event lines, then its signed head. */
async function exportedSession(designName: string) {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DESIGN, design_name: designName });
    for (let i = 0; i < 12; i++) {
      await callTool(client, 'component_add', { session_id: sid, design_name: designName, ref: `R${i + 10}`, type_name: 'RES', value: 'µ1k', connections: i % 2 ? { '1': 'A' } : {} });
      if (i % 4 === 3) await callTool(client, 'component_remove', { session_id: sid, design_name: designName, ref: `R${i + 8}` });
    }
    const events = await runtime.readEvents(sid);
    const head = await runtime.store.coveringHead(sid);
    return { events, lines: [...events.map(storedLineOf), JSON.stringify({ head })] };
  } finally {
    await runtime.close();
  }
}

/**
 * `replayLogFile` reads a log a window at a time and carries a line cut by a window's end into the
 * next one; a line longer than the window widens it. Whatever the window, its replay must be the one
 * `replayLogBytes` gives over the whole file: state, chain verdict, the line number of a line that is
 * not JSON, the torn tail. Windows of 1 byte to larger than the file cut lines (and the UTF-8 of a
 * non-ASCII name) at every kind of place.
 */
describe('replaying a log file a window at a time', () => {
  it('gives what replaying its bytes whole gives, for intact, damaged and torn logs and any window', { timeout: 120_000 }, async () => {
    const dir = tempDir('zt-window-');
    for (const name of ['w', 'café-Ω']) {
      const { events, lines } = await exportedSession(name);
      const at = lines.findIndex((l) => l.includes('"type":"ComponentAdded"'));
      const edited = lines.slice();
      edited[at] = edited[at]!.replace('"value":"µ1k"', '"value":"µ2k"');
      const junk = lines.slice();
      junk.splice(7, 0, '{"seq": 8, oops');
      const files: Record<string, string> = {
        intact: `${lines.join('\n')}\n`,
        'no final newline': lines.join('\n'),
        'CRLF and a blank line': `${lines.slice(0, 5).join('\r\n')}\r\n\r\n${lines.slice(5).join('\r\n')}\r\n`,
        edited: `${edited.join('\n')}\n`,
        'junk line': `${junk.join('\n')}\n`,
        'torn tail': `${lines.join('\n')}\n${lines[3]!.slice(0, 40)}`,
        empty: '',
      };
      const longest = Math.max(...lines.map((l) => Buffer.byteLength(l)));
      for (const [label, text] of Object.entries(files)) {
        const file = join(dir, `${label}.jsonl`);
        writeFileSync(file, text);
        const whole = replayLogBytes(readFileSync(file));
        // Each file is what its label says, so the comparisons below cover each outcome.
        const expected: Record<string, () => void> = {
          intact: () => expect(whole.state).toEqual(replay(events)),
          'no final newline': () => expect(whole.chain.ok).toBe(true),
          'CRLF and a blank line': () => expect(whole.state).toEqual(replay(events)),
          edited: () => expect(whole.chain.first_broken).toMatchObject({ seq: at + 1, reason: 'hash does not match the event content' }),
          'junk line': () => expect(whole.badLine).toBe(8),
          'torn tail': () => expect(whole.tornTail).toEqual({ line: lines.length + 1, bytes: Buffer.byteLength(lines[3]!.slice(0, 40)) }),
          empty: () => expect(whole.chain).toEqual({ ok: true, events: 0, head_hash: whole.chain.head_hash }),
        };
        expected[label]!();
        for (const windowBytes of [1, 97, longest - 1, longest + 1, 4096, 1 << 20]) {
          const windowed = replayLogFile(file, { windowBytes });
          expect(windowed, `${name}, ${label}, window ${windowBytes}`).toEqual(whole);
          for (const upTo of [1, 9]) expect(replayLogFile(file, { windowBytes, upTo }).state).toEqual(replayLogBytes(readFileSync(file), { upTo }).state);
        }
      }
    }
  });
});
