import { describe, expect, it } from 'vitest';
import { LoggingMessageNotificationSchema, McpError, type LoggingMessageNotification } from '@modelcontextprotocol/sdk/types.js';
import { ESP32_YAML, callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function twoCallers() {
  const { runtime } = await newRuntime();
  const alice = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:alice'));
  const mallory = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:mallory'));
  const session_id = (await callTool(alice, 'session_create')).data['session_id'] as string;
  expect((await callTool(alice, 'design_parse_str', { session_id, yaml_content: ESP32_YAML(), design_name: 'esp' })).isError).toBe(false);
  return { runtime, alice, mallory, session_id };
}

async function mcpErrorOf(work: Promise<unknown>): Promise<McpError> {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(McpError);
  return err as McpError;
}

describe('MCP prompts, completions, logging, images and resource errors through an SDK Client', () => {
  it('lists prompts with arguments and fills one in; an unknown prompt or a missing argument is -32602', async () => {
    const { alice } = await twoCallers();
    const { prompts } = await alice.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['add_library_part', 'design_review', 'fix_drc_violations', 'inspect_component', 'release_checklist', 'start_from_intent', 'trace_net']);
    expect(prompts.every((p) => p.description && p.arguments && p.arguments.every((a) => a.description))).toBe(true);
    const review = await alice.getPrompt({ name: 'design_review', arguments: { design_name: 'esp' } });
    const text = (review.messages[0]!.content as { text: string }).text;
    expect(text).toContain('"esp"');
    expect(text).toMatch(/drc_run/);
    expect((await mcpErrorOf(alice.getPrompt({ name: 'no_such_prompt' }))).code).toBe(-32602);
    expect((await mcpErrorOf(alice.getPrompt({ name: 'release_checklist', arguments: {} }))).code).toBe(-32602);
  });

  it('completes session ids and design names of the caller only, for prompts and resource templates', async () => {
    const { alice, mallory, session_id } = await twoCallers();
    const prompt = { type: 'ref/prompt' as const, name: 'design_review' };
    const sessions = await alice.complete({ ref: prompt, argument: { name: 'session_id', value: session_id.slice(0, 4) } });
    expect(sessions.completion.values).toContain(session_id);
    const designs = await alice.complete({ ref: prompt, argument: { name: 'design_name', value: 'e' }, context: { arguments: { session_id } } });
    expect(designs.completion.values).toEqual(['esp']);
    const none = await alice.complete({ ref: prompt, argument: { name: 'design_name', value: 'x' }, context: { arguments: { session_id } } });
    expect(none.completion.values).toEqual([]);
    const template = { type: 'ref/resource' as const, uri: 'zaptrace://sessions/{session_id}/audit' };
    expect((await alice.complete({ ref: template, argument: { name: 'session_id', value: '' } })).completion.values).toContain(session_id);
    // Another principal learns nothing about alice's sessions or designs.
    expect((await mallory.complete({ ref: template, argument: { name: 'session_id', value: '' } })).completion.values).not.toContain(session_id);
    expect((await mallory.complete({ ref: prompt, argument: { name: 'design_name', value: '' }, context: { arguments: { session_id } } })).completion.values).toEqual([]);
  });

  it('completes refs, nets, library parts and footprints for the prompts that take them, in the caller\'s own designs only', async () => {
    const { alice, mallory, session_id } = await twoCallers();
    const context = { arguments: { session_id, design_name: 'esp' } };
    const refs = await alice.complete({ ref: { type: 'ref/prompt', name: 'inspect_component' }, argument: { name: 'ref', value: 'U' }, context });
    expect(refs.completion.values).toEqual(['U1', 'U2', 'U3']);
    const nets = await alice.complete({ ref: { type: 'ref/prompt', name: 'trace_net' }, argument: { name: 'net', value: 'I2C' }, context });
    expect(nets.completion.values).toEqual(['I2C_SCL', 'I2C_SDA']);
    // The same context names alice's session: mallory gets nothing from it.
    expect((await mallory.complete({ ref: { type: 'ref/prompt', name: 'trace_net' }, argument: { name: 'net', value: '' }, context })).completion.values).toEqual([]);
    const addPart = { type: 'ref/prompt' as const, name: 'add_library_part' };
    const parts = await alice.complete({ ref: addPart, argument: { name: 'part_id', value: 'bme280' } });
    expect(parts.completion.values.length).toBeGreaterThan(0);
    const first = await callTool(alice, 'library_get', { id: parts.completion.values[0] });
    expect(JSON.stringify(first.data).toLowerCase()).toContain('bme280');
    const footprints = await alice.complete({ ref: addPart, argument: { name: 'footprint', value: 'SOT-23' } });
    expect(footprints.completion.values.length).toBeGreaterThan(0);
    expect(footprints.completion.values.every((v) => v.startsWith('SOT-23'))).toBe(true);
    // A board picture's design_name completes like a prompt's.
    const board = { type: 'ref/resource' as const, uri: 'zaptrace://sessions/{session_id}/designs/{design_name}/board.png' };
    expect((await alice.complete({ ref: board, argument: { name: 'design_name', value: '' }, context: { arguments: { session_id } } })).completion.values).toEqual(['esp']);
    const text = (await alice.getPrompt({ name: 'inspect_component', arguments: { design_name: 'esp', ref: 'U2' } })).messages[0]!.content as { text: string };
    expect(text.text).toContain('U2');
  });

  it('sends log messages from tool calls at the level the client set', async () => {
    const { alice, session_id } = await twoCallers();
    const messages: LoggingMessageNotification['params'][] = [];
    alice.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n.params));
    await alice.setLoggingLevel('debug');
    await callTool(alice, 'design_list', { session_id });
    const data = () => messages.map((m) => [m.level, (m.data as { event: string; tool: string }).event, (m.data as { tool: string }).tool]);
    expect(data()).toEqual([['debug', 'tool_call', 'design_list'], ['info', 'tool_ok', 'design_list']]);
    messages.length = 0;
    await alice.setLoggingLevel('warning');
    await callTool(alice, 'design_list', { session_id });
    const bad = await callTool(alice, 'design_inspect', { session_id, design_name: 'nope' });
    expect(bad.isError).toBe(true);
    expect(data()).toEqual([['warning', 'tool_error', 'design_inspect']]);
    expect(messages[0]!.data).toMatchObject({ code: 'NOT_FOUND', request_id: bad.data['error'].request_id });
  });

  it('answers -32002 (resource not found) for an unknown or foreign resource URI, on subscribe and read', async () => {
    const { alice, mallory, session_id } = await twoCallers();
    expect((await mcpErrorOf(alice.subscribeResource({ uri: 'zaptrace://nothing/here' }))).code).toBe(-32002);
    expect((await mcpErrorOf(alice.readResource({ uri: 'zaptrace://nothing/here' }))).code).toBe(-32002);
    expect((await mcpErrorOf(mallory.subscribeResource({ uri: `zaptrace://sessions/${session_id}/events` }))).code).toBe(-32002);
    expect((await mcpErrorOf(mallory.readResource({ uri: `zaptrace://sessions/${session_id}/designs/esp/board.png` }))).code).toBe(-32002);
  });

  it('returns the board as a PNG image with render_svg, and as a resource', async () => {
    const { alice, session_id } = await twoCallers();
    const res = await alice.callTool({ name: 'render_svg', arguments: { session_id, design_name: 'esp' } });
    const image = (res.content as { type: string; data?: string; mimeType?: string }[]).find((c) => c.type === 'image');
    expect(image?.mimeType).toBe('image/png');
    expect(Buffer.from(image!.data!, 'base64').subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const { resourceTemplates } = await alice.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('zaptrace://sessions/{session_id}/designs/{design_name}/board.png');
    const read = await alice.readResource({ uri: `zaptrace://sessions/${session_id}/designs/esp/board.png` });
    const blob = (read.contents[0] as { blob?: string; mimeType?: string });
    expect(blob.mimeType).toBe('image/png');
    expect(Buffer.from(blob.blob!, 'base64').subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('reports progress from every tool that runs in a worker, increasing each time', async () => {
    const { alice, session_id } = await twoCallers();
    for (const name of ['place_components', 'drc_run', 'render_svg']) {
      const seen: number[] = [];
      const res = await alice.callTool({ name, arguments: { session_id, design_name: 'esp' } }, undefined, { onprogress: (p) => void seen.push(p.progress) });
      expect([name, res.isError ?? false]).toEqual([name, false]);
      // At least "started" and "done"; route and pipeline report their steps in between.
      expect([name, seen.length >= 2]).toEqual([name, true]);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});
