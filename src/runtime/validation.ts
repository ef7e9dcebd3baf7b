import type { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';

/** A zod failure as INVALID_INPUT naming the first offending field (contract.md, "Errors"). */
export function zodIssuesToError(error: z.ZodError): ZapTraceError {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const where = first && first.path ? ` at ${first.path}` : '';
  return new ZapTraceError('INVALID_INPUT', `invalid input${where}: ${first?.message ?? 'does not match the schema'}`, {
    path: first?.path ?? '',
    issues,
  });
}
