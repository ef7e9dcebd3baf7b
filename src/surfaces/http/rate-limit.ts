/**
 * Per-principal token bucket (429 RATE_LIMITED). Keyed on the authenticated principal, or the socket
 * address for anonymous callers — never on a header a client can vary.
 */
export interface RateLimiter {
  take(key: string): boolean;
}

export function createRateLimiter(options: { ratePerSecond: number; burst: number; now?: () => number }): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: options.burst, at: t };
      b.tokens = Math.min(options.burst, b.tokens + ((t - b.at) / 1000) * options.ratePerSecond);
      b.at = t;
      if (buckets.size > 100_000) buckets.clear();
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
