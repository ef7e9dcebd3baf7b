/**
 * Calls to this server's /api/v1 only (the page's CSP allows no other origin). The grant token lives in
 * memory (a module variable set from the sign-in field) and is sent as `Authorization: Bearer`; it is
 * never written to a cookie or to storage, so closing the tab forgets it. Without one the server
 * answers as its development principal (`npm start`) or as an anonymous reader.
 */
let token: string | null = null;

export function setToken(t: string | null): void {
  token = t !== null && t.trim() !== '' ? t.trim() : null;
}

export const hasToken = (): boolean => token !== null;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function headers(extra: Record<string, string> = {}): Record<string, string> {
  // In development mode X-ZapTrace-Actor would name the principal (dev:<actor>), so it is sent only beside a token, where it is a label.
  return { ...(token ? { Authorization: `Bearer ${token}`, 'X-ZapTrace-Actor': 'review-app' } : {}), ...extra };
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | null;
  if (!res.ok || body?.error) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP_' + res.status, e?.message ?? res.statusText, e?.details ?? {});
  }
  return body as T;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(`/api/v1${path}`, { headers: headers(), ...(signal ? { signal } : {}) }));
}

/** POST /api/v1/tools/NAME in a session; resolves with the tool's result. */
export async function callTool<T>(tool: string, sessionId: string, input: Record<string, unknown>, extra: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`/api/v1/tools/${encodeURIComponent(tool)}`, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', 'X-ZapTrace-Session-Id': sessionId, ...extra }),
    body: JSON.stringify(input),
  });
  return (await answer<{ result: T }>(res)).result;
}

export interface EventActor {
  principal: string;
  actor: string;
  surface: string;
  auth_source: string;
}

export interface LogEvent {
  seq: number;
  id: string;
  type: string;
  at: string;
  actor: EventActor;
  request_id: string;
  /** An allowed call's record, on that call's first event (docs/event-log.md, "Audit events"). */
  audit?: Record<string, unknown>;
  data: Record<string, unknown>;
  hash: string;
  prev_hash: string;
}

export interface SessionRow {
  session_id: string;
  role: 'owner' | 'reviewer';
  owner: string | null;
  events: number;
  last_activity: string | null;
  designs: { name: string; design_hash: string; ready: boolean; erc: string; drc: string; reasons: string[] }[];
}

export interface Finding {
  rule_id?: string;
  severity?: string;
  message?: string;
  location?: { x_mm: number; y_mm: number };
  components?: string[];
  nets?: string[];
}

export interface CheckView {
  evaluated_hash: string;
  fresh: boolean;
  passed: boolean;
  counts: { error: number; warning: number; info: number };
  seq: number;
  at: string;
  findings: Finding[];
  findings_total: number;
}

export interface Approval {
  approval_id: string;
  design_hash: string;
  seq: number;
  at: string;
  principal: string;
  statement: string;
  self_approval: boolean;
  current: boolean;
}

export interface BoardView {
  seq: number;
  head_seq: number;
  /** Positions up to this one are kept on the server: drawn at once (src/surfaces/rest/review-states.ts). */
  indexed_to?: number;
  design_name: string;
  present: boolean;
  designs: string[];
  design_hash?: string;
  layers?: string[];
  svg?: string;
  components?: { id: string; ref: string; value: string | null; footprint: string | null; x_mm?: number; y_mm?: number; side?: string }[];
  nets?: string[];
  evidence?: { erc: CheckView | null; drc: CheckView | null };
  readiness?: { ready: boolean; erc: string; drc: string; reasons: string[]; approvalId: string | null };
  approvals?: Approval[];
}
