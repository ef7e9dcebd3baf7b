import type { LoggingLevel, ServerNotification } from '@modelcontextprotocol/sdk/types.js';

/** RFC 5424 severities in MCP's order (MCP spec, "Logging"). */
const SEVERITY: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** Above every severity: nothing is sent. */
const SILENT = SEVERITY.length;

type Send = (n: ServerNotification) => Promise<void>;

/**
 * MCP log messages of one connection. Nothing is sent until the client calls logging/setLevel
 * (MCP spec, "Logging": the client sets the minimum level; a server MAY send log messages): every
 * message costs a client a schema parse of each incoming message, and a caller that never asked for
 * them should not pay that on every tool call (docs/design-hash.md, "Command rates"). From then on the
 * client gets that level and above. Messages go through the request's own sendNotification, so on
 * Streamable HTTP they travel on that request's stream.
 */
export function createClientLog() {
  let threshold = SILENT;
  const enabled = (level: LoggingLevel) => SEVERITY.indexOf(level) >= threshold;
  return {
    setLevel(level: LoggingLevel) {
      threshold = SEVERITY.indexOf(level);
    },
    /** Whether a message at `level` would be sent: callers skip building one that would not. */
    enabled,
    emit(send: Send, level: LoggingLevel, data: Record<string, unknown>) {
      if (!enabled(level)) return;
      void send({ method: 'notifications/message', params: { level, logger: 'zaptrace', data } }).catch(() => undefined);
    },
  };
}

export type ClientLog = ReturnType<typeof createClientLog>;
