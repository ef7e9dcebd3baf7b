/**
 * Per-principal token bucket (429 RATE_LIMITED). Keyed on the authenticated principal, or the socket
 * address for anonymous callers — never on a header a client can vary (in the loopback development
 * mode the actor header names the principal, see auth.ts; that mode has no authority to protect).
 */
export interface RateLimitConfig {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: the requests a quiet principal may send at once. */
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole requests left in the bucket after this one. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until one request is allowed again (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  readonly config: RateLimitConfig;
  take(key: string): RateDecision;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { ratePerSecond: 100, burst: 400 };

export function createRateLimiter(options: RateLimitConfig & { now?: () => number }): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const { ratePerSecond: rate, burst } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    config: { ratePerSecond: rate, burst },
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
      if (buckets.size > 100_000) buckets.clear();
      buckets.set(key, b);
      const allowed = b.tokens >= 1;
      if (allowed) b.tokens -= 1;
      return {
        allowed,
        remaining: Math.floor(b.tokens),
        resetSeconds: Math.ceil((burst - b.tokens) / rate),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / rate)),
      };
    },
  };
}

/**
 * `--rate-limit RATE[/BURST]`: requests per second and bucket size, e.g. `100/400` or `20` (burst
 * then 4 × rate, as the default 100/400). Returns null for anything else.
 */
export function parseRateLimit(text: string): RateLimitConfig | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const ratePerSecond = Number(m[1]);
  const burst = m[2] !== undefined ? Number(m[2]) : Math.max(1, Math.ceil(ratePerSecond * 4));
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond) || !Number.isInteger(burst) || burst < 1) return null;
  return { ratePerSecond, burst };
}

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers-10, §3 RateLimit-Policy and §4
 * RateLimit): the policy as quota `q` per window `w` seconds — a full bucket drains in `burst`
 * requests and refills in burst/rate seconds — and the caller's remaining quota `r` and the seconds
 * `t` until it is whole again.
 */
export function rateLimitHeaders(config: RateLimitConfig, decision: RateDecision): Record<string, string> {
  const windowSeconds = Math.max(1, Math.ceil(config.burst / config.ratePerSecond));
  return {
    'RateLimit-Policy': `"default";q=${config.burst};w=${windowSeconds}`,
    RateLimit: `"default";r=${decision.remaining};t=${decision.allowed ? decision.resetSeconds : decision.retryAfterSeconds}`,
  };
}
