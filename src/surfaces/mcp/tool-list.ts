import type { toolCatalog } from '../tool-catalog.js';
import { mcpAnnotations } from '../tool-annotations.js';

type Catalog = ReturnType<typeof toolCatalog>;

/**
 * The error envelope as advertised in each tool's outputSchema. SDK clients validate structuredContent
 * even on `isError: true`, so the schema must admit it; the envelope's full shape is stated once in the
 * server instructions (contract.md, "Errors") instead of fifty times here, to keep the list small.
 */
const ERROR_BRANCH = { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false } } };

/** Size guards at or above these tell a model nothing; the server still enforces them (and OpenAPI lists them). */
const GUARD_MAX_LENGTH = 200;
const GUARD_MAX_ITEMS = 100;

/**
 * Drops what a client gains nothing from in every schema: `$schema` (MCP tool schemas default to JSON
 * Schema 2020-12), `additionalProperties: {}` (the default) and large size guards.
 */
export function compactSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'additionalProperties' && value !== null && typeof value === 'object' && Object.keys(value).length === 0) continue;
    if (key === 'maxLength' && typeof value === 'number' && value >= GUARD_MAX_LENGTH) continue;
    if (key === 'maxItems' && typeof value === 'number' && value >= GUARD_MAX_ITEMS) continue;
    if ((key === 'maximum' || key === 'minimum') && typeof value === 'number' && Math.abs(value) === Number.MAX_SAFE_INTEGER) continue; // zod's int() bound
    if (key === 'pattern' && typeof (schema as { format?: unknown }).format === 'string') continue; // `format` names it (e.g. date-time)
    out[key] = key === 'properties' || key === '$defs' ? compactMap(value) : compactSchema(value);
  }
  return out;
}

function compactMap(map: unknown): unknown {
  if (map === null || typeof map !== 'object') return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, compactSchema(v)]));
}

/** Output schemas only check what the client receives: closing them adds bytes and no meaning. */
function compactOutput(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactOutput);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([k, v]) => !(k === 'additionalProperties' && v === false)).map(([k, v]) => [k, compactOutput(v)]));
}

/** MCP's session_id needs no REST header note: the shared description is shortened here. */
function mcpSessionField(schema: unknown): unknown {
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  if (!props?.['session_id']) return schema;
  return { ...(schema as object), properties: { ...props, session_id: { type: 'string', description: "Session id; default: this connection's session." } } };
}

/** `tools/list` entries for MCP. */
export function mcpToolList(catalog: Catalog) {
  return catalog.map((t) => ({
    name: t.name,
    title: t.title,
    description: `${t.description} [capability: ${t.level}]`,
    inputSchema: mcpSessionField(compactSchema(t.inputJsonSchema)) as { type: 'object' },
    outputSchema: { type: 'object' as const, anyOf: [compactOutput(compactSchema(t.outputJsonSchema)), ERROR_BRANCH] },
    annotations: mcpAnnotations(t.name),
  }));
}
