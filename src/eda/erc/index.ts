/**
 * Electrical rules check (docs/erc.md): pure functions over the normalised design. Dependencies on the
 * library and the footprint resolver are injected through ErcContext, so ERC imports neither.
 * Rule ids and their meaning: docs/erc.md.
 */
export { runErc, listErcRules, sortFindings, ERC_RULESET_VERSION, ERC_INTERNAL } from './run.js';
export { ERC_RULES } from './rules/index.js';
export type { ErcContext, ErcFinding, ErcReport, ErcRule, ErcRuleInfo, ErcSeverity, RuleHit } from './types.js';
