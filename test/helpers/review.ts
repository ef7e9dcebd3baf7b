import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { callTool, localPrincipal, mcpClient } from './harness.js';

/** The second principal of tests: names no designs, only reviews and approves them. */
export const REVIEWER_ID = 'local:reviewer';

const reviewers = new WeakMap<Runtime, Client>();

/** The reviewer's own MCP connection (approved-commit grant), one per runtime. */
export async function reviewerClient(runtime: Runtime): Promise<Client> {
  let client = reviewers.get(runtime);
  if (!client) {
    client = await mcpClient(runtime, localPrincipal('approved-commit', REVIEWER_ID));
    reviewers.set(runtime, client);
  }
  return client;
}

/** The owner's session holding `designName` (the connection's default session in most tests). */
export async function sessionOf(owner: Client, designName: string): Promise<string> {
  const { sessions } = (await callTool(owner, 'session_list')).data as { sessions: { session_id: string; designs: string[] }[] };
  const found = sessions.find((s) => s.designs.includes(designName));
  if (!found) throw new Error(`no session of this client holds ${designName}`);
  return found.session_id;
}

/**
 * An independent approval, as contract.md asks: the owner names REVIEWER_ID as reviewer and the
 * reviewer approves the design's current state with design_commit. Returns the design_commit result.
 */
export async function approveAsReviewer(runtime: Runtime, owner: Client, designName: string, approvalId: string, sessionId?: string) {
  const sid = sessionId ?? (await sessionOf(owner, designName));
  const named = await callTool(owner, 'session_add_reviewer', { session_id: sid, principal: REVIEWER_ID });
  if (named.isError) throw new Error(`session_add_reviewer failed: ${JSON.stringify(named.data)}`);
  const reviewer = await reviewerClient(runtime);
  return callTool(reviewer, 'design_commit', { session_id: sid, design_name: designName, approval_id: approvalId, statement: `reviewed ${designName}: ERC, DRC and the board picture` });
}

/**
 * The state a release export accepts: the owner parses `yaml` as `designName`, places (seed 3),
 * routes, runs ERC and DRC, and the reviewer approves it as `approvalId`.
 */
export async function checkedAndApproved(runtime: Runtime, owner: Client, designName: string, yaml: string, approvalId: string): Promise<void> {
  const c = (tool: string, args: Record<string, unknown> = {}) => callTool(owner, tool, { design_name: designName, ...args });
  await callTool(owner, 'design_parse_str', { yaml_content: yaml, design_name: designName });
  await c('place_components', { seed: 3 });
  await c('route_nets');
  await c('erc_validate');
  await c('drc_run');
  const approved = await approveAsReviewer(runtime, owner, designName, approvalId);
  if (approved.isError) throw new Error(`design_commit failed: ${JSON.stringify(approved.data)}`);
}
