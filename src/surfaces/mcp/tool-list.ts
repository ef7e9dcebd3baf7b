import type { toolCatalog } from '../tool-catalog.js';
import { mcpAnnotations } from '../tool-annotations.js';
import { EXISTING_DESIGN_DESCRIPTION } from '../../tools/define.js';

type Catalog = ReturnType<typeof toolCatalog>;

/** Size guards at or above these tell a model nothing; the server still enforces them (and OpenAPI lists them). */
const GUARD_MAX_LENGTH = 60;
const GUARD_MAX_ITEMS = 100;
const INT32_BOUND = 2 ** 31;

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
    if (key === 'minLength' && value === 1) continue; // empty strings are refused with a clear error anyway
    if (key === 'default' && isEmptyDefault(value)) continue; // an omitted list, map, text or flag is empty or off
    if (key === 'maxItems' && typeof value === 'number' && value >= GUARD_MAX_ITEMS) continue;
    if ((key === 'maximum' || key === 'minimum') && typeof value === 'number' && Math.abs(value) >= INT32_BOUND) continue; // zod's int() and seed bounds
    if (key === 'pattern' && typeof (schema as { format?: unknown }).format === 'string') continue; // `format` names it (e.g. date-time)
    out[key] = key === 'properties' || key === '$defs' ? compactMap(value) : compactSchema(value);
  }
  return constantsAsEnum(out);
}

function isEmptyDefault(value: unknown): boolean {
  if (value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** zod writes a union of literals as `anyOf` of `{type, const}`; one `enum` says the same in a fifth of the bytes. */
function constantsAsEnum(schema: Record<string, unknown>): Record<string, unknown> {
  const branches = schema['anyOf'];
  if (!Array.isArray(branches) || branches.length < 2) return schema;
  const types = new Set(branches.map((b) => (b as { type?: unknown }).type));
  if (types.size !== 1 || !branches.every((b) => b !== null && typeof b === 'object' && 'const' in b && Object.keys(b).length === 2)) return schema;
  const { anyOf: _anyOf, ...rest } = schema;
  return { ...rest, type: [...types][0], enum: branches.map((b) => (b as { const: unknown }).const) };
}

function compactMap(map: unknown): unknown {
  if (map === null || typeof map !== 'object') return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, compactSchema(v)]));
}

/**
 * Output schemas name the fields a result carries and their types; that is what a model reads them for.
 * They are left open (no `required`, no `additionalProperties: false`) for two reasons: SDK clients check
 * `structuredContent` against the schema even when `isError` is set, and an open schema admits the error
 * envelope (stated once in the server instructions, contract.md "Errors") without a second branch per tool;
 * and closing them adds bytes and no meaning. Empty `items` and string-keyed `propertyNames` say nothing.
 */
function compactOutput(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactOutput);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required' || (key === 'additionalProperties' && value === false)) continue;
    if ((key === 'items' || key === 'propertyNames') && isTrivial(value)) continue;
    out[key] = key === 'properties' ? mapValues(value, compactOutput) : compactOutput(value);
  }
  return out;
}

function isTrivial(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const keys = Object.keys(schema);
  return keys.length === 0 || (keys.length === 1 && (schema as { type?: unknown }).type === 'string');
}

function mapValues(map: unknown, f: (v: unknown) => unknown): unknown {
  if (map === null || typeof map !== 'object') return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f(v)]));
}


/**
 * A required `design_name` with the shared description refers to a design that already exists, so its
 * naming pattern tells a model nothing (it copies the name from design_list or a completion); the server
 * still enforces the pattern. Tools that name a new design keep it.
 */
function existingDesignName(schema: unknown): unknown {
  const s = schema as { properties?: Record<string, { description?: string }>; required?: string[] };
  const field = s.properties?.['design_name'];
  if (!field || field.description !== EXISTING_DESIGN_DESCRIPTION || !s.required?.includes('design_name')) return schema;
  return { ...s, properties: { ...s.properties, design_name: { type: 'string', description: 'A design in the session (see design_list).' } } };
}

/**
 * MCP's session_id needs no REST header note: the shared description is shortened here. The top level
 * keeps `additionalProperties: false`: a client (and a security reviewer) can see that smuggled arguments
 * are refused (test/security/threats.test.ts).
 */
function mcpSessionField(schema: unknown): unknown {
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  if (!props?.['session_id']) return schema;
  return { ...(schema as object), properties: { ...props, session_id: { type: 'string', description: "Session id (default: this connection's)." } } };
}

/** `tools/list` entries for MCP. */
export function mcpToolList(catalog: Catalog) {
  return catalog.map((t) => ({
    name: t.name,
    title: t.title,
    description: `${t.description} [needs ${t.level}]`,
    inputSchema: existingDesignName(mcpSessionField(compactSchema(t.inputJsonSchema))) as { type: 'object' },
    outputSchema: compactOutput(compactSchema(t.outputJsonSchema)) as { type: 'object' },
    annotations: mcpAnnotations(t.name),
  }));
}
