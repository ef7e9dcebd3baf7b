import { generateKeyPairSync } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { parsePluginArg } from '../../src/runtime/plugins/admission.js';
import { MANIFEST_FILE, publicKeyFromPem, signManifest } from '../../src/runtime/plugins/manifest.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { tempDir } from '../helpers/harness.js';

/** The example plugin, the hostile fixtures and the committed TEST key (examples/plugins/test-keys/README.md). */
export const PLUGINS = resolve(process.cwd(), 'examples/plugins');
export const FAB_DFM = join(PLUGINS, 'fab-dfm');
export const hostile = (name: string) => join(PLUGINS, 'hostile', name);
export const TEST_KEY = join(PLUGINS, 'test-keys/TEST-ONLY-publisher.key.pem');
export const TEST_PUB = join(PLUGINS, 'test-keys/TEST-ONLY-publisher.pub.pem');
export const trustedTestKey = () => publicKeyFromPem(readFileSync(TEST_PUB, 'utf8'));

/** A runtime admitting `--plugin` arguments (DIR[=LEVEL,...]) with the test key trusted. */
export async function runtimeWithPlugins(args: string[], opts: { securityLogFile?: string; secretPaths?: string[] } = {}): Promise<{ runtime: Runtime; workspaceDir: string }> {
  const workspaceDir = tempDir('zt-ws-');
  const runtime = await composeRuntime({
    workspaceDir,
    clock: steppingClock(),
    ...(opts.securityLogFile ? { securityLogFile: opts.securityLogFile } : {}),
    plugins: { admissions: args.map(parsePluginArg), trusted: [trustedTestKey()], ...(opts.secretPaths ? { secretPaths: opts.secretPaths } : {}) },
  });
  return { runtime, workspaceDir };
}

/** A copy of a plugin folder in a temp dir, so a test may change it. */
export function copyPlugin(dir: string): string {
  const to = join(tempDir('zt-plugin-'), 'plugin');
  cpSync(dir, to, { recursive: true });
  return to;
}

/** Rewrites a copied plugin's manifest and signs it again with the test key (keeps the pinned file hashes). */
export function resign(dir: string, change: (manifest: Record<string, any>) => void): void {
  const file = join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  change(manifest);
  writeFileSync(file, JSON.stringify(signManifest(manifest, readFileSync(TEST_KEY, 'utf8')), null, 2));
}

/**
 * The example plugin turned into one of the admission fixtures, in a temp dir: renamed to `kind`
 * (so its principal is `plugin:<kind>@1.0.0`), then left unsigned, signed by a fresh key nobody
 * trusts, or signed with the TEST key and its verdict line changed afterwards.
 */
export function fabDfmVariant(kind: 'unsigned' | 'unknown-key' | 'tampered'): string {
  const dir = copyPlugin(FAB_DFM);
  const rename = (m: Record<string, any>) => {
    m.name = kind;
  };
  if (kind === 'unsigned') {
    editManifest(dir, (m) => {
      rename(m);
      delete m.signature;
    });
  } else if (kind === 'unknown-key') {
    const untrusted = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    editManifest(dir, (m) => Object.assign(m, signManifest({ ...m, name: kind }, untrusted)));
  } else {
    resign(dir, rename);
    const file = join(dir, 'dfm.mjs');
    const code = readFileSync(file, 'utf8');
    const verdict = "passed: !findings.some((f) => f.severity === 'error')";
    if (!code.includes(verdict)) throw new Error('dfm.mjs no longer has the verdict line this fixture changes');
    writeFileSync(file, code.replace(verdict, 'passed: true')); // every board passes
  }
  return dir;
}

/** Rewrites a manifest without signing it again. */
export function editManifest(dir: string, change: (manifest: Record<string, any>) => void): void {
  const file = join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** A small design text: a bare two-layer board (enough for the hostile fixtures, which ignore it). */
export const SMALL_DESIGN = JSON.stringify({ meta: { name: 'small' }, board: { width_mm: 30, height_mm: 20, layers: 2 }, components: {}, nets: {} });

/** Pids of this process's children running `<folder>/server.mjs` (Linux /proc; proc(5)). */
export function pluginPids(folder: string): number[] {
  return pluginPidsOf(process.pid, folder);
}

/** Pids of `parent`'s children running `<folder>/server.mjs`. */
export function pluginPidsOf(parent: number, folder: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === parent && cmd.some((a) => a.endsWith(`/${folder}/server.mjs`))) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
