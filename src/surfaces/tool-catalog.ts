import { z } from 'zod';
import type { Runtime } from '../runtime/runtime.js';

/** Tool list with JSON Schemas, generated once from the registry for both surfaces. */
export function toolCatalog(runtime: Runtime) {
  return runtime.tools().map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    level: t.level,
    session: t.session,
    inputJsonSchema: z.toJSONSchema(t.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    outputJsonSchema: z.toJSONSchema(t.output, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>,
  }));
}
