import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, ESP32_YAML, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';
import { runCli } from '../helpers/cli.js';
import { storedLineOf } from '../../src/runtime/events/stored-line.js';

/**
 * Defect: `zaptrace replay FILE` (src/surfaces/cli/program.ts, replay) refuses a whole log whose
 * LAST line is torn (a crash tail: the bytes of a line being written when the process died, no
 * newline), at every position, even with --to before the tail: "line N is not JSON", exit 2.
 * The file store reads the same file as intact up to its last signed head and cuts the tail
 * (src/runtime/store/file-store.ts: "a torn final line is a crash tail, cut back"), and
 * replayLogBytes itself stops there and returns the state; only the CLI throws it away. A log
 * after a crash cannot be replayed with the tool meant to inspect it. (Junk in the MIDDLE of a log
 * is rightly an error: test/surfaces/cli.test.ts.) Runs dist/cli.cjs: build first.
 */
async function exported() {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref: 'TP1' });
    const events = await runtime.readEvents(sid);
    const head = await runtime.store.coveringHead(sid);
    return { lines: [...events.map(storedLineOf), JSON.stringify({ head })], last: events.at(-1)!.seq };
  } finally {
    await runtime.close();
  }
}

describe('review: zaptrace replay on a log with a torn last line', () => {
  it('control: the intact log replays at --to 3 and at its end', { timeout: 120_000 }, async () => {
    const { lines, last } = await exported();
    const file = join(tempDir(), 'session.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(JSON.parse(runCli(['replay', file, '--to', '3']).stdout).seq).toBe(3);
    expect(JSON.parse(runCli(['replay', file]).stdout).seq).toBe(last);
  });
  // Was a defect: a torn final line (crash tail) made `zaptrace replay FILE` fail at every position; now it is left out and reported as torn_tail.
  it('replays the complete lines of a log whose last line is torn', { timeout: 120_000 }, async () => {
    const { lines } = await exported();
    const file = join(tempDir(), 'session.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n${lines[2]!.slice(0, 40)}`);
    const r = runCli(['replay', file, '--to', '3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).seq).toBe(3);
    expect(JSON.parse(r.stdout).torn_tail).toEqual({ line: lines.length + 1, bytes: 40 });
  });
});
