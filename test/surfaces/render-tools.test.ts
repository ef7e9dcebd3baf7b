import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { approveAsReviewer } from '../helpers/review.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

describe('board picture and report through MCP', () => {
  it('renders any log position inline, writes files only with sandbox-write, and reports readiness', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('approved-commit'));
    const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { design_name: 'led', ...args });
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    await c('component_add', { ref: 'R9', type_name: 'RES', value: '<b>&"x"</b>', footprint: '0402' });
    await c('place_components', { seed: 3 });
    const placedSvg = (await c('render_svg')).data.svg as string;
    expect(placedSvg).toMatch(/^<\?xml|^<svg/);
    expect(placedSvg).not.toContain('<b>&"x"');
    expect(placedSvg).toContain('Airwires');
    await c('route_nets');
    await c('erc_validate');
    await c('drc_run');
    const notYet = (await c('render_report')).data.markdown as string;
    expect(notYet).toContain('Not ready for release');
    expect((await approveAsReviewer(runtime, client, 'led', 'APR-9')).isError).toBe(false);
    expect((await c('render_report')).data.markdown).toContain('Ready for release');
    const early = (await c('render_svg', { seq: 3 })).data.svg as string;
    expect(early).not.toBe(placedSvg);

    const written = await c('export_report', { output_path: 'reports/led.md' });
    expect(written.data.path).toBe('reports/led.md');
    expect(readFileSync(join(workspaceDir, 'reports/led.md'), 'utf8')).toContain('Ready for release');
    expect((await c('export_svg', { output_path: '../escape.svg' })).data.error.code).toBe('INVALID_INPUT');
    expect(existsSync(join(workspaceDir, '../escape.svg'))).toBe(false);
    const reader = await mcpClient(runtime, localPrincipal(null, 'local:test'));
    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    expect((await callTool(reader, 'export_svg', { session_id: sid, design_name: 'led', output_path: 'x.svg' })).data.error.code).toBe('OPERATION_NOT_AUTHORIZED');
    expect((await callTool(reader, 'render_svg', { session_id: sid, design_name: 'led' })).isError).toBe(false);
  });
});
