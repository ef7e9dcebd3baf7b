import type { ValidationData } from '../runtime/events/catalog.js';
import type { EventDraft } from '../runtime/events/types.js';

/** What the log keeps of an ERC or DRC report (eda/erc, eda/drc). */
type CheckReport = Pick<ValidationData, 'ruleset_version' | 'passed' | 'counts' | 'findings'>;

/** ERC/DRC evidence: the report bound to the design-state hash it evaluated (docs/design-hash.md). */
export function validationRecorded(design_name: string, check: ValidationData['check'], report: CheckReport, evaluated_hash: string): EventDraft<'ValidationRecorded', ValidationData> {
  return { type: 'ValidationRecorded', data: { design_name, check, ruleset_version: report.ruleset_version, evaluated_hash, passed: report.passed, counts: report.counts, findings: report.findings } };
}
