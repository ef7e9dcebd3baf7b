import type { toolCatalog } from '../tool-catalog.js';
import { mcpAnnotations } from '../tool-annotations.js';

type Catalog = ReturnType<typeof toolCatalog>;

/**
 * The error envelope as advertised in each tool's outputSchema. SDK clients validate structuredContent
 * even on `isError: true`, so the schema must admit it; the envelope's full shape is stated once in the
 * server instructions (contract.md, "Errors") instead of fifty times here, to keep the list small.
 */
const ERROR_BRANCH = { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false } } };

/**
 * Drops what a client gains nothing from in every schema: `$schema` (MCP tool schemas default to JSON
 * Schema 2020-12) and `additionalProperties: {}` (the default).
 */
export function compactSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'additionalProperties' && value !== null && typeof value === 'object' && Object.keys(value).length === 0) continue;
    out[key] = key === 'properties' || key === '$defs' ? compactMap(value) : compactSchema(value);
  }
  return out;
}

function compactMap(map: unknown): unknown {
  if (map === null || typeof map !== 'object') return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, compactSchema(v)]));
}

/** `tools/list` entries for MCP. */
export function mcpToolList(catalog: Catalog) {
  return catalog.map((t) => ({
    name: t.name,
    title: t.title,
    description: `${t.description} [capability: ${t.level}]`,
    inputSchema: compactSchema(t.inputJsonSchema) as { type: 'object' },
    outputSchema: { type: 'object' as const, anyOf: [compactSchema(t.outputJsonSchema), ERROR_BRANCH] },
    annotations: mcpAnnotations(t.name),
  }));
}
