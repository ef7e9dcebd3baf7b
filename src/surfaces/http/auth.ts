import { createPublicKey, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { ZapTraceError } from '../../kernel/errors.js';
import { isLevel, parseGrant, type Level } from '../../runtime/capability.js';
import type { Principal } from '../../runtime/principal.js';

/**
 * HTTP principals (contract.md, "Sessions and principals"):
 * - `Authorization: Bearer <JWT>` signed with Ed25519 (EdDSA) by the operator's key: principal
 *   `token:<sub>`, capability from the `cap` claim. Grants never come from unsigned headers...
 * - ...except in the explicit loopback development mode, where the principal is `dev:<actor>` from
 *   `X-ZapTrace-Actor` (`dev:loopback` without one), so a team sharing one dev server gets one
 *   rate-limit bucket and its own sessions per person, and takes its capability from
 *   `X-ZapTrace-Capabilities`.
 * - Anything else is anonymous and read-only, keyed by the socket address (not by a header).
 */
export interface HttpAuthConfig {
  devCapabilityHeaders: boolean;
  /** Ed25519 public key (PEM or JWK object) that verifies grant tokens; absent = tokens refused. */
  grantPublicKey?: KeyObject | undefined;
  /** Longest lifetime a grant token may claim (`--max-token-ttl`); default DEFAULT_MAX_TOKEN_TTL_SECONDS. */
  maxTokenTtlSeconds?: number | undefined;
}

/** 24 h: a stolen token is useful for a bounded time (contract.md, "Sessions and principals"). */
export const DEFAULT_MAX_TOKEN_TTL_SECONDS = 86_400;

/**
 * A token may not live longer than the server allows: measured from its `iat` and, so that a
 * future-dated `iat` buys nothing, from now as well (RFC 7519 §4.1.4, §4.1.6).
 */
function lifetimeAllowed(exp: number, iat: number | undefined, maxSeconds: number): boolean {
  const now = Math.floor(Date.now() / 1000);
  return exp - now <= maxSeconds && (iat === undefined || exp - iat <= maxSeconds);
}

export const TOKEN_ISSUER = 'zaptrace';
export const TOKEN_AUDIENCE = 'zaptrace-runtime';

export function loadGrantKey(pem: string | undefined): KeyObject | undefined {
  if (!pem) return undefined;
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('grant key must be an Ed25519 public key');
  return key;
}

export interface HeaderSource {
  header(name: string): string | undefined;
  remoteAddress: string;
}

export async function authenticate(config: HttpAuthConfig, req: HeaderSource): Promise<Principal> {
  const authz = req.header('authorization');
  if (authz !== undefined) {
    const m = /^Bearer\s+([A-Za-z0-9._-]{10,4096})$/.exec(authz.trim());
    if (!m || !config.grantPublicKey) throw new ZapTraceError('AUTH_REQUIRED', 'unusable credentials: send a grant token signed by this server\'s grant key', {});
    try {
      const { payload } = await jwtVerify(m[1]!, config.grantPublicKey, {
        algorithms: ['EdDSA'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
      });
      const cap: unknown = payload['cap'];
      const sub = String(payload.sub);
      if (!isLevel(cap) || !/^[A-Za-z0-9@._:-]{1,100}$/.test(sub)) throw new Error('bad claims');
      const exp = payload.exp!;
      if (!lifetimeAllowed(exp, payload.iat, config.maxTokenTtlSeconds ?? DEFAULT_MAX_TOKEN_TTL_SECONDS)) throw new Error('lifetime over the maximum');
      return { id: `token:${sub}`, authSource: 'grant-token', grant: cap as Level, audit: payload['audit'] === true, expiresAt: exp };
    } catch {
      throw new ZapTraceError('AUTH_REQUIRED', 'grant token rejected (signature, issuer, audience, expiry, lifetime or claims)', {});
    }
  }
  if (config.devCapabilityHeaders) {
    return { id: devPrincipalId(req.header('x-zaptrace-actor')), authSource: 'dev-header', grant: parseGrant(req.header('x-zaptrace-capabilities')) };
  }
  return { id: `anon:${req.remoteAddress}`, authSource: 'anonymous', grant: null };
}

/** `dev:<actor>` with the actor reduced to a safe id (letters, digits, `._@-`, at most 64); `dev:loopback` when none is given. */
export function devPrincipalId(actor: string | undefined): string {
  const safe = (actor ?? '').trim().replace(/[^A-Za-z0-9._@-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64);
  return `dev:${safe === '' ? 'loopback' : safe}`;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}
