import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { sha256Hex } from '../../kernel/hash.js';
import { levelRank, type Level } from '../capability.js';
import { pluginFileList } from './plugin-files.js';
import { MANIFEST_FILE, PLUGIN_LEVELS, PluginManifestBody, PluginSignature, keyIdOf, verifyManifestSignature } from './manifest.js';

/**
 * Deny-by-default admission of plugins (contract.md, "What no tool does"; docs/plugins.md,
 * "Admitting a plugin"). The operator names each plugin folder with the most it may do
 * (`--plugin DIR[=LEVEL[,evidence][,workspace]]`, level read unless given) and the publisher keys it
 * trusts (`--plugin-trust KEY.pem`). A plugin is refused, with one reason code, when it is unsigned,
 * signed by a key nobody trusts, its signature fails, a file differs from or is missing in its
 * manifest, or it asks more than the operator admitted.
 */
export type PluginLevel = (typeof PLUGIN_LEVELS)[number];

export interface PluginAdmission {
  /** The plugin folder, as the operator gave it (shown in messages; the operator's own path). */
  dir: string;
  maxLevel: PluginLevel;
  /** Its checks may count as release evidence (when its manifest says so too). */
  evidence: boolean;
  /** It may read the workspace (read-only), when its manifest asks. */
  workspace: boolean;
}

/** Operator ceilings on what a manifest may ask for its limits. */
export interface OperatorLimits {
  callSeconds: number;
  memoryMb: number;
  outputKb: number;
}
export const DEFAULT_OPERATOR_LIMITS: OperatorLimits = { callSeconds: 60, memoryMb: 512, outputKb: 4096 };

export type PluginRefusalCode =
  | 'PLUGIN_MANIFEST_INVALID'
  | 'PLUGIN_UNSIGNED'
  | 'PLUGIN_UNTRUSTED_KEY'
  | 'PLUGIN_BAD_SIGNATURE'
  | 'PLUGIN_FILE_CHANGED'
  | 'PLUGIN_OVER_ADMITTED'
  | 'PLUGIN_NETWORK_REFUSED'
  | 'PLUGIN_DUPLICATE';

export class PluginRefused extends Error {
  constructor(
    readonly code: PluginRefusalCode,
    /** `plugin:<name>@<version>` when the manifest said so, else `plugin-dir:<folder name>`. */
    readonly subject: string,
    message: string,
  ) {
    super(message);
    this.name = 'PluginRefused';
  }
}

export interface AdmittedPlugin {
  /** Real path of the plugin folder. */
  root: string;
  manifest: PluginManifestBody;
  /** The plugin's own principal in audit and security records. */
  principal: string;
  keyId: string;
  admission: PluginAdmission;
}

const MAX_BYTES = 64 * 1024 * 1024;

/** Parses `DIR[=LEVEL[,evidence][,workspace]]`. */
export function parsePluginArg(text: string): PluginAdmission {
  const eq = text.lastIndexOf('=');
  const dir = eq > 0 ? text.slice(0, eq) : text;
  const extras = eq > 0 ? text.slice(eq + 1).split(',').map((s) => s.trim()).filter(Boolean) : [];
  let maxLevel: PluginLevel = 'read';
  let evidence = false;
  let workspace = false;
  for (const word of extras) {
    if ((PLUGIN_LEVELS as readonly string[]).includes(word)) maxLevel = word as PluginLevel;
    else if (word === 'evidence') evidence = true;
    else if (word === 'workspace') workspace = true;
    else throw new Error(`--plugin ${text}: unknown admission "${word}" (give ${PLUGIN_LEVELS.join('|')}, evidence, workspace)`);
  }
  if (dir === '') throw new Error('--plugin needs a folder');
  return { dir, maxLevel, evidence, workspace };
}

/**
 * The folder holds exactly the manifest's files with their SHA-256 (an extra file could be imported
 * by the entry script, so unlisted files refuse the plugin too). Run at admission and again before
 * every start of the process.
 */
export function verifyPluginFiles(root: string, files: Record<string, string>, subject: string): void {
  const refuse = (why: string): never => {
    throw new PluginRefused('PLUGIN_FILE_CHANGED', subject, why);
  };
  const present = pluginFileList(root, refuse);
  const listed = new Set(Object.keys(files));
  for (const f of present) if (!listed.has(f)) refuse(`${f} is not listed in the signed manifest`);
  let total = 0;
  for (const [file, expected] of Object.entries(files)) {
    let data: Buffer;
    try {
      if (!lstatSync(join(root, file)).isFile()) refuse(`${file} is not a regular file`);
      data = readFileSync(join(root, file));
    } catch (err) {
      if (err instanceof PluginRefused) throw err;
      return refuse(`${file} is missing`);
    }
    total += data.byteLength;
    if (total > MAX_BYTES) refuse(`files larger than ${MAX_BYTES / 1024 / 1024} MiB in total`);
    const actual = sha256Hex(new Uint8Array(data));
    if (actual !== expected) refuse(`${file} changed since it was signed (SHA-256 ${actual.slice(0, 12)}…, manifest ${expected.slice(0, 12)}…)`);
  }
}

