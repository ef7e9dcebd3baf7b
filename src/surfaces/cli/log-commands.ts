import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createFileEventStore, LOG_KEY_FILE } from '../../runtime/store/file-store.js';
import { loadOrCreateLogSigner } from '../../runtime/store/log-key.js';
import { parseLog, verifyParsedLog, witnessProblem, type LogVerdict } from '../../runtime/store/verify-log.js';
import { progressBar } from './progress.js';

interface Out {
  out(line: string): void;
}

/** A witness as kept by a client: the head JSON, `{ "head": … }`, or the X-ZapTrace-Log-Head value. */
function readWitness(file: string): unknown {
  const text = readFileSync(file, 'utf8').trim();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  }
  const wrapped = value as { head?: unknown } | null;
  return wrapped && typeof wrapped === 'object' && 'head' in wrapped ? wrapped.head : value;
}

/**
 * `audit verify`: chain and signed heads of a session log (a store file or an export), optionally
 * against a witness; `log-key`: the public key that verifies heads; `store status`: what a store
 * quarantined and repaired. What verify proves and what it cannot: docs/log-integrity.md.
 */
export function registerLogCommands(program: Command, audit: Command, deps: Out): void {
  audit
    .command('verify')
    .description('Check a session log: hash chain, signed heads (--log-pubkey) and, given a witness head, that it was not truncated or rewritten')
    .argument('<file>', 'session log as JSON lines (a store file or GET /api/v1/sessions/{id}/events)')
    .option('--log-pubkey <pem>', 'the server\'s log public key (GET /api/v1/log-key or `zaptrace log-key`)')
    .option('--witness <file>', 'a signed head kept earlier (JSON, or the X-ZapTrace-Log-Head value)')
    .option('--chain-only', 'check the hash chain alone; proves little, since anyone can recompute a chain')
    .action((file: string, opts: { logPubkey?: string; witness?: string; chainOnly?: boolean }) => {
      if (!opts.logPubkey && !opts.chainOnly) {
        throw new Error('give --log-pubkey PEM (a chain alone can be recomputed by anyone) or --chain-only');
      }
      const parsed = parseLog(readFileSync(file));
      const publicKey = opts.logPubkey ? readFileSync(opts.logPubkey, 'utf8') : null;
      const bar = progressBar('verify');
      let verdict: LogVerdict & { signatures: string; witness?: string } = {
        ...verifyParsedLog(parsed, { publicKey, everySignature: true, onProgress: (done, total) => bar.update(done, total, `${done} of ${total} events`) }),
        signatures: publicKey ? 'checked' : 'not checked',
      };
      bar.end();
      if (parsed.torn) verdict = { ...verdict, ok: false, problem: verdict.problem ?? { line: parsed.lineEnds.length + 1, reason: 'the last line is incomplete (no newline): a torn write' } };
      if (verdict.ok && opts.witness) {
        if (!publicKey) throw new Error('--witness needs --log-pubkey');
        const problem = witnessProblem(parsed, readWitness(opts.witness), publicKey);
        verdict = problem ? { ...verdict, ok: false, witness: problem } : { ...verdict, witness: 'consistent' };
      }
      deps.out(JSON.stringify(verdict, null, 2));
      if (!verdict.ok) process.exitCode = 1;
    });

  program
    .command('log-key')
    .description('Print the public key (PEM) that verifies this store\'s signed log heads')
    .option('--store <dir>', 'store directory (env ZAPTRACE_STORE)')
    .option('--log-key <file>', 'the private key file, when not in the store directory (env ZAPTRACE_LOG_KEY)')
    .action((opts: { store?: string; logKey?: string }) => {
      const keyFile = opts.logKey ?? process.env['ZAPTRACE_LOG_KEY'];
      const storeDir = opts.store ?? process.env['ZAPTRACE_STORE'];
      if (!keyFile && !storeDir) throw new Error('give --store DIR or --log-key FILE');
      if (!keyFile && !existsSync(storeDir!)) throw new Error('no store directory there: start `zaptrace serve --store DIR` first, or give --log-key FILE');
      deps.out(loadOrCreateLogSigner(resolve(keyFile ?? join(storeDir!, LOG_KEY_FILE))).publicKeyPem.trimEnd());
    });

  program
    .command('store')
    .description('Store maintenance')
    .command('status')
    .description('Verify every session file (read-only, without the writer lock) and list quarantined sessions and tail repairs')
    .requiredOption('--store <dir>', 'store directory')
    .option('--log-key <file>', 'the private key file, when not in the store directory')
    .action((opts: { store: string; logKey?: string }) => {
      const store = createFileEventStore(resolve(opts.store), { readOnly: true, ...(opts.logKey ? { logKeyFile: resolve(opts.logKey) } : {}) });
      deps.out(JSON.stringify(store.status(), null, 2));
      if (store.status().quarantined.length > 0) process.exitCode = 1;
    });
}
