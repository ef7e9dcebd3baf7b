import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/surfaces/http/app.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/surfaces/http/auth.js';
import { DEFAULT_AUTH_FAILURE_LIMIT } from '../../src/surfaces/http/auth-failures.js';
import { grantKeys, newRuntime } from '../helpers/harness.js';
import { listenLoopback, rawRequest } from '../helpers/raw-http.js';

const FLOOD = 300;
const FLOOD_SECONDS = 20;

describe('a flood of forged grant tokens', () => {
  it('is answered 429 after a small burst, writes one security record per flood rather than one per token, and never locks out a valid token', async () => {
    const keys = grantKeys();
    const { runtime } = await newRuntime();
    const { app } = createHttpApp(runtime, { devCapabilityHeaders: false, grantPublicKey: createPublicKey(keys.publicPem) });
    const srv = await listenLoopback(app);
    // Well-formed tokens with every claim right, signed by a key the server does not trust.
    const forger = generateKeyPairSync('ed25519').privateKey;
    const forged = await new SignJWT({ cap: 'release-export' }).setProtectedHeader({ alg: 'EdDSA' }).setSubject('mallory').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setIssuedAt().setExpirationTime('1h').sign(forger);
    const post = (token: string) => rawRequest(srv.base, '/api/v1/sessions', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    try {
      const started = performance.now();
      const statuses: number[] = [];
      const valid: number[] = [];
      for (let i = 0; i < FLOOD && performance.now() - started < FLOOD_SECONDS * 1000; i++) {
        const res = await post(forged);
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        // A valid token from the same address keeps working in the middle of the flood.
        if (i % 50 === 25) valid.push((await post(await keys.token('alice', 'preview-write'))).status);
      }
      const elapsedS = (performance.now() - started) / 1000;
      expect(statuses.length).toBe(FLOOD);
      expect(valid.every((s) => s === 201)).toBe(true);
      const allowedFailures = DEFAULT_AUTH_FAILURE_LIMIT.burst + Math.ceil(elapsedS * DEFAULT_AUTH_FAILURE_LIMIT.ratePerSecond);
      const unauthorized = statuses.filter((s) => s === 401).length;
      expect(unauthorized).toBeGreaterThanOrEqual(DEFAULT_AUTH_FAILURE_LIMIT.burst);
      expect(unauthorized).toBeLessThanOrEqual(allowedFailures);
      expect(statuses.filter((s) => s === 429).length).toBe(FLOOD - unauthorized);
      const records = runtime.securityLog.entries().filter((r) => r.principal === 'unauthenticated:127.0.0.1');
      expect(records.filter((r) => r.reason === 'AUTH_REQUIRED')).toHaveLength(unauthorized);
      // Each time the flood resumes after a refill it is recorded again, so a handful at most.
      const limited = records.filter((r) => r.reason === 'RATE_LIMITED').length;
      expect(limited).toBeGreaterThanOrEqual(1);
      expect(limited).toBeLessThanOrEqual(1 + (unauthorized - DEFAULT_AUTH_FAILURE_LIMIT.burst));
    } finally {
      await srv.close();
    }
  });
});
