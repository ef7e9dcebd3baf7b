import { describe, expect, it } from 'vitest';
import { replayLogBytes } from '../../src/runtime/replay-log.js';
import { parseLog, verifyParsedLog } from '../../src/runtime/store/verify-log.js';
import { hashOfStoredLine, storedLineOf } from '../../src/runtime/events/stored-line.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const DESIGN = "meta: {name: s}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

/** Why events/stored-line.ts (the general path) refuses `line` as its event's stored line, or null. */
function generalReason(line: string): string | null {
  const bytes = Buffer.from(line);
  const event = JSON.parse(line) as Parameters<typeof hashOfStoredLine>[0];
  try {
    return hashOfStoredLine(event, bytes, 0, bytes.length) === event.hash ? null : 'hash does not match the event content';
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * log-lines.ts checks the stored form of a format-2 line in place (on the decoded line in a replay of
 * an all-ASCII log, on the bytes otherwise) and leaves every other line to events/stored-line.ts: a
 * damaged line must give, in a replay and in verification (`zaptrace audit verify`, verify-log.ts),
 * the reason the general path gives, at the same event, for an ASCII log and for a UTF-8 one.
 */
describe('replaying a log whose line is not in the stored form of format 2', () => {
  it.each(['s', 'café-Ω'])('reports the same first broken link and reason as verify and the general path (design "%s")', async (name) => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DESIGN, design_name: name });
    for (let i = 0; i < 4; i++) await callTool(client, 'component_add', { session_id: sid, design_name: name, ref: `X${i}`, type_name: 'RES', value: '1k', connections: { '1': 'A' } });
    const lines = (await runtime.readEvents(sid)).map(storedLineOf);
    const at = 3;
    const line = lines[at]!;
    const hash = (JSON.parse(line) as { hash: string }).hash;
    const damaged = [
      line.replace(`"hash":"${hash}"`, `"hash":"${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}"`), // another hash in the tail
      line.replace(`,"hash":"${hash}"}`, `,"hash":"${hash}","x":1}`), // a member after the hash
      line.replace(`,"hash":"${hash}"}`, `,"hash":"${hash}" }`), // space before the brace
      line.replace(`,"hash":"${hash}"}`, `,"hash" :"${hash}"}`), // space in the key's separator
      line.replace('"log_format":2', '"log_format":3'), // an unknown format
      line.replace('"log_format":2,', ''), // no format: read as format 1
      line.replace(`,"hash":"${hash}"}`, `,"hash":"${hash.slice(4)}"}`), // a short hash
    ];
    for (const bad of damaged) {
      expect(bad).not.toBe(line);
      const file = Buffer.from(`${[...lines.slice(0, at), bad, ...lines.slice(at + 1)].join('\n')}\n`);
      const replayed = replayLogBytes(file).chain;
      const verified = verifyParsedLog(parseLog(file), { publicKey: null, everySignature: false });
      const reason = generalReason(bad);
      expect(reason).not.toBeNull();
      expect(replayed.ok).toBe(false);
      expect(replayed.first_broken).toMatchObject({ seq: at + 1, index: at, reason });
      expect(verified.problem).toEqual({ line: at + 1, reason });
    }
    const intact = Buffer.from(`${lines.join('\n')}\n`);
    expect(intact.length > intact.toString().length).toBe(name !== 's'); // the UTF-8 log takes the byte path
    expect(replayLogBytes(intact).chain.ok).toBe(true);
    expect(verifyParsedLog(parseLog(intact), { publicKey: null, everySignature: false }).ok).toBe(true);
  });
});
