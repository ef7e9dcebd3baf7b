/**
 * Public shapes of the design rules check (docs/drc.md). Findings are data with locations, never
 * exceptions (architecture.md); a bad board gives findings, a malformed design gives INVALID_INPUT.
 */
export type DrcSeverity = 'error' | 'warning' | 'info';

export interface DrcLocation {
  x_mm: number;
  y_mm: number;
  layer?: string;
}

export interface DrcFinding {
  rule_id: string;
  severity: DrcSeverity;
  message: string;
  location: DrcLocation;
  /** Human-readable item labels: "track GND F.Cu (1,2)-(3,4)", "pad U1.3", "via GND (5,6)". */
  items: string[];
  /** Net names involved. */
  nets: string[];
  measured_mm?: number;
  required_mm?: number;
}

export interface DrcStats {
  tracks: number;
  vias: number;
  pads: number;
  /** Candidate pairs from the spatial index whose exact distance was computed. */
  pairsChecked: number;
  ms: number;
}

export interface DrcReport {
  ruleset_version: string;
  /** True when no finding has error severity. */
  passed: boolean;
  findings: DrcFinding[];
  counts: { error: number; warning: number; info: number };
  stats: DrcStats;
}

export interface DrcRuleInfo {
  id: string;
  severity: DrcSeverity;
  title: string;
  description: string;
  /** The kicad-cli DRC violation types that correspond (docs/drc.md). */
  kicad: readonly string[];
}
