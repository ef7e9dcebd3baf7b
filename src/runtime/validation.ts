import type { z } from 'zod';
import { isRangeIssue } from '../kernel/range-issue.js';
import { ZapTraceError } from '../kernel/errors.js';

/** A zod failure as INVALID_INPUT (or UNPROCESSABLE for a number out of range) naming the first offending field (contract.md, "Errors"). */
export function zodIssuesToError(error: z.ZodError): ZapTraceError {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const where = first && first.path ? ` at ${first.path}` : '';
  const head = error.issues[0];
  return new ZapTraceError(head && isRangeIssue(head as { code: string }) ? 'UNPROCESSABLE' : 'INVALID_INPUT', `invalid input${where}: ${first?.message ?? 'does not match the schema'}`, {
    path: first?.path ?? '',
    issues,
  });
}
