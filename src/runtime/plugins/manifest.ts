import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../kernel/canonical-json.js';
import { sha256Hex } from '../../kernel/hash.js';
import { LEVELS } from '../capability.js';

/**
 * The plugin manifest `zaptrace-plugin.json` (docs/plugins.md, "The manifest"): what a plugin is,
 * what it runs (each file pinned by SHA-256), what its tools may do and what it may touch. The
 * publisher signs the RFC 8785 canonical form of everything but `signature` with Ed25519; the
 * operator trusts publisher keys, never manifests.
 */
export const MANIFEST_FILE = 'zaptrace-plugin.json';
export const MANIFEST_SCHEMA = 'zaptrace-plugin/1';

/** Plugin tools may ask at most sandbox-write: approving and releasing stay with people (contract.md, "Approvals are human"). */
export const PLUGIN_LEVELS = ['read', 'preview-write', 'sandbox-write'] as const satisfies readonly (typeof LEVELS)[number][];

const Name = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens, starting with a letter');
const ToolName = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'lower-case letters, digits and underscores, starting with a letter');
const RelFile = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+$/, 'a relative path inside the plugin folder, without . or .. parts');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

export const PluginToolSpec = z
  .object({
    name: ToolName,
    title: z.string().min(1).max(80),
    description: z.string().min(1).max(400),
    /** The capability a caller needs; never above what the operator admitted. */
    level: z.enum(PLUGIN_LEVELS),
    /** design-check: gets the named design, returns findings; recorded bound to the design-state hash unless level is read. */
    kind: z.literal('design-check'),
    /** May count as release evidence, if the operator also admits the plugin as evidence. */
    evidence: z.boolean().default(false),
  })
  .strict();

export const PluginLimits = z
  .object({
    call_seconds: z.number().positive().max(600).default(10),
    memory_mb: z.number().int().min(16).max(4096).default(128),
    output_kb: z.number().int().min(1).max(16_384).default(1024),
  })
  .strict();

export const PluginManifestBody = z
  .object({
    schema: z.literal(MANIFEST_SCHEMA),
    name: Name,
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'semantic version, e.g. 1.0.0'),
    description: z.string().max(400).default(''),
    /** Only Node programs can be contained with a file-system sandbox here (Node's permission model). */
    command: z.literal('node'),
    /** The entry script first, then its own arguments; the entry must be one of `files`. */
    args: z.array(z.string().max(200)).min(1).max(20),
    files: z.record(RelFile, Sha256).refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= 500, 'between 1 and 500 files'),
    tools: z.array(PluginToolSpec).min(1).max(50),
    filesystem: z
      .object({ workspace: z.enum(['none', 'read']).default('none'), scratch: z.boolean().default(false) })
      .strict()
      .default({ workspace: 'none', scratch: false }),
    network: z.object({ hosts: z.array(z.string().max(253)).max(50).default([]) }).strict().default({ hosts: [] }),
    limits: PluginLimits.default({ call_seconds: 10, memory_mb: 128, output_kb: 1024 }),
  })
  .strict();

export const PluginSignature = z.object({ alg: z.literal('Ed25519'), key_id: Sha256, value: z.string().min(1).max(200) }).strict();

export type PluginManifestBody = z.infer<typeof PluginManifestBody>;
export type PluginToolSpec = z.infer<typeof PluginToolSpec>;
export type PluginManifest = PluginManifestBody & { signature?: z.infer<typeof PluginSignature> };

/** The bytes the publisher signs: RFC 8785 text of the manifest without its signature. */
export function signedBytes(manifest: Record<string, unknown>): Buffer {
  const { signature: _ignored, ...body } = manifest;
  return Buffer.from(canonicalJson(body), 'utf8');
}

/** A publisher key's id: SHA-256 of its SPKI DER encoding (the same key gives the same id whatever PEM wrapping). */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  return sha256Hex(new Uint8Array(pub.export({ type: 'spki', format: 'der' })));
}

export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('a plugin trust key must be an Ed25519 public key (PEM)');
  return key;
}

/** Signs a manifest body with a publisher's Ed25519 private key (PKCS#8 PEM); returns the manifest with `signature`. */
export function signManifest(manifest: Record<string, unknown>, privateKeyPem: string): Record<string, unknown> {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 private key (PKCS#8 PEM)');
  const { signature: _old, ...body } = manifest;
  const value = sign(null, signedBytes(body), key).toString('base64');
  return { ...body, signature: { alg: 'Ed25519', key_id: keyIdOf(key), value } };
}

export function verifyManifestSignature(manifest: Record<string, unknown>, signature: z.infer<typeof PluginSignature>, key: KeyObject): boolean {
  try {
    return verify(null, signedBytes(manifest), key, Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
}
