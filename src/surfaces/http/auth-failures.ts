import { ZapTraceError } from '../../kernel/errors.js';
import { markDenialRecorded } from '../../runtime/security-log.js';
import { createRateLimiter, type RateLimitConfig } from './rate-limit.js';

/**
 * Failed authentications per socket address: a quiet client may mistype a token a few times, a flood of
 * forged tokens is answered 429 after the burst. Each forged token still costs one signature check, but
 * never a durable security record each: the first refusal of a flood is recorded, the rest of that flood
 * are not, until the address is under the limit again (contract.md, "Always answering": no caller can
 * stall another; test/security/auth-flood.test.ts).
 */
export const DEFAULT_AUTH_FAILURE_LIMIT: RateLimitConfig = { ratePerSecond: 5, burst: 30 };

export interface AuthFailureGuard {
  /** The error to answer a failed authentication from `address` with (the original, or RATE_LIMITED). */
  refuse(address: string, err: unknown): unknown;
}

export function createAuthFailureGuard(config: RateLimitConfig = DEFAULT_AUTH_FAILURE_LIMIT): AuthFailureGuard {
  const limiter = createRateLimiter(config);
  const flooding = new Set<string>();
  return {
    refuse(address, err) {
      if (!(err instanceof ZapTraceError) || err.code !== 'AUTH_REQUIRED') return err;
      const decision = limiter.take(address);
      if (decision.allowed) {
        flooding.delete(address);
        return err;
      }
      const limited = new ZapTraceError('RATE_LIMITED', 'too many failed authentications from this address; slow down', { retry_after_seconds: decision.retryAfterSeconds });
      if (flooding.has(address)) markDenialRecorded(limited);
      else {
        if (flooding.size > 100_000) flooding.clear();
        flooding.add(address);
      }
      return limited;
    },
  };
}
