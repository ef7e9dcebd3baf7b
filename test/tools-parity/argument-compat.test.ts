import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { callTool, corpusText, httpApp, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const ATTINY = () => corpusText('zaptrace/designs/templates/attiny85_io.yaml');
const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap, 'X-ZapTrace-Actor': 'test-agent', 'X-ZapTrace-Reason': 'parity test' });

/** The Python ZapTrace's calls name no design: synthesize_design(intent), pipeline_run(intent), parse of a titled design. */
describe('arguments as the Python ZapTrace passes them', () => {
  it('MCP: synthesize_design and pipeline_run with intent alone derive a name from the intent', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const intent = 'ESP32 I2C sensor node with USB-C power and a BME280';
    const made = await callTool(client, 'synthesize_design', { intent });
    expect(made.data.error).toBeUndefined();
    expect(made.data.design_name).toBe('ESP32 I2C sensor node with USB-C');
    // The same intent again: a new design beside the first, never an overwrite.
    const again = await callTool(client, 'synthesize_design', { intent });
    expect(again.data.design_name).toBe('ESP32 I2C sensor node with USB-C 2');
    expect(again.data.design_hash).toBe(made.data.design_hash);

    const run = await callTool(client, 'pipeline_run', { intent: '12V to 3.3V switching regulator module' });
    expect(run.data.error).toBeUndefined();
    expect(run.data.design_name).toBe('12V to 3.3V switching regulator module');
    expect(run.data.stages.map((s: { stage: string }) => s.stage)[0]).toBe('source');
    const listed = (await callTool(client, 'design_list', {})).data;
    expect(JSON.stringify(listed)).toContain('12V to 3.3V switching regulator module');
  }, 120_000);

  it('MCP: a corpus design titled "ATtiny85 I/O Controller" parses under a derived name; pipeline_run(source) too', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const parsed = await callTool(client, 'design_parse_str', { yaml_content: ATTINY() });
    expect(parsed.data.error).toBeUndefined();
    expect(parsed.data.design_name).toBe('ATtiny85 I-O Controller');
    const second = await callTool(client, 'design_parse_str', { yaml_content: ATTINY() });
    expect(second.data.design_name).toBe('ATtiny85 I-O Controller 2');
    const run = await callTool(client, 'pipeline_run', { source: ATTINY() });
    expect(run.data.error).toBeUndefined();
    expect(run.data.design_name).toBe('ATtiny85 I-O Controller 3');
    // A name the caller gives is still checked and never derived.
    const bad = await callTool(client, 'design_parse_str', { yaml_content: ATTINY(), design_name: 'a/b' });
    expect(bad.data.error.code).toBe('INVALID_INPUT');
  }, 120_000);

  it('REST: synthesize_design with intent alone, and parse of the titled design', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id as string;
    const made = await agent.post('/api/v1/tools/synthesize_design').set(dev('preview-write')).set('X-ZapTrace-Session-Id', sid).send({ intent: 'RP2040 USB HID keyboard' });
    expect(made.status).toBe(200);
    expect(made.body.result.design_name).toBe('RP2040 USB HID keyboard');
    const parsed = await agent.post('/api/v1/tools/design_parse_str').set(dev('preview-write')).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: ATTINY() });
    expect(parsed.status).toBe(200);
    expect(parsed.body.result.design_name).toBe('ATtiny85 I-O Controller');
  }, 60_000);
});
