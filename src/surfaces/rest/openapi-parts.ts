import { ERROR_ENVELOPE_JSON_SCHEMA } from '../tool-catalog.js';

/**
 * Shared pieces of the OpenAPI 3.1 document: security schemes, the error envelope (contract.md,
 * "Errors") and the error responses every operation can give.
 */
export const SECURITY_SCHEMES = {
  grantToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA, Ed25519)', description: 'Grant token: `sub` names the principal, `cap` the highest capability level.' },
  devCapabilities: {
    type: 'apiKey',
    in: 'header',
    name: 'X-ZapTrace-Capabilities',
    description: 'Development mode only (`serve --dev-capability-headers`, loopback): the capability level to act with.',
  },
};

/** Credentials optional: without any the caller is an anonymous principal with the read level. */
export const OPTIONAL_AUTH = [{}, { grantToken: [] }, { devCapabilities: [] }];
/** A grant is needed (writes, session-private reads). */
export const AUTH = [{ grantToken: [] }, { devCapabilities: [] }];
/** Answered before authentication (probes). */
export const NO_AUTH: never[] = [];

const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } });

export const ERROR_RESPONSES = {
  BadRequest: err('INVALID_INPUT: the request or its arguments are invalid (details.path names the field).'),
  Unauthorized: err('AUTH_REQUIRED or SESSION_REQUIRED: credentials or the X-ZapTrace-Session-Id header are missing.'),
  Forbidden: err('OPERATION_NOT_AUTHORIZED, OBJECT_NOT_AUTHORIZED, HOST_NOT_ALLOWED or ORIGIN_NOT_ALLOWED.'),
  NotFound: err('NOT_FOUND: no such route, tool, session object or design.'),
  TooManyRequests: { ...err('RATE_LIMITED: slow down; Retry-After says when.'), headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } },
  ClientError: err('Other refusals: 409 (STALE_STATE, release gate, SESSION_QUARANTINED, PATH_RELEASED), 413 PAYLOAD_TOO_LARGE, 422 (UNPROCESSABLE, IDEMPOTENCY_KEY_REUSED), 499 CANCELLED.'),
  ServerError: err('500 INTERNAL_ERROR (no detail leaked), 503 SERVER_BUSY or STORE_UNAVAILABLE (Retry-After), 504 DEADLINE_EXCEEDED.'),
};

const ref = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

/** The error responses of an operation that passes authentication and the rate limiter. */
export function errorResponses(extra: Partial<Record<'400' | '401' | '403' | '404', true>> = {}) {
  return {
    ...(extra['400'] ? { '400': ref('BadRequest') } : {}),
    ...(extra['401'] ? { '401': ref('Unauthorized') } : {}),
    '403': ref('Forbidden'),
    ...(extra['404'] ? { '404': ref('NotFound') } : {}),
    '429': ref('TooManyRequests'),
    '4XX': ref('ClientError'),
    '5XX': ref('ServerError'),
  };
}

export const COMPONENT_SCHEMAS = {
  ErrorEnvelope: ERROR_ENVELOPE_JSON_SCHEMA,
  AuditRecord: {
    type: 'object',
    description: 'One call of the audit view (contract.md, "Audit evidence"; docs/event-log.md, "Audit events"): the event that holds it (seq, event_type, hash), its time, and the record.',
    required: ['seq', 'timestamp', 'event_type', 'hash', 'surface', 'session_id', 'principal', 'actor', 'tool', 'capability', 'granted', 'decision', 'reason', 'request_id', 'outcome'],
    properties: {
      seq: { type: 'integer' },
      timestamp: { type: 'string', format: 'date-time' },
      event_type: { type: 'string' },
      hash: { type: 'string' },
      surface: { type: 'string' },
      session_id: { type: 'string' },
      principal: { type: 'string' },
      actor: { type: 'string' },
      tool: { type: 'string' },
      capability: { type: 'string' },
      granted: { type: 'array', items: { type: 'string' } },
      decision: { type: 'string', enum: ['allow', 'deny'] },
      reason: { type: 'string' },
      request_id: { type: 'string' },
      outcome: { type: 'string', description: '"ok" or the error code the call ended with.' },
      subject: { type: 'string', description: 'The plugin principal that did the work, when a plugin did.' },
    },
  },
};

export const SESSION_HEADER = { name: 'X-ZapTrace-Session-Id', in: 'header', description: 'The session to act in.', schema: { type: 'string' } };
export const SESSION_PATH = { name: 'id', in: 'path', required: true, description: 'Session id.', schema: { type: 'string' } };
export const FROM_QUERY = { name: 'from', in: 'query', required: false, description: 'First seq to send (default 1).', schema: { type: 'integer', minimum: 1 } };
