import { ERROR_ENVELOPE_JSON_SCHEMA as ENVELOPE, type toolCatalog } from '../tool-catalog.js';

type Catalog = ReturnType<typeof toolCatalog>;



/** OpenAPI 3.1 document generated from the same zod schemas as the MCP tool list. */
export function openApiDocument(catalog: Catalog) {
  const paths: Record<string, unknown> = {};
  for (const t of catalog) {
    paths[`/api/v1/tools/${t.name}`] = {
      post: {
        operationId: t.name,
        summary: t.title,
        description: `${t.description}\n\nRequired capability: ${t.level}.`,
        'x-zaptrace-capability': t.level,
        parameters: t.session === 'required' ? [{ name: 'X-ZapTrace-Session-Id', in: 'header', required: t.level !== 'read', schema: { type: 'string' } }] : [],
        requestBody: { required: true, content: { 'application/json': { schema: t.inputJsonSchema } } },
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { ok: { const: true }, result: t.outputJsonSchema, request_id: { type: 'string' } } } } } },
          default: { description: 'error envelope', content: { 'application/json': { schema: ENVELOPE } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ZapTrace runtime', version: '0.1.0', description: 'Capability-gated, event-sourced PCB design runtime.' },
    components: {
      securitySchemes: { grantToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA, Ed25519)' } },
    },
    paths,
  };
}
