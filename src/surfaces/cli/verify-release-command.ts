import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { verifyBundle } from '../../runtime/release-bundle.js';

/**
 * `zaptrace verify-release DIR [--log-pubkey PEM]`: checks a release directory against its signed
 * manifest (runtime/release-bundle.ts). Exit 0 only when the signature verifies and every listed
 * file is present with its SHA-256 and size; otherwise exit 1 and a report naming each problem.
 */
export function registerVerifyReleaseCommand(program: Command, deps: { out(line: string): void }): void {
  program
    .command('verify-release')
    .description('Check a release export directory against manifest.json and its Ed25519 signature (manifest.sig)')
    .argument('<dir>', 'directory a release export wrote (the output_dir inside the workspace)')
    .option('--log-pubkey <file>', "the server's log public key (PEM, from `zaptrace log-key`); without it only the key embedded in manifest.sig is used")
    .action((dir: string, opts: { logPubkey?: string }) => {
      const readFile = (name: string): Uint8Array | null => {
        try {
          const path = join(dir, name);
          if (!statSync(path).isFile()) return null;
          return new Uint8Array(readFileSync(path));
        } catch {
          return null;
        }
      };
      const report = verifyBundle(readFile, opts.logPubkey !== undefined ? { publicKeyPem: readFileSync(opts.logPubkey, 'utf8') } : {});
      deps.out(JSON.stringify(report, null, 2));
      if (!report.ok) process.exitCode = 1;
    });
}
