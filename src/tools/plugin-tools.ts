import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { textProblem } from '../kernel/text-rules.js';
import { PluginCallFailed, type PluginHost } from '../runtime/plugins/plugin-host.js';
import type { SecurityDenial } from '../runtime/security-log.js';
import type { ToolDefinition } from '../runtime/tool-definition.js';
import type { PluginToolSpec } from '../runtime/plugins/manifest.js';
import { checkInputText } from './text-check.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import type { Services } from './services.js';

/**
 * Admitted plugins' tools in the one registry (docs/plugins.md): `plugin.<name>.<tool>`, the level
 * from the signed manifest (admission already refused anything above what the operator allowed),
 * and the plugin's principal as the audit subject. A plugin is untrusted: it gets the design and
 * the caller's options, never the caller's principal, grant or token; what it returns passes the
 * same checks as a tool input (a strict zod schema, kernel/text-rules.ts on every string) before it
 * is recorded, bound to the design-state hash it evaluated like ERC/DRC evidence.
 */
export const PLUGIN_CHECK_EVENT = 'PluginCheckRecorded';

const Severity = z.enum(['error', 'warning', 'info']);
const Finding = z
  .object({
    rule: z.string().min(1).max(80),
    severity: Severity,
    message: z.string().min(1).max(500),
    refs: z.array(z.string().min(1).max(80)).max(50).optional(),
    measured_mm: z.number().finite().optional(),
    required_mm: z.number().finite().optional(),
  })
  .strict();

/** What a design-check plugin tool must return as structuredContent. */
export const PluginCheckReport = z
  .object({
    passed: z.boolean(),
    findings: z.array(Finding).max(1000),
    ruleset_version: z.string().min(1).max(80).optional(),
  })
  .strict()
  .superRefine(checkInputText)
  .superRefine((r, ctx) => {
    // A plugin cannot pass a design it reports errors on.
    if (r.passed && r.findings.some((f) => f.severity === 'error')) ctx.addIssue({ code: 'custom', message: 'passed is true but an error finding is reported', path: ['passed'] });
  });

const Options = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.union([z.string().max(200), z.number().finite(), z.boolean()]))
  .refine((o) => Object.keys(o).length <= 20, 'at most 20 options')
  .optional()
  .describe("Options passed to the plugin's check as given, e.g. {\"profile\":\"example-fab\"}.");

const Result = looseObject({
  check: z.string(),
  plugin: z.string(),
  design_name: z.string(),
  evaluated_hash: z.string(),
  passed: z.boolean(),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  findings: z.array(z.unknown()),
  evidence: z.boolean(),
  recorded: z.boolean(),
});

export interface PluginToolOptions {
  /** Writes a security record (runtime/security-log.ts); a plugin's misbehaviour is recorded under its own principal. */
  record(denial: SecurityDenial): void;
}

const invalid = (host: PluginHost, why: string, path: string) =>
  new ZapTraceError('PLUGIN_FAILED', `plugin ${host.plugin.principal} returned a result that failed the runtime's checks: ${why}`, { reason: 'PLUGIN_RESULT_INVALID', plugin: host.plugin.principal, path });

/** The plugin's error text only when it is short plain text; otherwise nothing of it reaches the caller. */
function pluginMessage(content: unknown): string | undefined {
  const first = Array.isArray(content) ? (content[0] as { type?: unknown; text?: unknown } | undefined) : undefined;
  if (first?.type !== 'text' || typeof first.text !== 'string') return undefined;
  const text = first.text.slice(0, 200);
  return textProblem(text) === null ? text : undefined;
}

function failureToError(host: PluginHost, err: PluginCallFailed): ZapTraceError {
  const details = { reason: err.code, plugin: host.plugin.principal };
  if (err.code === 'PLUGIN_TIMEOUT') return new ZapTraceError('DEADLINE_EXCEEDED', err.message, details);
  if (err.code === 'PLUGIN_BUSY') return new ZapTraceError('SERVER_BUSY', err.message, { ...details, retry_after_seconds: 1 });
  if (err.code === 'PLUGIN_CANCELLED') return new ZapTraceError('CANCELLED', err.message, details);
  return new ZapTraceError('PLUGIN_FAILED', err.message, details);
}

function pluginTool(host: PluginHost, spec: PluginToolSpec, options: PluginToolOptions): ToolDefinition<unknown, unknown, Services> {
  const { plugin } = host;
  const name = `plugin.${plugin.manifest.name}.${spec.name}`;
  const evidence = spec.evidence && plugin.admission.evidence;
  const tool = sessionTool({
    name,
    title: spec.title,
    description: `${spec.description} Runs plugin ${plugin.principal}${evidence ? '; its pass is release evidence' : ''}.`,
    level: spec.level,
    input: { design_name: DesignName, options: Options },
    output: Result,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const refuse = (err: ZapTraceError): never => {
        options.record({ principal: plugin.principal, surface: ctx.call.surface, tool: name, object: ctx.sessionId ?? '', request_id: ctx.call.requestId, reason: String(err.details['reason'] ?? err.code) });
        throw err;
      };
      let res;
      try {
        res = await host.call(spec.name, { design_name: input.design_name, design: entry.design, design_hash: entry.hash, options: input.options ?? {} }, { timeoutMs: ctx.remainingMs(), ...(ctx.call.signal ? { signal: ctx.call.signal } : {}) });
      } catch (err) {
        if (!(err instanceof PluginCallFailed)) throw err;
        const mapped = failureToError(host, err);
        if (err.code === 'PLUGIN_CANCELLED' || err.code === 'PLUGIN_BUSY') throw mapped;
        return refuse(mapped);
      }
      if (res.isError === true) {
        const message = pluginMessage(res.content);
        throw new ZapTraceError('PLUGIN_FAILED', `plugin ${plugin.principal} reported an error${message ? `: ${message}` : ''}`, { reason: 'PLUGIN_TOOL_ERROR', plugin: plugin.principal });
      }
      const parsed = PluginCheckReport.safeParse(res.structuredContent);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.map(String).join('.') ?? '';
        return refuse(invalid(host, `${path || 'structuredContent'}: ${issue?.message ?? 'not a check report'}`, path));
      }
      const report = parsed.data;
      const count = (s: z.infer<typeof Severity>) => report.findings.filter((f) => f.severity === s).length;
      const data = {
        design_name: input.design_name,
        check: name,
        plugin: plugin.principal,
        publisher_key: plugin.keyId,
        ruleset_version: report.ruleset_version ?? plugin.manifest.version,
        evaluated_hash: entry.hash,
        passed: report.passed,
        counts: { error: count('error'), warning: count('warning'), info: count('info') },
        findings: report.findings,
        evidence,
      };
      if (spec.level === 'read') return { result: { ...data, recorded: false } };
      return { result: { ...data, recorded: true }, events: [{ type: PLUGIN_CHECK_EVENT, data }] };
    },
  });
  return { ...tool, subject: plugin.principal };
}

/** Every tool of every admitted plugin, as registry definitions. */
export function pluginTools(hosts: readonly PluginHost[], options: PluginToolOptions): ToolDefinition<unknown, unknown, Services>[] {
  return hosts.flatMap((h) => h.plugin.manifest.tools.map((spec) => pluginTool(h, spec, options)));
}
