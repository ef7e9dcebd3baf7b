import { z } from 'zod';
import type { Runtime } from '../runtime/runtime.js';
import { describeParams } from './param-docs.js';

/** The error envelope of contract.md, "Errors". */
export const ERROR_ENVELOPE_JSON_SCHEMA = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message', 'details', 'request_id'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' }, request_id: { type: ['string', 'null'] } },
    },
  },
};

/** Tool list with JSON Schemas, generated once from the registry for both surfaces. */
export function toolCatalog(runtime: Runtime) {
  return runtime.tools().map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    level: t.level,
    session: t.session,
    inputJsonSchema: describeParams(t.name, z.toJSONSchema(t.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    outputJsonSchema: z.toJSONSchema(t.output, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>,
  }));
}
