import { expect } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from './harness.js';

/** One intent element of synthesize_design's answer. */
export interface SynthElement {
  element: string;
  status: string;
  by: string[];
  note?: string;
}

/**
 * synthesize_design of `intent` over an in-process MCP client, as design `b`: the elements it reports
 * and the design as design_inspect shows it; `more` may call further tools on the same session first.
 */
export async function synthesizeOverMcp<T = undefined>(intent: string, more?: (client: Client) => Promise<T>) {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const r = (await callTool(client, 'synthesize_design', { design_name: 'b', intent })).data;
    expect(r.error, JSON.stringify(r.error)).toBeUndefined();
    const design = (await callTool(client, 'design_inspect', { design_name: 'b' })).data.design as Record<string, unknown>;
    const extra = more ? await more(client) : undefined;
    return { elements: r.elements as SynthElement[], design, extra: extra as T };
  } finally {
    await runtime.close();
  }
}
