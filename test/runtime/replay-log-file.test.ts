import { isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/runtime/projections/session-state.js';
import { replayLogBytes } from '../../src/runtime/replay-log.js';
import { storedLineOf } from '../../src/runtime/events/stored-line.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const DESIGN = "meta: {name: demo}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

/** A session exported as GET /api/v1/sessions/{id}/events gives it: its event lines, then its signed head. */
async function exportedSession(designName: string) {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DESIGN, design_name: designName });
  for (let i = 0; i < 30; i++) {
    await callTool(client, 'component_add', { session_id: sid, design_name: designName, ref: `R${i + 10}`, type_name: 'RES', value: '1k', connections: i % 2 ? { '1': 'A' } : {} });
    if (i % 4 === 3) await callTool(client, 'component_remove', { session_id: sid, design_name: designName, ref: `R${i + 8}` });
    if (i % 9 === 8) await callTool(client, 'board_update', { session_id: sid, design_name: designName, width_mm: 50 + i });
  }
  await callTool(client, 'component_remove', { session_id: sid, design_name: designName, ref: 'R999' }); // refused: ends the log on an audit event
  const events = await runtime.readEvents(sid);
  const head = await runtime.store.coveringHead(sid);
  const lines = [...events.map(storedLineOf), JSON.stringify({ head })];
  return { events, lines };
}

describe('replaying a log file line by line (zaptrace replay FILE)', () => {
  for (const name of ['demo', 'café-Ω']) {
    it(`gives the state replaying the parsed events gives, at every position (design "${name}")`, async () => {
      const { events, lines } = await exportedSession(name);
      const bytes = Buffer.from(`${lines.join('\n')}\n`);
      expect(isAscii(bytes)).toBe(name === 'demo'); // a non-ASCII name takes the line-by-line decoding
      const whole = replayLogBytes(bytes);
      expect(whole.chain).toEqual({ ok: true, events: events.length, head_hash: events.at(-1)!.hash });
      expect(whole.state).toEqual(replay(events));
      expect(whole.state.seq).toBe(events.at(-1)!.seq);
      for (let upTo = 1; upTo <= events.length; upTo += 7) expect(replayLogBytes(bytes, { upTo }).state).toEqual(replay(events, { upTo }));
    });
  }

  it('names the first broken link of an edited, a dropped or a foreign line, and stops at a line that is not JSON', async () => {
    const { events, lines } = await exportedSession('demo');
    const at = lines.findIndex((l) => l.includes('"type":"ComponentAdded"'));
    const edited = lines.slice();
    edited[at] = edited[at]!.replace('"value":"1k"', '"value":"2k"');
    const verdict = replayLogBytes(Buffer.from(edited.join('\n'))).chain;
    expect(verdict).toMatchObject({ ok: false, first_broken: { seq: at + 1, reason: 'hash does not match the event content' } });
    expect(verdict.head_hash).toBe(events[at - 1]!.hash);

    const dropped = lines.filter((_, i) => i !== 5);
    expect(replayLogBytes(Buffer.from(dropped.join('\n'))).chain.first_broken).toMatchObject({ seq: 7, reason: 'expected seq 6, found 7' });

    const junk = lines.slice();
    junk.splice(9, 0, '{"seq": 10, oops');
    const read = replayLogBytes(Buffer.from(junk.join('\n')));
    expect(read.badLine).toBe(10);
    expect(read.state.seq).toBe(9);

    // A final line cut short by a crash (no newline) is left out and reported, not an error.
    const torn = replayLogBytes(Buffer.from(`${lines.join('\n')}\n${lines[3]!.slice(0, 25)}`));
    expect(torn.badLine).toBeUndefined();
    expect(torn.tornTail).toEqual({ line: lines.length + 1, bytes: 25 });
    expect(torn.state).toEqual(replay(events));
  });
});
