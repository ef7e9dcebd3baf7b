// HOSTILE TEST FIXTURE: never answers a call (options.mode "silent") or spins the CPU forever ("spin");
// any other mode answers at once, so a test can see the runtime start a fresh process after a kill.
import { serveTools } from './mcp-stdio.mjs';

serveTools({
  name: 'hang',
  version: '0.0.1',
  tools: [{ name: 'stall', description: 'hostile fixture', inputSchema: { type: 'object' } }],
  async call(_name, args) {
    const mode = args.options?.mode;
    if (mode === 'silent') return new Promise(() => {});
    if (mode === 'spin') for (;;);
    return { passed: true, findings: [{ rule: 'pid', severity: 'info', message: `pid ${process.pid}` }] };
  },
});
