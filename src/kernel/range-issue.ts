/**
 * A schema issue that is a number out of its allowed range (zod's `too_big`/`too_small` on a
 * number, or a non-finite number): well-formed input the runtime will not accept, answered 422
 * UNPROCESSABLE rather than 400 (contract.md, "Errors"; RFC 9110 §15.5.21).
 */
export function isRangeIssue(issue: { code: string; origin?: unknown; received?: unknown }): boolean {
  if ((issue.code === 'too_big' || issue.code === 'too_small') && (issue.origin === 'number' || issue.origin === 'bigint')) return true;
  return issue.code === 'invalid_type' && (issue.received === 'Infinity' || issue.received === 'NaN');
}
