import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { runCli } from '../helpers/cli.js';

const DESIGN = "meta: {name: s}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

/**
 * `zaptrace replay FILE` and `zaptrace audit verify FILE` read a log with one line walk and one link
 * rule (src/runtime/log-lines.ts, kernel/hash-chain.ts): on a store file of more than one 1 MiB replay
 * window, with non-ASCII text in it, both accept it intact and name the same first broken event and
 * reason when a line past the first window is damaged.
 */
let file = '';
let intact = '';

beforeAll(async () => {
  const dir = tempDir('zt-cli-rv-');
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DESIGN, design_name: 'café-Ω' });
  for (let i = 0; i < 1400; i++) {
    const res = await callTool(client, 'component_add', { session_id: sid, design_name: 'café-Ω', ref: `X${i}`, type_name: 'RES', value: '1 kΩ', connections: { '1': 'A' } });
    expect(res.isError).toBe(false);
  }
  await client.close();
  await runtime.close();
  store.close();
  file = join(dir, `${sid}.jsonl`);
  intact = readFileSync(file, 'utf8');
}, 120_000);

const replayOut = (path: string) => JSON.parse(runCli(['replay', path]).stdout) as { seq: number; chain_ok: boolean; first_broken?: { seq: number; reason: string } };
const verifyOut = (path: string) => {
  const res = runCli(['audit', 'verify', path, '--chain-only']);
  return { code: res.code, out: JSON.parse(res.stdout) as { ok: boolean; events: number; problem?: { line: number; reason: string } } };
};

describe('replay and verify of a store file through the CLI', () => {
  it('accept the intact file, which spans more than one replay window', () => {
    expect(statSync(file).size).toBeGreaterThan(1 << 20);
    const replayed = replayOut(file);
    expect(replayed).toMatchObject({ chain_ok: true, seq: 1 + 1 + 1400 });
    expect(replayed.first_broken).toBeUndefined();
    expect(verifyOut(file)).toMatchObject({ code: 0, out: { ok: true, events: 1402 } });
  });

  it.each([
    ['another hash in the tail', (line: string, hash: string) => line.replace(`"hash":"${hash}"`, `"hash":"${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}"`)],
    ['a space before the closing brace', (line: string, hash: string) => line.replace(`,"hash":"${hash}"}`, `,"hash":"${hash}" }`)],
    ['a changed character of the data', (line: string) => line.replace('1 kΩ', '2 kΩ')],
  ])('name the same first broken event and reason for a damaged line past the first window (%s)', (_what, damage) => {
    const lines = intact.split('\n');
    // An event line past the first MiB.
    let at = lines.length - 1;
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      if (offset > (1 << 20) + 4096 && lines[i]!.includes('"type":"ComponentAdded"')) {
        at = i;
        break;
      }
      offset += Buffer.byteLength(lines[i]!) + 1;
    }
    const event = JSON.parse(lines[at]!) as { seq: number; hash: string };
    lines[at] = damage(lines[at]!, event.hash);
    const damaged = join(tempDir('zt-cli-rv-d-'), 'damaged.jsonl');
    writeFileSync(damaged, lines.join('\n'));
    const verified = verifyOut(damaged);
    expect(verified.code).toBe(1);
    expect(verified.out.problem!.line).toBe(at + 1);
    const replayed = replayOut(damaged);
    expect(replayed.chain_ok).toBe(false);
    expect(replayed.first_broken).toMatchObject({ seq: event.seq, reason: verified.out.problem!.reason });
  });
});
