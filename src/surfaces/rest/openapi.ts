import type { toolCatalog } from '../tool-catalog.js';
import { AUTH, COMPONENT_SCHEMAS, ERROR_RESPONSES, FROM_QUERY, NO_AUTH, OPTIONAL_AUTH, SECURITY_SCHEMES, SESSION_HEADER, SESSION_PATH, errorResponses } from './openapi-parts.js';
import { reviewPaths } from './review-openapi.js';

type Catalog = ReturnType<typeof toolCatalog>;

const json = (schema: unknown, description = 'ok') => ({ description, content: { 'application/json': { schema } } });
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({ type: 'object', properties, required });

/**
 * OpenAPI 3.1 document of every HTTP route (tool routes generated from the same zod schemas as the MCP
 * tool list), with security per operation and the error envelope on every error response.
 * `serverUrl`: the origin the document was fetched from, so "try it" tools call this server.
 */
export function openApiDocument(catalog: Catalog, serverUrl = 'http://127.0.0.1:8787') {
  const paths: Record<string, unknown> = { ...operationsPaths(), ...restPaths(), ...reviewPaths() };
  for (const t of catalog) {
    paths[`/api/v1/tools/${t.name}`] = {
      post: {
        operationId: t.name,
        tags: ['tools'],
        summary: t.title,
        description: `${t.description}\n\nRequired capability: ${t.level}.`,
        'x-zaptrace-capability': t.level,
        security: t.level === 'read' ? OPTIONAL_AUTH : AUTH,
        parameters: [
          ...(t.session === 'required' ? [{ ...SESSION_HEADER, required: t.level !== 'read' }] : []),
          { name: 'Idempotency-Key', in: 'header', required: false, description: 'Makes a retried write return its first outcome.', schema: { type: 'string', maxLength: 200 } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: t.inputJsonSchema } } },
        responses: {
          '200': json(obj({ ok: { const: true }, result: t.outputJsonSchema, request_id: { type: 'string' } })),
          ...errorResponses({ '400': true, '401': true, '404': true }),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ZapTrace runtime', version: '0.1.0', description: 'Capability-gated, event-sourced PCB design runtime.', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: serverUrl, description: 'The server that served this document.' }],
    tags: [
      { name: 'tools', description: 'One operation per registry tool (the same tools as MCP tools/list).' },
      { name: 'sessions', description: 'Sessions, their event logs, live streams and signed heads.' },
      { name: 'operations', description: 'Health, readiness, metrics and the documents of this server.' },
      { name: 'security', description: 'The security record (audit claim only) and the log signing key.' },
      { name: 'review', description: 'Read-only views of the review app (/app/): sessions with readiness, the board at a log position.' },
    ],
    components: { securitySchemes: SECURITY_SCHEMES, schemas: COMPONENT_SCHEMAS, responses: ERROR_RESPONSES },
    paths,
  };
}

function get(operationId: string, tag: string, summary: string, security: unknown, ok: unknown, extra: Record<string, unknown> = {}, errors: Record<string, unknown> = errorResponses()) {
  return { get: { operationId, tags: [tag], summary, security, ...extra, responses: { '200': ok, ...errors } } };
}

function operationsPaths() {
  // Probes answer before authentication, but after the Host/Origin guard (403).
  const forbidden = { '403': { $ref: '#/components/responses/Forbidden' } };
  const probeErrors = { ...forbidden, '503': { ...json({ type: 'object' }, 'Not ready (draining, store or workers down); Retry-After: 5.') }, '5XX': { $ref: '#/components/responses/ServerError' } };
  return {
    '/healthz': get('healthz', 'operations', 'Liveness: the process runs', NO_AUTH, json(obj({ ok: { const: true }, status: { const: 'live' } })), {}, { ...forbidden, '5XX': { $ref: '#/components/responses/ServerError' } }),
    '/readyz': get('readyz', 'operations', 'Readiness: the store answers and workers run', NO_AUTH, json(obj({ ok: { type: 'boolean' }, status: { type: 'string' }, checks: { type: 'object' } }, ['ok', 'status'])), {}, probeErrors),
    '/metrics': get('metrics', 'operations', 'Prometheus metrics', OPTIONAL_AUTH, { description: 'Prometheus text format 0.0.4.', content: { 'text/plain': { schema: { type: 'string' } } } }),
    '/api/v1/health': get('health', 'operations', 'Service health and tool count', OPTIONAL_AUTH, json(obj({ ok: { const: true }, service: { type: 'string' }, tools: { type: 'integer' } }))),
    '/api/v1/openapi.json': get('openapi', 'operations', 'This document', OPTIONAL_AUTH, json({ type: 'object' })),
    '/api/v1/tools': get('listTools', 'tools', 'The tool list with levels and input schemas', OPTIONAL_AUTH, json(obj({ tools: { type: 'array', items: { type: 'object' } } }))),
    '/api/v1/log-key': get('logKey', 'security', 'Public key (PEM) that verifies signed log heads', OPTIONAL_AUTH, { description: 'SPKI PEM.', content: { 'application/x-pem-file': { schema: { type: 'string' } } } }),
    '/api/v1/security/events': get('securityEvents', 'security', 'Security record: denials, refusals, rejected tokens (audit claim only)', AUTH, json(obj({ ok: { const: true }, request_id: { type: 'string' } }, ['ok'])), {
      parameters: [
        { name: 'after', in: 'query', required: false, description: 'Cursor: records after this seq.', schema: { type: 'integer', minimum: 0 } },
        { name: 'limit', in: 'query', required: false, description: 'Maximum records returned.', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ],
    }, errorResponses({ '400': true })),
  };
}

function restPaths() {
  const sessionList = obj({ sessions: { type: 'array', items: obj({ session_id: { type: 'string' }, seq: { type: 'integer' }, designs: { type: 'array', items: { type: 'string' } } }) } });
  return {
    '/api/v1/sessions': {
      post: {
        operationId: 'createSession',
        tags: ['sessions'],
        summary: 'Create a session owned by the caller',
        security: OPTIONAL_AUTH,
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Makes a retried create return the first session.', schema: { type: 'string', maxLength: 200 } }],
        responses: { '201': json(obj({ session_id: { type: 'string' } }), 'created'), ...errorResponses({ '400': true }) },
      },
      ...get('listSessions', 'sessions', "The caller's own sessions", OPTIONAL_AUTH, json(sessionList)),
    },
    '/api/v1/sessions/{id}/events': get('sessionEvents', 'sessions', 'The event log (JSON lines), closed by the signed head', OPTIONAL_AUTH, { description: 'One event per line, then {"head": …}.', content: { 'application/x-ndjson': { schema: { type: 'string' } } } }, { parameters: [SESSION_PATH, FROM_QUERY] }, errorResponses({ '404': true })),
    '/api/v1/sessions/{id}/stream': get('sessionStream', 'sessions', 'Live events (server-sent events): backlog from ?from, then each new event', OPTIONAL_AUTH, { description: 'SSE: `id: SEQ`, `event: TYPE`, `data: EVENT`.', content: { 'text/event-stream': { schema: { type: 'string' } } } }, { parameters: [SESSION_PATH, FROM_QUERY] }, errorResponses({ '404': true })),
    '/api/v1/sessions/{id}/head': get('sessionHead', 'sessions', "The session's latest signed head", OPTIONAL_AUTH, json(obj({ session_id: { type: 'string' }, head: { type: ['object', 'null'] } })), { parameters: [SESSION_PATH] }, errorResponses({ '404': true })),
    '/api/v1/audit/events': get('auditEvents', 'sessions', 'Audit events of the session named in X-ZapTrace-Session-Id', OPTIONAL_AUTH, json(obj({ session_id: { type: 'string' }, events: { type: 'array', items: { $ref: '#/components/schemas/AuditRecord' } }, next_after_seq: { type: ['integer', 'null'] } }, ['session_id', 'events', 'next_after_seq'])), {
      parameters: [
        { ...SESSION_HEADER, required: true },
        { name: 'tool', in: 'query', required: false, description: 'Only events of this tool.', schema: { type: 'string' } },
        { name: 'decision', in: 'query', required: false, description: 'Only allowed or denied calls.', schema: { type: 'string', enum: ['allow', 'deny'] } },
        { name: 'since', in: 'query', required: false, description: 'ISO timestamp; events at or after it.', schema: { type: 'string', format: 'date-time' } },
        { name: 'after_seq', in: 'query', required: false, description: 'Cursor: events after this seq.', schema: { type: 'integer', minimum: 0 } },
        { name: 'limit', in: 'query', required: false, description: 'Maximum events returned.', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ],
    }, errorResponses({ '400': true, '401': true })),
    '/api/v1/designs/{name}': get('getDesign', 'sessions', 'A design of the session, now or at a log position', OPTIONAL_AUTH, json(obj({ seq: { type: 'integer' }, summary: { type: 'object' }, design: { type: 'object' } })), {
      parameters: [
        { name: 'name', in: 'path', required: true, description: 'Design name.', schema: { type: 'string' } },
        { ...SESSION_HEADER, required: true },
        { name: 'at', in: 'query', required: false, description: 'Log position (seq) to rebuild the design at.', schema: { type: 'integer', minimum: 1 } },
      ],
    }, errorResponses({ '400': true, '401': true, '404': true })),
  };
}
