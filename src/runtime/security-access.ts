import { ZapTraceError } from '../kernel/errors.js';
import type { Principal, Surface } from './principal.js';
import { recordDenialOnce, type SecurityLog, type SecurityPage } from './security-log.js';

/**
 * The security record is for auditors only (contract.md, "Audit evidence": readable only by a grant
 * with the `audit` claim). Everyone else gets OPERATION_NOT_AUTHORIZED, itself recorded.
 */
export async function readSecurityRecords(
  log: SecurityLog,
  principal: Principal,
  query: { after: number; limit: number },
  meta: { surface: Surface; requestId: string },
): Promise<SecurityPage> {
  if (principal.audit !== true) {
    const err = new ZapTraceError('OPERATION_NOT_AUTHORIZED', 'reading the security record needs a grant token with the audit claim', { required_claim: 'audit' });
    recordDenialOnce(log, err, { principal: principal.id, surface: meta.surface, tool: 'security/events', object: '', request_id: meta.requestId });
    throw err;
  }
  return log.list(query);
}
