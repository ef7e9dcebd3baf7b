import type { Design, Component, Board, Keepout, NetClass, Placement, Routing } from '../../eda/model/design.js';
import type { Level } from '../capability.js';

/**
 * Event data by type. Past-tense names; every fact needed to rebuild state is inside the event
 * (placements, routes and check results are recorded, never recomputed on replay).
 */
export interface AuditData {
  surface: string;
  session_id: string;
  principal: string;
  actor: string;
  tool: string;
  capability: Level;
  granted: Level[];
  decision: 'allow' | 'deny';
  reason: string;
  request_id: string;
  /** "ok" or the error code the call ended with. */
  outcome: string;
  /** The plugin principal (`plugin:<name>@<version>`) that did the work; absent when the runtime did (docs/plugins.md). */
  subject?: string;
}

export interface ValidationData {
  design_name: string;
  check: 'erc' | 'drc';
  ruleset_version: string;
  evaluated_hash: string;
  passed: boolean;
  counts: { error: number; warning: number; info: number };
  findings: unknown[];
}

/** A plugin design check's result (docs/plugins.md, "Release evidence"), bound to the state it evaluated like ERC/DRC. */
export interface PluginCheckData {
  design_name: string;
  /** The registry tool, `plugin.<name>.<tool>`. */
  check: string;
  /** The plugin's principal, `plugin:<name>@<version>`. */
  plugin: string;
  /** Id of the publisher key that signed the plugin's manifest. */
  publisher_key: string;
  ruleset_version: string;
  evaluated_hash: string;
  passed: boolean;
  counts: { error: number; warning: number; info: number };
  findings: unknown[];
  /** Its manifest declares the check as evidence and the operator admitted it as such. */
  evidence: boolean;
}

export interface EventDataByType {
  /** `design_hash_format` (docs/design-hash.md, "Formats"): absent in sessions created before format 2. */
  SessionCreated: { owner: string; auth_source: string; design_hash_format?: number };
  DesignParsed: { design_name: string; design: Design; source: { kind: 'text' | 'file' | 'synthesis' | 'pipeline' | 'transaction'; path?: string; format?: string }; warnings: unknown[] };
  ComponentAdded: { design_name: string; component: Component; connections: { net: string; pin: string }[] };
  ComponentRemoved: { design_name: string; component_id: string };
  BoardUpdated: { design_name: string; board: Partial<Board> };
  NetAdded: { design_name: string; net: { id: string; name: string; type: string } };
  NetNodesChanged: { design_name: string; net: string; connect: { component: string; pin: string }[]; disconnect: { component: string; pin: string }[] };
  /** `keepouts`: the copper keep-outs the placement implies (antennas); they replace the placer's earlier ones. Absent in older logs. */
  ComponentsPlaced: { design_name: string; placement: Record<string, Placement>; algorithm: string; seed: number; score: number; unplaced: unknown[]; constraint_report: unknown[]; keepouts?: Keepout[] };
  NetsRouted: { design_name: string; routing: Routing; router: string; seed: number; parameters: unknown; completion: { routed: number; total: number; complete: boolean }; connections: unknown[] };
  ValidationRecorded: ValidationData;
  /** `statement` and `self_approval` are absent from approvals recorded before approvals had to be independent. */
  DesignCommitted: { design_name: string; approval_id: string; design_hash: string; note: string; approver?: string; statement?: string; self_approval?: boolean };
  ReviewerAdded: { principal: string };
  ArtifactsExported: { design_name: string; kind: string; files: { path: string; bytes: number; sha256: string }[]; design_hash: string; approval_id: string; evidence: unknown; log_seq: number; head_hash: string };
  TransactionPreviewed: { tx_id: string; design_name: string; parent_hash: string; candidate_hash: string; operation: string; params: unknown; reason: string; candidate: Design; diff: unknown };
  TransactionValidated: { tx_id: string; candidate_hash: string; erc: { passed: boolean; counts: unknown; findings: unknown[] }; drc: { passed: boolean; counts: unknown; findings: unknown[] } };
  TransactionCommitted: { tx_id: string; design_name: string; parent_hash: string; candidate_hash: string; approval_id: string };
  TransactionRolledBack: { tx_id: string; reason: string };
  /** A name for a log position of one design (design_snapshot); nothing else changes. */
  SnapshotLabeled: { design_name: string; label: string; at_seq: number; design_hash: string; note: string };
  /** The design as it was at `from_seq`, put back by design_rollback; the events after it stay in the log. */
  DesignRestored: { design_name: string; design: Design; from_seq: number; label: string | null; design_hash: string };
  /** Net classes set by board_classify_nets / design_route_smart: class definitions, and each listed net's class (net id → class name). */
  NetClassesAssigned: { design_name: string; net_classes: Record<string, NetClass>; assignments: Record<string, string> };
  /** A DC operating point run by simulation_gate: evidence about the state with `evaluated_hash`. */
  SimulationRecorded: { design_name: string; engine: string; analysis: 'op'; evaluated_hash: string; passed: boolean; counts: { error: number; warning: number }; findings: unknown[]; rails: unknown[] };
  PluginCheckRecorded: PluginCheckData;
  ToolAuthorized: AuditData;
  ToolDenied: AuditData;
}

export type EventType = keyof EventDataByType;

