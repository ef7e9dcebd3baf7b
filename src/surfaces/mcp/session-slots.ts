import type { Principal } from '../../runtime/principal.js';

export interface McpSessionLimits {
  /** Open sessions one principal may hold (default 20). */
  perPrincipal?: number;
  /** Open sessions all anonymous callers may hold together (default 100). */
  anonymousTotal?: number;
  /** All open sessions (default 1000). */
  total?: number;
  /** A session with no open request for this long is closed (default 30 min; `--mcp-idle-minutes`). */
  idleMs?: number;
}

export interface SlotRefusal {
  message: string;
  limit: number;
  retryAfterSeconds: number;
}

/** Counts open MCP sessions per owner; a slot is taken before the session exists, so parallel initializes cannot overshoot. */
export function createSessionSlots(limits: McpSessionLimits) {
  const perPrincipal = limits.perPrincipal ?? 20;
  const anonymousTotal = limits.anonymousTotal ?? 100;
  const total = limits.total ?? 1000;
  const idleMs = limits.idleMs ?? 30 * 60_000;
  const byOwner = new Map<string, number>();
  let anonymous = 0;
  let all = 0;
  // A slot frees on DELETE or idle expiry at the latest; say so rather than inviting a hot retry loop.
  const retryAfterSeconds = Math.max(1, Math.min(60, Math.ceil(idleMs / 1000)));

  return {
    idleMs,
    refusal(principal: Principal): SlotRefusal | null {
      if ((byOwner.get(principal.id) ?? 0) >= perPrincipal) return { message: `too many open MCP sessions for this principal (limit ${perPrincipal}); close one with DELETE /mcp`, limit: perPrincipal, retryAfterSeconds };
      if (principal.authSource === 'anonymous' && anonymous >= anonymousTotal) return { message: `too many open anonymous MCP sessions (limit ${anonymousTotal}); authenticate or retry later`, limit: anonymousTotal, retryAfterSeconds };
      if (all >= total) return { message: `too many open MCP sessions (limit ${total}); retry later`, limit: total, retryAfterSeconds };
      return null;
    },
    /** Takes a slot; the returned function frees it (once, however often it is called). */
    take(principal: Principal): () => void {
      const anon = principal.authSource === 'anonymous';
      byOwner.set(principal.id, (byOwner.get(principal.id) ?? 0) + 1);
      if (anon) anonymous += 1;
      all += 1;
      let freed = false;
      return () => {
        if (freed) return;
        freed = true;
        const n = (byOwner.get(principal.id) ?? 1) - 1;
        if (n <= 0) byOwner.delete(principal.id);
        else byOwner.set(principal.id, n);
        if (anon) anonymous -= 1;
        all -= 1;
      };
    },
  };
}
