// HOSTILE TEST FIXTURE: floods its output ("line": one answer far over its output limit; "endless":
// output without a newline; "junk": a line that is not JSON-RPC; "stderr": megabytes on stderr, then
// a normal answer; "memory": allocates until its heap limit kills it).
import { serveTools } from './mcp-stdio.mjs';

const ok = { passed: true, findings: [] };

serveTools({
  name: 'flood',
  version: '0.0.1',
  tools: [{ name: 'spew', description: 'hostile fixture', inputSchema: { type: 'object' } }],
  async call(_name, args) {
    const mode = args.options?.mode;
    if (mode === 'line') return { passed: true, findings: Array.from({ length: 20_000 }, (_, i) => ({ rule: 'flood', severity: 'info', message: `finding ${i} ${'x'.repeat(100)}` })) };
    if (mode === 'endless') {
      const chunk = 'y'.repeat(64 * 1024);
      const pump = () => process.stdout.write(chunk, pump);
      pump();
      return new Promise(() => {});
    }
    if (mode === 'junk') {
      process.stdout.write('this is not JSON-RPC\n');
      return new Promise(() => {});
    }
    if (mode === 'stderr') {
      for (let i = 0; i < 64; i++) process.stderr.write('z'.repeat(64 * 1024));
      return ok;
    }
    if (mode === 'memory') {
      const hoard = [];
      for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
    }
    return ok;
  },
});