const inside = (parent: string, child: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

export interface AdmitContext {
  trusted: readonly KeyObject[];
  limits: OperatorLimits;
  /** Real path of the workspace root (a plugin may be granted read access to it). */
  workspaceRoot: string;
  /** Paths a plugin must never be able to read: the store, log and grant keys. */
  secretPaths: readonly string[];
}

export function admitPlugin(admission: PluginAdmission, ctx: AdmitContext): AdmittedPlugin {
  const dirSubject = `plugin-dir:${admission.dir.split(/[\\/]/).filter(Boolean).pop() ?? admission.dir}`.slice(0, 120);
  let root: string;
  let raw: unknown;
  try {
    root = realpathSync(admission.dir);
    raw = JSON.parse(readFileSync(join(root, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new PluginRefused('PLUGIN_MANIFEST_INVALID', dirSubject, `no readable ${MANIFEST_FILE} (JSON) in the plugin folder`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PluginRefused('PLUGIN_MANIFEST_INVALID', dirSubject, `${MANIFEST_FILE} is not a JSON object`);
  const record = raw as Record<string, unknown>;
  const named = typeof record['name'] === 'string' && typeof record['version'] === 'string' ? `plugin:${record['name']}@${record['version']}`.slice(0, 120) : dirSubject;

  // Trust first: nothing an unsigned or unknown publisher wrote is interpreted further.
  if (record['signature'] === undefined) throw new PluginRefused('PLUGIN_UNSIGNED', named, 'the manifest is not signed (run `zaptrace plugin sign DIR --key KEY.pem`)');
  const sig = PluginSignature.safeParse(record['signature']);
  if (!sig.success) throw new PluginRefused('PLUGIN_BAD_SIGNATURE', named, 'the manifest signature is malformed');
  const key = ctx.trusted.find((k) => keyIdOf(k) === sig.data.key_id);
  if (!key) throw new PluginRefused('PLUGIN_UNTRUSTED_KEY', named, `signed by key ${sig.data.key_id.slice(0, 16)}…, which no --plugin-trust key matches`);
  if (!verifyManifestSignature(record, sig.data, key)) throw new PluginRefused('PLUGIN_BAD_SIGNATURE', named, 'the manifest signature does not verify (the manifest changed after signing)');

  const { signature: _sig, ...body } = record;
  const parsed = PluginManifestBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PluginRefused('PLUGIN_MANIFEST_INVALID', named, `manifest field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const manifest = parsed.data;
  const subject = `plugin:${manifest.name}@${manifest.version}`;
  const entry = manifest.args[0]!;
  if (!Object.hasOwn(manifest.files, entry)) throw new PluginRefused('PLUGIN_MANIFEST_INVALID', subject, `the entry script ${entry} is not one of the manifest's files`);
  const names = new Set<string>();
  for (const t of manifest.tools) {
    if (names.has(t.name)) throw new PluginRefused('PLUGIN_MANIFEST_INVALID', subject, `tool ${t.name} is listed twice`);
    names.add(t.name);
  }

  verifyPluginFiles(root, manifest.files, subject);

  // Asking more than admitted refuses the whole plugin: a quietly trimmed plugin would fail later, less clearly.
  const over = (why: string): never => {
    throw new PluginRefused('PLUGIN_OVER_ADMITTED', subject, why);
  };
  for (const t of manifest.tools) {
    if (levelRank(t.level as Level) > levelRank(admission.maxLevel)) over(`tool ${t.name} asks ${t.level}, the operator admitted at most ${admission.maxLevel} (--plugin DIR=${t.level})`);
  }
  if (manifest.network.hosts.length > 0) {
    throw new PluginRefused('PLUGIN_NETWORK_REFUSED', subject, `asks network access (${manifest.network.hosts.slice(0, 3).join(', ')}); this runtime cannot confine a plugin's network, so it admits none`);
  }
  if (manifest.filesystem.workspace === 'read' && !admission.workspace) over('asks to read the workspace, which the operator did not admit (--plugin DIR=LEVEL,workspace)');
  if (manifest.limits.call_seconds > ctx.limits.callSeconds) over(`asks ${manifest.limits.call_seconds} s per call, over the operator's ${ctx.limits.callSeconds} s`);
  if (manifest.limits.memory_mb > ctx.limits.memoryMb) over(`asks ${manifest.limits.memory_mb} MB of memory, over the operator's ${ctx.limits.memoryMb} MB`);
  if (manifest.limits.output_kb > ctx.limits.outputKb) over(`asks ${manifest.limits.output_kb} KB of output, over the operator's ${ctx.limits.outputKb} KB`);

  // What it may read must not hold the runtime's keys or store.
  const readable = [root, ...(manifest.filesystem.workspace === 'read' ? [ctx.workspaceRoot] : [])];
  for (const secret of ctx.secretPaths) {
    if (readable.some((r) => inside(r, secret))) over('a folder it may read holds the runtime\'s store or keys; move them out of the plugin folder and the workspace');
  }
  return { root, manifest, principal: subject, keyId: sig.data.key_id, admission };
}

/** Admits every listed plugin or refuses start-up at the first refusal; names must be unique. */
export function admitPlugins(admissions: readonly PluginAdmission[], ctx: AdmitContext): AdmittedPlugin[] {
  const out: AdmittedPlugin[] = [];
  for (const a of admissions) {
    const p = admitPlugin(a, ctx);
    if (out.some((o) => o.manifest.name === p.manifest.name)) throw new PluginRefused('PLUGIN_DUPLICATE', p.principal, `a plugin named ${p.manifest.name} is already admitted`);
    out.push(p);
  }
  return out;
}
