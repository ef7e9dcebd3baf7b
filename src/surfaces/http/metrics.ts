import type { Middleware } from 'koa';

/**
 * Prometheus text exposition (format 0.0.4, https://prometheus.io/docs/instrumenting/exposition_formats/):
 * requests by surface and status, denials by reason code, open MCP sessions. Counts only — no
 * principals, paths or session ids — so the endpoint tells an outsider nothing about who does what.
 */
export interface MetricsSources {
  denials(): Readonly<Record<string, number>>;
  openMcpSessions(): number;
}

export interface HttpMetrics {
  /** Mount first: counts every request, refused ones included. */
  count: Middleware;
  render(sources: MetricsSources): string;
}

const label = (v: string) => v.replace(/[^A-Za-z0-9_./: -]/g, '_');

export function createHttpMetrics(): HttpMetrics {
  const requests = new Map<string, number>();
  return {
    count: async (ctx, next) => {
      try {
        await next();
      } finally {
        const surface = ctx.path === '/mcp' ? 'mcp' : ctx.path.startsWith('/api/') ? 'rest' : 'other';
        const status = ctx.respond === false ? ctx.res.statusCode : ctx.status;
        const key = `surface="${surface}",status="${status}"`;
        requests.set(key, (requests.get(key) ?? 0) + 1);
      }
    },
    render(sources) {
      const lines = ['# HELP zaptrace_http_requests_total HTTP requests answered, by surface and status.', '# TYPE zaptrace_http_requests_total counter'];
      for (const [k, n] of [...requests].sort()) lines.push(`zaptrace_http_requests_total{${k}} ${n}`);
      lines.push('# HELP zaptrace_denials_total Denials, refusals and rejected tokens recorded in the security log, by reason code.', '# TYPE zaptrace_denials_total counter');
      for (const [reason, n] of Object.entries(sources.denials()).sort()) lines.push(`zaptrace_denials_total{reason="${label(reason)}"} ${n}`);
      lines.push('# HELP zaptrace_mcp_sessions_open Open MCP Streamable HTTP sessions.', '# TYPE zaptrace_mcp_sessions_open gauge', `zaptrace_mcp_sessions_open ${sources.openMcpSessions()}`);
      return `${lines.join('\n')}\n`;
    },
  };
}
