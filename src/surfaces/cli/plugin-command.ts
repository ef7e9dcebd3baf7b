import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { sha256Hex } from '../../kernel/hash.js';
import { admitPlugin, DEFAULT_OPERATOR_LIMITS, parsePluginArg, PluginRefused } from '../../runtime/plugins/admission.js';
import { keyIdOf, MANIFEST_FILE, publicKeyFromPem, signManifest } from '../../runtime/plugins/manifest.js';
import { pluginFileList } from '../../runtime/plugins/plugin-files.js';
import type { PluginOptions } from '../../tools/plugin-start.js';

/**
 * `zaptrace plugin keygen|sign|verify` (docs/plugins.md, "Signing a plugin"): a publisher makes an
 * Ed25519 key pair, signs a plugin folder's manifest (its `files` are refreshed from the folder
 * first, so the signature pins every file as it is now), and anyone can check a folder the way
 * `serve --plugin` will.
 */
export function registerPluginCommands(program: Command, deps: { out(line: string): void; err(line: string): void }): void {
  const plugin = program.command('plugin').description('Make publisher keys, sign and check plugin manifests (docs/plugins.md)');

  plugin
    .command('keygen')
    .description('Write an Ed25519 publisher key pair: PREFIX.key.pem (private, mode 600) and PREFIX.pub.pem (give this to operators)')
    .requiredOption('--out <prefix>', 'path prefix of the two files')
    .action((opts: { out: string }) => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(`${opts.out}.key.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      writeFileSync(`${opts.out}.pub.pem`, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx' });
      deps.out(JSON.stringify({ ok: true, key_id: keyIdOf(publicKey), private_key: `${opts.out}.key.pem`, public_key: `${opts.out}.pub.pem` }));
    });

  plugin
    .command('sign')
    .description(`Refresh the SHA-256 of every file in DIR into ${MANIFEST_FILE} and sign it with KEY`)
    .argument('<dir>', 'plugin folder holding zaptrace-plugin.json')
    .requiredOption('--key <file>', 'publisher Ed25519 private key (PKCS#8 PEM)')
    .action((dir: string, opts: { key: string }) => {
      const file = join(dir, MANIFEST_FILE);
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const files: Record<string, string> = {};
      for (const rel of pluginFileList(resolve(dir))) files[rel] = sha256Hex(new Uint8Array(readFileSync(join(dir, rel))));
      const signed = signManifest({ ...manifest, files }, readFileSync(opts.key, 'utf8'));
      writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`);
      deps.out(JSON.stringify({ ok: true, manifest: file, files: Object.keys(files).length, key_id: (signed['signature'] as { key_id: string }).key_id }));
    });

  plugin
    .command('verify')
    .description('Check a plugin folder as `serve --plugin` would: signature, trusted key, files, and what it asks against what is admitted')
    .argument('<dir>', 'plugin folder')
    .option('--plugin-trust <file>', 'trusted publisher public key (PEM; repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--admit <words>', 'what the operator admits, as after = in --plugin (e.g. sandbox-write,evidence)', '')
    .action((dir: string, opts: { pluginTrust: string[]; admit: string }) => {
      try {
        const admitted = admitPlugin(parsePluginArg(opts.admit ? `${dir}=${opts.admit}` : dir), {
          trusted: opts.pluginTrust.map((f) => publicKeyFromPem(readFileSync(f, 'utf8'))),
          limits: DEFAULT_OPERATOR_LIMITS,
          workspaceRoot: resolve('.'),
          secretPaths: [],
        });
        deps.out(JSON.stringify({ ok: true, principal: admitted.principal, key_id: admitted.keyId, tools: admitted.manifest.tools.map((t) => `plugin.${admitted.manifest.name}.${t.name} [${t.level}]`) }));
      } catch (err) {
        if (!(err instanceof PluginRefused)) throw err;
        deps.out(JSON.stringify({ ok: false, code: err.code, subject: err.subject, message: err.message }));
        process.exitCode = 1;
      }
    });
}

/** `--plugin` and `--plugin-trust` as compose options; undefined when no plugin is listed. */
export function pluginOptions(dirs: readonly string[], trustFiles: readonly string[], secretPaths: readonly (string | undefined)[]): PluginOptions | undefined {
  if (dirs.length === 0) return undefined;
  return {
    admissions: dirs.map(parsePluginArg),
    trusted: trustFiles.map((f) => publicKeyFromPem(readFileSync(f, 'utf8'))),
    // A PostgreSQL URL is no path a plugin could read.
    secretPaths: secretPaths.filter((p): p is string => p !== undefined && !/^postgres(ql)?:\/\//.test(p)),
  };
}
