/** One review finding; `passed` of a review is "no error" (warnings and info are advice). */
export interface ReviewFinding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
  refs: string[];
}

export function summarize(findings: ReviewFinding[]) {
  const count = (s: ReviewFinding['severity']) => findings.filter((f) => f.severity === s).length;
  return { passed: count('error') === 0, counts: { error: count('error'), warning: count('warning'), info: count('info') }, findings };
}
