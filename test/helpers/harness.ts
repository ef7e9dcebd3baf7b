import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { composeRuntime } from '../../src/compose.js';
import type { Level } from '../../src/runtime/capability.js';
import type { Principal } from '../../src/runtime/principal.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { createMcpConnection } from '../../src/surfaces/mcp/connection.js';
import { createMcpServer } from '../../src/surfaces/mcp/server.js';
import { createHttpApp } from '../../src/surfaces/http/app.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/surfaces/http/auth.js';
import { steppingClock } from '../../src/kernel/clock.js';

export const CORPUS = resolve(process.cwd(), '../shared/corpus');
export const corpusText = (rel: string) => readFileSync(join(CORPUS, rel), 'utf8');
export const ESP32_YAML = () => corpusText('zaptrace/designs/esp32_i2c_sensor_node.yaml');

export function tempDir(prefix = 'zt-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `allowSelfApproval`: the single-user development opt-out (`--allow-self-approval`), for tests about something else than approval. */
export async function newRuntime(opts: { allowSelfApproval?: boolean } = {}): Promise<{ runtime: Runtime; workspaceDir: string }> {
  const workspaceDir = tempDir('zt-ws-');
  const runtime = await composeRuntime({ workspaceDir, clock: steppingClock(), ...(opts.allowSelfApproval ? { allowSelfApproval: true } : {}) });
  return { runtime, workspaceDir };
}

/** An MCP SDK Client talking to our server over the SDK's in-memory transport. */
export async function mcpClient(runtime: Runtime, principal: Principal): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(runtime, createMcpConnection(runtime, principal));
  await server.connect(serverSide);
  const client = new Client({ name: 'zt-test', version: '1.0.0' });
  await client.connect(clientSide);
  await client.listTools(); // makes the client validate every structured result against the advertised output schemas
  return client;
}

export const localPrincipal = (grant: Level | null, id = 'local:test'): Principal => ({ id, authSource: 'stdio', grant });

/** The structured result of an MCP tool call (ok or error envelope). */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const res = await client.callTool({ name, arguments: args });
  return { isError: res.isError === true, data: res.structuredContent as Record<string, any> };
}

export interface GrantKeys {
  publicPem: string;
  privateKey: KeyObject;
  token(sub: string, cap: Level, opts?: { expSeconds?: number; issuer?: string }): Promise<string>;
}

export function grantKeys(): GrantKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey,
    token: (sub, cap, opts = {}) =>
      new SignJWT({ cap })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject(sub)
        .setIssuer(opts.issuer ?? TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (opts.expSeconds ?? 600))
        .sign(privateKey),
  };
}

export async function httpApp(runtime: Runtime, opts: { dev?: boolean; keys?: GrantKeys; bodyLimitBytes?: number; rateLimit?: { ratePerSecond: number; burst: number } } = {}) {
  const { createPublicKey } = await import('node:crypto');
  return createHttpApp(runtime, {
    devCapabilityHeaders: opts.dev ?? false,
    grantPublicKey: opts.keys ? createPublicKey(opts.keys.publicPem) : undefined,
    ...(opts.bodyLimitBytes !== undefined ? { bodyLimitBytes: opts.bodyLimitBytes } : {}),
    rateLimit: opts.rateLimit ?? { ratePerSecond: 10_000, burst: 10_000 },
  });
}

/** Reads a JSON resource through the MCP client. */
export async function readJsonResource(client: Client, uri: string): Promise<any> {
  const res = await client.readResource({ uri });
  const first = res.contents[0] as { text?: string } | undefined;
  return JSON.parse(first?.text ?? 'null');
}
