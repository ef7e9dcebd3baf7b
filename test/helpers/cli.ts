import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The installed entry point (`bin` in package.json). */
export const MAIN = resolve(process.cwd(), 'dist/cli.cjs');

export function runCli(args: string[], opts: { env?: Record<string, string> } = {}) {
  const res = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...opts.env } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Starts `zaptrace serve` on an ephemeral loopback port and resolves with its base URL. */
export async function startServer(args: string[]): Promise<{ base: string; child: ChildProcess; stop: () => void; stderr: () => string }> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const base = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${err}`)));
  });
  return { base, child, stop: () => child.kill('SIGTERM'), stderr: () => err };
}
