import type { Level } from './capability.js';

/**
 * Who is calling. Authority comes only from how the principal was authenticated (stdio process,
 * signed grant token, the explicit loopback development mode), never from actor/reason headers.
 */
export type AuthSource = 'stdio' | 'grant-token' | 'dev-header' | 'anonymous' | 'config';
export type Surface = 'mcp' | 'rest' | 'cli';

export interface Principal {
  /** Stable identity used for session ownership and rate limits. */
  id: string;
  authSource: AuthSource;
  /** Highest capability held; null = read only. */
  grant: Level | null;
  /** May read the security record (a grant token's `audit: true` claim); absent = no. */
  audit?: boolean;
  /** When the credential that authenticated this principal expires (epoch seconds); streams it opened end then. */
  expiresAt?: number;
}

/** Recorded with each call; `actor`, `reason` and `request_id` are claims, never trusted for authority. */
export interface CallContext {
  principal: Principal;
  surface: Surface;
  actor: string;
  reason: string;
  requestId: string;
  /** Client-chosen key that makes a retried write return the first outcome (REST Idempotency-Key, MCP _meta). */
  idempotencyKey?: string;
  /** Aborts long-running work when the caller goes away. */
  signal?: AbortSignal;
  /** Progress for long operations (MCP progress notifications). */
  onProgress?: (progress: number, total: number | undefined, message: string) => void;
}
