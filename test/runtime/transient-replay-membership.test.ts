import { describe, expect, it } from 'vitest';
import { replay, type SessionState } from '../../src/runtime/projections/session-state.js';
import { replayLogBytes } from '../../src/runtime/replay-log.js';
import { storedLineOf } from '../../src/runtime/events/stored-line.js';
import { merkleHash } from '../../src/kernel/merkle-hash.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const DESIGN = "meta: {name: m}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\n  R2: {ref: R2, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1, R2.1]}\n  B: {nodes: [R1.2, R2.2]}\n  C: {nodes: []}\n";

/**
 * One run of component edits (no other design event between them, so the replay never seals) that
 * leans on the run's net-membership index (transient-replay.ts): removals before and after it is built,
 * a part on several nets, a part removed and added again under the same id, adds after the index exists.
 */
describe('a run of component edits replays to the live state when removals use the run\'s net membership', () => {
  it('equals the live state and hash at every position, from events and from the log file', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DESIGN, design_name: 'm' });
    const live: SessionState[] = [];
    const add = async (ref: string, connections: Record<string, string>) => {
      await callTool(client, 'component_add', { session_id: sid, design_name: 'm', ref, type_name: 'RES', value: '1k', pins: [{ name: '1' }, { name: '2' }, { name: '3' }], connections });
      live.push(await runtime.state(sid));
    };
    const remove = async (ref: string) => {
      await callTool(client, 'component_remove', { session_id: sid, design_name: 'm', ref });
      live.push(await runtime.state(sid));
    };
    await add('X1', { '1': 'A', '2': 'B', '3': 'C' }); // before the index exists
    await remove('R1'); // builds it: R1 on A and B
    await add('X2', { '1': 'A', '2': 'C' }); // kept in it
    await remove('X1'); // on A, B and C
    await add('X1', { '1': 'B' }); // the same id again, on one net
    await add('X3', {});
    await remove('X2');
    await remove('X3'); // on no net
    await remove('R2');
    await add('X4', { '1': 'A', '2': 'A' }); // two pins on one net
    await remove('X4');
    await remove('X1');
    const events = await runtime.readEvents(sid);
    const bytes = Buffer.from(`${events.map(storedLineOf).join('\n')}\n`);
    for (const state of live) {
      for (const rebuilt of [replay(events, { upTo: state.seq }), replayLogBytes(bytes, { upTo: state.seq }).state]) {
        expect(rebuilt).toEqual(state);
        expect(rebuilt.designs['m']!.hash).toBe(state.designs['m']!.hash);
        expect(rebuilt.designs['m']!.hash).toBe(merkleHash(rebuilt.designs['m']!.design, rebuilt.design_hash_format));
      }
    }
    // Each position reached with the whole run in one replay, then sealed: the nets as the live path left them.
    expect(replay(events).designs['m']!.design.nets).toEqual(live.at(-1)!.designs['m']!.design.nets);
  });
});
