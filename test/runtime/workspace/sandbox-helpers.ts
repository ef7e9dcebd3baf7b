import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isZapTraceError, type ZapTraceError } from '../../../src/kernel/errors.js';

export interface Sandbox {
  /** Real path of a fresh temp directory holding `root` (not yet created) and `outside`. */
  base: string;
  root: string;
  outside: string;
  cleanup(): void;
}

export function makeSandbox(): Sandbox {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'zt-ws-')));
  return {
    base,
    root: join(base, 'root'),
    outside: join(base, 'outside'),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/**
 * Describes a directory tree without opening anything but regular files (FIFOs and devices are
 * only lstat'ed): one line per entry with its type and, for files, size and SHA-256.
 */
export function snapshotTree(dir: string): string[] {
  const lines: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const path = join(abs, name);
      const relPath = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(path);
      if (st.isDirectory()) {
        lines.push(`${relPath}/`);
        walk(path, relPath);
      } else if (st.isFile()) {
        const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
        lines.push(`${relPath} file ${st.size} ${sha}`);
      } else {
        lines.push(`${relPath} ${st.isSymbolicLink() ? 'link' : 'special'}`);
      }
    }
  };
  walk(dir, '');
  return lines;
}

/** Every path of the tree whose name marks a workspace temp file or backup. */
export function leftoverTemps(dir: string): string[] {
  return snapshotTree(dir).filter((line) => /(^|\/)\.zt-tmp-/.test(line));
}

/** Awaits a rejection and returns it as a ZapTraceError (fails the test otherwise). */
export async function rejectionOf(promise: Promise<unknown>): Promise<ZapTraceError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a rejection').not.toBeNull();
  if (!isZapTraceError(caught)) throw new Error(`expected ZapTraceError, got ${String(caught)}`);
  return caught;
}

/** No message or detail may carry a host path: neither the sandbox base nor the temp dir. */
export function expectNoHostPath(err: ZapTraceError, sandbox: Sandbox): void {
  const text = `${err.message} ${JSON.stringify(err.details)}`;
  expect(text).not.toContain(sandbox.base);
  expect(text).not.toContain(tmpdir());
}
