// A minimal MCP server over stdio (MCP spec 2025-06-18, "Transports": one JSON-RPC message per line),
// with no dependencies, so the plugin folder holds every file the plugin runs and the signed manifest
// pins them all (docs/plugins.md, "Writing a plugin").
import { createInterface } from 'node:readline';

const PROTOCOL_VERSIONS = ['2025-06-18', '2025-03-26', '2024-11-05'];

/**
 * tools: [{ name, description, inputSchema }]; call(name, args) resolves to a check report or throws.
 */
export function serveTools({ name, version, tools, call }) {
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const reply = (id, result) => send({ jsonrpc: '2.0', id, result });
  const fail = (id, code, message) => send({ jsonrpc: '2.0', id, error: { code, message } });
  const lines = createInterface({ input: process.stdin });
  lines.on('line', async (line) => {
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return fail(null, -32700, 'parse error');
    }
    if (msg.id === undefined) return; // notifications (initialized, cancelled) need no answer
    switch (msg.method) {
      case 'initialize': {
        const asked = msg.params?.protocolVersion;
        return reply(msg.id, { protocolVersion: PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[0], capabilities: { tools: {} }, serverInfo: { name, version } });
      }
      case 'ping':
        return reply(msg.id, {});
      case 'tools/list':
        return reply(msg.id, { tools });
      case 'tools/call': {
        try {
          const result = await call(msg.params?.name, msg.params?.arguments ?? {});
          if (result === undefined) return; // a tool that never answers (hostile fixtures)
          return reply(msg.id, { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result });
        } catch (err) {
          return reply(msg.id, { isError: true, content: [{ type: 'text', text: err instanceof Error ? err.message : String(err) }] });
        }
      }
      default:
        return fail(msg.id, -32601, `unknown method ${msg.method}`);
    }
  });
  lines.on('close', () => process.exit(0));
}
