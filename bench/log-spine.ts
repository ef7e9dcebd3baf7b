import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { composeRuntime } from '../src/compose.js';
import { replay } from '../src/runtime/projections/session-state.js';
import type { CallContext } from '../src/runtime/principal.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { parseLog, verifyParsedLog } from '../src/runtime/store/verify-log.js';
import { createMcpConnection } from '../src/surfaces/mcp/connection.js';
import { createMcpServer } from '../src/surfaces/mcp/server.js';
import { measureEditCost } from './edit-cost.js';

/**
 * The edit and log figures, each beside its target and, where the target is relative, the floor it
 * is relative to, measured in the same run: `JSON.parse` alone over the same lines, and read +
 * parse + SHA-256 of each line alone.
 */
const call: CallContext = { principal: { id: 'bench', authSource: 'config', grant: 'sandbox-write' }, surface: 'cli', actor: 'bench', reason: '', requestId: 'bench' };
const DESIGN = "meta: {name: d}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

type Row = [figure: string, today: string, target: string, verdict: string];

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
const best = (xs: number[]) => Math.max(...xs);

function timed(fn: () => void, reps: number): number {
  const rates: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    rates.push(performance.now() - t0);
  }
  return Math.min(...rates) / 1000;
}

async function sessionOfEdits(runtime: Runtime, commands: number): Promise<string> {
  const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'bench', requestId: 'b' });
  await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: DESIGN, design_name: 'd' }, call, sessionId: sid });
  for (let i = 0; i < commands; i++) {
    const ref = `X${i >> 1}`;
    const add = i % 2 === 0;
    await runtime.invoke({ tool: add ? 'component_add' : 'component_remove', input: add ? { design_name: 'd', ref, type_name: 'RES', value: '1k', connections: { '1': 'A' } } : { design_name: 'd', ref }, call, sessionId: sid });
  }
  return sid;
}

async function mcpCommandsPerSecond(runtime: Runtime, commands: number): Promise<number> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(runtime, createMcpConnection(runtime, { id: 'bench', authSource: 'stdio', grant: 'sandbox-write' }));
  await server.connect(serverSide);
  const client = new Client({ name: 'zt-bench', version: '1.0.0' });
  await client.connect(clientSide);
  const sid = (await client.callTool({ name: 'session_create', arguments: {} })).structuredContent as { session_id: string };
  await client.callTool({ name: 'design_parse_str', arguments: { session_id: sid.session_id, yaml_content: DESIGN, design_name: 'd' } });
  const run = async (n: number, tag: string) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const ref = `${tag}${i >> 1}`;
      const args = i % 2 === 0 ? { session_id: sid.session_id, design_name: 'd', ref, type_name: 'RES', value: '1k' } : { session_id: sid.session_id, design_name: 'd', ref };
      await client.callTool({ name: i % 2 === 0 ? 'component_add' : 'component_remove', arguments: args });
    }
    return n / ((performance.now() - t0) / 1000);
  };
  await run(500, 'W');
  const rate = best([await run(commands, 'A'), await run(commands, 'B'), await run(commands, 'C')]);
  await client.close();
  return rate;
}

export async function benchLogSpine(): Promise<Record<string, number | string>> {
  const rows: Row[] = [];

  const edits = await measureEditCost(process.env.SIZES ? process.env.SIZES.split(",").map(Number) : [5, 5000, 50000]);
  const small = edits.get(5)!;
  const r5k = edits.get(5000)! / small;
  const r50k = edits.get(50000)! / small;
  rows.push(['edit µs (component_add/remove, in process): 5 / 5,000 / 50,000 parts', `${small.toFixed(0)} / ${edits.get(5000)!.toFixed(0)} / ${edits.get(50000)!.toFixed(0)}`, '', '']);
  rows.push(['edit cost 5,000 parts ÷ 5 parts', `${r5k.toFixed(2)}×`, '≤ 2×', r5k <= 2 ? 'met' : 'not met']);
  rows.push(['edit cost 50,000 parts ÷ 5 parts', `${r50k.toFixed(2)}×`, '≤ 3×', r50k <= 3 ? 'met' : 'not met']);

  const inProcess = 1e6 / small;
  rows.push(['sandbox-write commands/s, full interceptor in process', fmt(inProcess), '≥ 40,000', `${(inProcess / 40_000).toFixed(2)} of target`]);

  const runtime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')) });
  const viaMcp = await mcpCommandsPerSecond(runtime, 1000);
  rows.push(['sandbox-write commands/s, in-process MCP client', fmt(viaMcp), '≥ 20,000', `${(viaMcp / 20_000).toFixed(2)} of target`]);

  // A log of component edits with connections (each command is an audit event and a design event).
  const sid = await sessionOfEdits(runtime, 10_000);
  const events = await runtime.readEvents(sid);
  const fromMemory = events.length / timed(() => replay(events), 3);
  rows.push([`replay from memory, events/s (${events.length.toLocaleString('en-US')} events)`, fmt(fromMemory), '≥ 300,000', `${(fromMemory / 300_000).toFixed(2)} of target`]);

  // The same events as the store's JSON lines (chain only: no signed head lines in this file).
  const file = join(mkdtempSync(join(tmpdir(), 'zt-bench-log-')), 'session.jsonl');
  writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  const parseFloor = events.length / timed(() => {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line) JSON.parse(line);
  }, 3);
  const fromFile = events.length / timed(() => replay(parseLog(readFileSync(file, 'utf8')).events), 3);
  rows.push(['replay from a JSONL file, events/s', fmt(fromFile), `≥ 0.7 × JSON.parse alone (${fmt(parseFloor)}/s)`, `${(fromFile / parseFloor).toFixed(2)} × floor`]);

  const shaFloor = events.length / timed(() => {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      JSON.parse(line);
      createHash('sha256').update(line).digest('hex');
    }
  }, 3);
  const verify = events.length / timed(() => {
    const v = verifyParsedLog(parseLog(readFileSync(file, 'utf8')), { publicKey: null, everySignature: true });
    if (!v.ok) throw new Error(`bench log does not verify: ${JSON.stringify(v.problem)}`);
  }, 3);
  rows.push(['audit verify (parse + chain), events/s', fmt(verify), `≥ 0.8 × read+parse+SHA-256 (${fmt(shaFloor)}/s)`, `${(verify / shaFloor).toFixed(2)} × floor`]);

  // Last audit page of a long session: 50,000 commands give 100,000 events.
  const long = await sessionOfEdits(runtime, 50_000);
  const head = (await runtime.readEvents(long, { from: 1 })).length;
  const pageMs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    await runtime.invoke({ tool: 'audit_list_events', input: { after_seq: head - 200, limit: 100 }, call, sessionId: long });
    pageMs.push(performance.now() - t0);
  }
  const page = Math.min(...pageMs);
  rows.push([`last audit page (100 entries) of a ${head.toLocaleString('en-US')}-event session, ms`, page.toFixed(2), '≤ 2 ms', page <= 2 ? 'met' : 'not met']);

  const out: Record<string, number | string> = {};
  out['figure | today | target | ratio'] = '';
  for (const [figure, today, target, verdict] of rows) out[figure] = `${today} | ${target} | ${verdict}`;
  return out;
}

if (process.argv[1]?.endsWith('log-spine.ts')) {
  for (const [k, v] of Object.entries(await benchLogSpine())) console.log(`${k} | ${v}`);
  process.exit(0);
}
