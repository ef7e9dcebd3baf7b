import { appendFileSync } from 'node:fs';

/**
 * Process-wide security log: denials on objects the caller may not see (another principal's
 * session, an unknown session id) go here, never into the victim's session (contract.md, "Audit").
 */
export interface SecurityEntry {
  at: string;
  principal: string;
  surface: string;
  tool: string;
  object: string;
  code: string;
  request_id: string;
}

export interface SecurityLog {
  record(entry: SecurityEntry): void;
  entries(): readonly SecurityEntry[];
}

export function createSecurityLog(options: { capacity?: number; file?: string } = {}): SecurityLog {
  const capacity = options.capacity ?? 10_000;
  const ring: SecurityEntry[] = [];
  return {
    record(entry) {
      ring.push(entry);
      if (ring.length > capacity) ring.splice(0, ring.length - capacity);
      if (options.file) appendFileSync(options.file, `${JSON.stringify(entry)}\n`);
    },
    entries: () => ring,
  };
}
