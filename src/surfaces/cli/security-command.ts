import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseSecurityLines, verifySecurityChain } from '../../runtime/security-log.js';

/** `zaptrace audit verify-security FILE`: recomputes the chain of a security.jsonl and names the first broken link. */
export function registerSecurityVerifyCommand(audit: Command, deps: { out(line: string): void }): void {
  audit
    .command('verify-security')
    .description('Recompute the hash chain of a security record file (security.jsonl in the store directory)')
    .argument('<file>', 'security records as JSON lines')
    .action((file: string) => {
      const { records, badLine } = parseSecurityLines(readFileSync(file, 'utf8'));
      if (badLine !== undefined) {
        deps.out(JSON.stringify({ ok: false, first_broken: { line: badLine, reason: 'line is not JSON' } }));
        process.exitCode = 1;
        return;
      }
      const verdict = verifySecurityChain(records);
      deps.out(JSON.stringify(verdict, null, 2));
      if (!verdict.ok) process.exitCode = 1;
    });
}
