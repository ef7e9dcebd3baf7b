import type { Design } from '../model/design.js';
import type { PartLookup } from '../model/part.js';
import type { Netlist } from './netlist.js';

/**
 * Public shapes of the electrical rules check. Findings are data (architecture.md, "Findings are
 * data, never exceptions"); a rule never throws on a bad design, it reports.
 */
export type ErcSeverity = 'error' | 'warning' | 'info';

export interface ErcContext {
  /** Resolves a design component to its library record; gives pin types and part data. */
  lookupPart?: PartLookup;
  /** Says whether a footprint name resolves; absent means footprints are not checked for existence. */
  footprintExists?: (name: string) => boolean;
}

export interface ErcFinding {
  rule_id: string;
  severity: ErcSeverity;
  category: string;
  message: string;
  /** Reference designators. */
  components: string[];
  /** Net names. */
  nets: string[];
  /** "REF.PIN". */
  pins: string[];
  suggestion: string;
}

export interface ErcReport {
  ruleset_version: string;
  /** True when no finding has error severity. */
  passed: boolean;
  findings: ErcFinding[];
  counts: { error: number; warning: number; info: number };
  rules_run: number;
}

/** What a rule check returns per finding; the runner adds rule id, severity and category. */
export interface RuleHit {
  message: string;
  components?: string[];
  nets?: string[];
  pins?: string[];
  suggestion: string;
}

export interface ErcRule {
  id: string;
  severity: ErcSeverity;
  category: string;
  title: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** Which of ZapTrace's ERC001…ERC029 rules this one covers (documentation only). */
  zaptrace: readonly string[];
  check: (netlist: Netlist, design: Design) => RuleHit[];
}

export interface ErcRuleInfo {
  id: string;
  severity: ErcSeverity;
  category: string;
  title: string;
  description: string;
}
