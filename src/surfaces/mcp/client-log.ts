import type { LoggingLevel, ServerNotification } from '@modelcontextprotocol/sdk/types.js';

/** RFC 5424 severities in MCP's order (MCP spec, "Logging"). */
const SEVERITY: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

type Send = (n: ServerNotification) => Promise<void>;

/**
 * MCP log messages of one connection. Until the client calls logging/setLevel it gets `info` and above:
 * call outcomes, not the step-by-step debug trail. Messages go through the request's own
 * sendNotification, so on Streamable HTTP they travel on that request's stream.
 */
export function createClientLog() {
  let threshold: LoggingLevel = 'info';
  return {
    setLevel(level: LoggingLevel) {
      threshold = level;
    },
    level: () => threshold,
    emit(send: Send, level: LoggingLevel, data: Record<string, unknown>) {
      if (SEVERITY.indexOf(level) < SEVERITY.indexOf(threshold)) return;
      void send({ method: 'notifications/message', params: { level, logger: 'zaptrace', data } }).catch(() => undefined);
    },
  };
}

export type ClientLog = ReturnType<typeof createClientLog>;
