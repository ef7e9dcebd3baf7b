import type { Design } from '../../eda/model/design.js';
import type { ContentSize } from '../../eda/place/board-growth.js';
import type { PluginCheckData, ValidationData } from '../events/catalog.js';
import type { DesignHashFormat } from '../../kernel/merkle-hash.js';

/**
 * The shape of a session's projection (architecture.md, "Projections"), apart from the reducers that
 * build it (session-state.ts), so the modules those reducers call can name it without importing them.
 */

export interface DesignEntry {
  design: Design;
  /** Design-state hash (docs/design-hash.md), maintained incrementally. */
  hash: string;
  created_seq: number;
  updated_seq: number;
  revision: number;
  /** Kept with the entry so summaries need not count a large record on every edit. */
  component_count: number;
  /**
   * The board size the content rule last gave this design, or null once a stated size took over
   * (eda/place/board-growth.ts): placement grows a content-sized board and keeps a stated one.
   */
  sized_to_content: ContentSize;
}

export interface ValidationResult extends ValidationData {
  seq: number;
  at: string;
}

export interface PluginCheckResult extends PluginCheckData {
  seq: number;
  at: string;
}

export interface Approval {
  approval_id: string;
  design_name: string;
  design_hash: string;
  seq: number;
  at: string;
  principal: string;
  actor: string;
  /** The approver's own words about what they checked (required since approvals became independent). */
  statement: string;
  /** The approver had authored the state: accepted only under `--allow-self-approval`. */
  self_approval: boolean;
}

export interface SessionState {
  session_id: string;
  owner: string | null;
  /**
   * How this session's design hashes treat large records (docs/design-hash.md, "Formats"): recorded in
   * its SessionCreated event, 1 for a session that records none.
   */
  design_hash_format: DesignHashFormat;
  seq: number;
  head_hash: string | null;
  designs: Record<string, DesignEntry>;
  /** Latest result per design and check; each carries its own evaluated hash. */
  evidence: Record<string, { erc?: ValidationResult; drc?: ValidationResult; plugins?: Record<string, PluginCheckResult> }>;
  approvals: Approval[];
  /** Candidate designs of preview/validate/commit/rollback transactions. */
  transactions: Record<string, Transaction>;
  /** Design → principals who authored a change of it (projections/authorship.ts). */
  authors: Record<string, readonly string[]>;
  /** Principals the owner named to read and approve this session (session_add_reviewer). */
  reviewers: string[];
}

export interface Transaction {
  tx_id: string;
  design_name: string;
  parent_hash: string;
  candidate_hash: string;
  candidate: Design;
  operation: string;
  reason: string;
  status: 'open' | 'committed' | 'rolled_back';
  /** The principal who previewed it: the author of the candidate. */
  author: string;
  validation: { erc_passed: boolean; drc_passed: boolean; candidate_hash: string } | null;
  seq: number;
}
