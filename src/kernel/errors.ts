/**
 * The one error type of the runtime and its code table (contract.md, "Errors").
 * Every surface turns a ZapTraceError into `{ ok: false, error: { code, message, details, request_id } }`.
 * Messages must never carry absolute paths, stack traces or secrets: callers build them from
 * workspace-relative names only.
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  AUTH_REQUIRED: 401,
  SESSION_REQUIRED: 401,
  OPERATION_NOT_AUTHORIZED: 403,
  OBJECT_NOT_AUTHORIZED: 403,
  NOT_FOUND: 404,
  STALE_STATE: 409,
  RELEASE_GATE_APPROVAL_REQUIRED: 409,
  RELEASE_GATE_APPROVAL_STALE: 409,
  RELEASE_GATE_EVIDENCE_MISSING: 409,
  RELEASE_GATE_EVIDENCE_STALE: 409,
  RELEASE_GATE_EVIDENCE_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  PATH_RELEASED: 409,
  SELF_APPROVAL: 403,
  SESSION_QUARANTINED: 409,
  HOST_NOT_ALLOWED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  /** A well-formed value the runtime will not accept (out-of-range number, reused idempotency key). */
  UNPROCESSABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  /** The caller went away or cancelled (nginx's 499: no response is read anyway). */
  CANCELLED: 499,
  INTERNAL_ERROR: 500,
  /** A plugin failed, overran its limits or returned a result that failed the runtime's checks (docs/plugins.md). */
  PLUGIN_FAILED: 502,
  /** The store cannot make a write durable (full disk, I/O error); retry later. */
  STORE_UNAVAILABLE: 503,
  /** A bounded queue or memory cap is full; retry later. */
  SERVER_BUSY: 503,
  DEADLINE_EXCEEDED: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetails = Record<string, unknown>;

export class ZapTraceError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ZapTraceError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isZapTraceError(value: unknown): value is ZapTraceError {
  return value instanceof ZapTraceError;
}

export interface ErrorEnvelope {
  ok: false;
  error: { code: ErrorCode; message: string; details: ErrorDetails; request_id: string | null };
}

/**
 * Converts anything thrown into the public envelope. Unknown errors become INTERNAL_ERROR with a
 * fixed message so nothing of the host (paths, stacks) reaches a caller.
 */
export function toErrorEnvelope(err: unknown, requestId: string | null): ErrorEnvelope {
  if (isZapTraceError(err)) {
    return {
      ok: false,
      error: { code: err.code, message: scrubMessage(err.message), details: err.details, request_id: requestId },
    };
  }
  return {
    ok: false,
    error: { code: 'INTERNAL_ERROR', message: 'internal error', details: {}, request_id: requestId },
  };
}

const ABSOLUTE_PATH = /(?:^|[\s'"(=:])(\/(?:[^\s'"():]+\/)+[^\s'"():]*)/g;
const WINDOWS_PATH = /[A-Za-z]:\\[^\s'"]+/g;

/** Defence in depth: even a message built carelessly never shows a host path. */
export function scrubMessage(message: string): string {
  return message
    .replace(ABSOLUTE_PATH, (match, path: string) => match.replace(path, '<path>'))
    .replace(WINDOWS_PATH, '<path>')
    .split('\n    at ')[0]!
    .slice(0, 2000);
}

export const invalidInput = (message: string, path: (string | number)[] = [], extra: ErrorDetails = {}) =>
  new ZapTraceError('INVALID_INPUT', message, { path: path.join('.'), ...extra });
