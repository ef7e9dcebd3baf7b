import { randomUUID } from 'node:crypto';
import { ZapTraceError } from '../../kernel/errors.js';
import { svgToPng } from './board-image.js';
import type { Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import { queryAudit } from '../../tools/audit-tools.js';
import { readSecurityRecords } from '../../runtime/security-access.js';
import type { McpConnection } from './connection.js';

export const AUDIT_URI = 'zaptrace://audit/events';
export const SECURITY_URI = 'zaptrace://security/events';
/** The security record, optionally paged: zaptrace://security/events?after=SEQ&limit=N (audit claim only). */
const SECURITY_URI_PAGED = /^zaptrace:\/\/security\/events(?:\?(?:after=(\d{1,15}))?&?(?:limit=(\d{1,4}))?)?$/;
const BOARD_PNG_TEMPLATE = 'zaptrace://sessions/{session_id}/designs/{design_name}/board.png';
const BOARD_PNG_URI = /^zaptrace:\/\/sessions\/([A-Za-z0-9_-]{1,200})\/designs\/([^/?#]{1,400})\/board\.png$/;
const SESSION_URI = /^zaptrace:\/\/sessions\/([A-Za-z0-9_-]{1,200})\/(events|audit)$/;

export function resourceTemplates() {
  return [
    { uriTemplate: 'zaptrace://sessions/{session_id}/audit', name: 'session-audit', title: 'Audit events of one of your sessions', mimeType: 'application/json' },
    { uriTemplate: 'zaptrace://sessions/{session_id}/events', name: 'session-events', title: 'The event log of one of your sessions (JSON lines)', mimeType: 'application/x-ndjson' },
    { uriTemplate: BOARD_PNG_TEMPLATE, name: 'board-picture', title: 'Picture of a design’s board, as it is now (PNG)', mimeType: 'image/png' },
  ];
}

/** The session a resource URI reads, after the same ownership check tools get. */
export async function sessionOfUri(runtime: Runtime, conn: McpConnection, principal: Principal, uri: string): Promise<string> {
  if (uri === AUDIT_URI) return conn.defaultSession(principal, 'resource');
  const m = SESSION_URI.exec(uri);
  if (!m) throw new ZapTraceError('NOT_FOUND', 'unknown resource', { uri: uri.slice(0, 200) });
  await runtime.assertOwner(principal, m[1]!, `resource:${m[2]}`, { surface: 'mcp', requestId: '' });
  return m[1]!;
}

export async function readResource(runtime: Runtime, conn: McpConnection, principal: Principal, uri: string) {
  const board = BOARD_PNG_URI.exec(uri);
  if (board) return readBoardPicture(runtime, principal, uri, board[1]!, decodedName(board[2]!));
  const paged = SECURITY_URI_PAGED.exec(uri);
  if (paged) {
    const query = { after: Number(paged[1] ?? 0), limit: Math.min(1000, Math.max(1, Number(paged[2] ?? 100))) };
    const page = await readSecurityRecords(runtime.securityLog, principal, query, { surface: 'mcp', requestId: '' });
    return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(page) }] };
  }
  const sessionId = await sessionOfUri(runtime, conn, principal, uri);
  if (uri.endsWith('/events') && uri !== AUDIT_URI) {
    const events = await runtime.readEvents(sessionId);
    return { contents: [{ uri, mimeType: 'application/x-ndjson', text: events.map((e) => JSON.stringify(e)).join('\n') + '\n' }] };
  }
  const audit = await queryAudit((range) => runtime.readEvents(sessionId, range), { after_seq: 0, limit: 1000 });
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify({ session_id: sessionId, ...audit }) }] };
}

/** The board picture goes through render_svg like any tool call: same ownership check, same audit. */
async function readBoardPicture(runtime: Runtime, principal: Principal, uri: string, sessionId: string, designName: string) {
  await runtime.assertOwner(principal, sessionId, 'resource:board', { surface: 'mcp', requestId: '' });
  const call = { principal, surface: 'mcp' as const, actor: 'mcp-resource', reason: '', requestId: randomUUID() };
  const rendered = (await runtime.invoke({ tool: 'render_svg', input: { design_name: designName }, call, sessionId })) as { svg: string };
  return { contents: [{ uri, mimeType: 'image/png', blob: (await svgToPng(rendered.svg)).toString('base64') }] };
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ZapTraceError('NOT_FOUND', 'unknown resource', {});
  }
}
