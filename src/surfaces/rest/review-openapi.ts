import { OPTIONAL_AUTH, SESSION_PATH, errorResponses } from './openapi-parts.js';

/** OpenAPI path items of the review app's read-only routes (./review-routes.ts). */
export function reviewPaths() {
  const ok = (description: string, properties: Record<string, unknown>) => ({
    description,
    content: { 'application/json': { schema: { type: 'object', properties, required: Object.keys(properties) } } },
  });
  return {
    '/api/v1/review/sessions': {
      get: {
        operationId: 'reviewSessions',
        tags: ['review'],
        summary: 'Sessions the caller owns or was named reviewer of, with designs, event counts, last activity and release readiness',
        security: OPTIONAL_AUTH,
        responses: {
          '200': ok('The caller and its sessions, most recent first (none for an anonymous caller).', { principal: { type: 'string' }, sessions: { type: 'array', items: { type: 'object' } } }),
          ...errorResponses(),
        },
      },
    },
    '/api/v1/review/sessions/{id}/board': {
      get: {
        operationId: 'reviewBoard',
        tags: ['review'],
        summary: 'A design as it was after event seq: board SVG, parts, ERC/DRC evidence with freshness, readiness and approvals',
        security: OPTIONAL_AUTH,
        parameters: [
          SESSION_PATH,
          { name: 'design', in: 'query', required: true, description: 'Design name.', schema: { type: 'string', minLength: 1, maxLength: 200 } },
          { name: 'seq', in: 'query', required: false, description: 'Log position (default and maximum: the head).', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          '200': ok('`present: false` when the design does not exist at that position.', { seq: { type: 'integer' }, head_seq: { type: 'integer' }, design_name: { type: 'string' }, present: { type: 'boolean' }, designs: { type: 'array', items: { type: 'string' } } }),
          ...errorResponses({ '400': true }),
        },
      },
    },
  };
}
