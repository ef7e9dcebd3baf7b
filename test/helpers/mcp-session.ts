import type { Level } from '../../src/runtime/capability.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from './harness.js';

/** A fresh runtime, an MCP client over the SDK transport at `grant`, and one session it created. */
export async function mcpSession(grant: Level = 'sandbox-write') {
  const { runtime, workspaceDir } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal(grant));
  const sid = (await callTool(client, 'session_create', {})).data.session_id as string;
  return { runtime, workspaceDir, client, sid };
}
