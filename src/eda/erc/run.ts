import { Design } from '../model/design.js';
import { invalidInput, scrubMessage } from '../../kernel/errors.js';
import type { ErcContext, ErcFinding, ErcReport, ErcRule, ErcRuleInfo } from './types.js';
import { buildNetlist, cmp, type Netlist } from './netlist.js';
import { ERC_RULES } from './rules/index.js';

/** Version of the rule set; bump when a rule is added, removed or changes what it reports. */
export const ERC_RULESET_VERSION = 'zt-erc-1.5.0';

/** The id of the finding a failing rule (or a failing netlist build) turns into. */
export const ERC_INTERNAL = 'ERC_INTERNAL';

export function listErcRules(rules: readonly ErcRule[] = ERC_RULES): ErcRuleInfo[] {
  return rules.map(({ id, severity, category, title, description }) => ({ id, severity, category, title, description }));
}

function internal(what: string, err: unknown): ErcFinding {
  const detail = err instanceof Error ? scrubMessage(err.message).slice(0, 200) : 'unknown failure';
  return {
    rule_id: ERC_INTERNAL,
    severity: 'error',
    category: 'internal',
    message: `${what} failed to run (${detail}); the check fails closed.`,
    components: [],
    nets: [],
    pins: [],
    suggestion: 'Report this as a bug; the design cannot be judged until every rule runs.',
  };
}

const key = (f: ErcFinding) => [f.rule_id, f.components.join(','), f.nets.join(','), f.pins.join(','), f.message];

/** Deterministic order: rule id, then components, nets, pins, message. */
export function sortFindings(findings: ErcFinding[]): ErcFinding[] {
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const d = cmp(ka[i]!, kb[i]!);
      if (d !== 0) return d;
    }
    return 0;
  });
}

function runRule(rule: ErcRule, nl: Netlist, design: Design): ErcFinding[] {
  try {
    const hits = rule.check(nl, design);
    if (!Array.isArray(hits)) throw new Error('the rule returned no list');
    return hits.map((h) => ({
      rule_id: rule.id,
      severity: rule.severity,
      category: rule.category,
      message: h.message,
      components: h.components ?? [],
      nets: h.nets ?? [],
      pins: h.pins ?? [],
      suggestion: h.suggestion,
    }));
  } catch (err) {
    return [internal(`Rule ${rule.id}`, err)];
  }
}

/**
 * Runs every rule on a design. Never throws for a design's content: violations and rule failures
 * are findings; a failing rule becomes an ERC_INTERNAL error so the run fails closed. Throws
 * INVALID_INPUT only when `design` is not a Design at all.
 */
export function runErc(design: Design, ctx: ErcContext = {}, rules: readonly ErcRule[] = ERC_RULES): ErcReport {
  const parsed = Design.safeParse(design);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`design is not valid: ${issue?.message ?? 'invalid'}`, (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p)));
  }
  let findings: ErcFinding[] = [];
  let rulesRun = 0;
  let nl: Netlist | null = null;
  try {
    nl = buildNetlist(parsed.data, ctx.lookupPart, ctx.footprintExists);
  } catch (err) {
    findings.push(internal('Building the netlist', err));
  }
  if (nl) {
    for (const rule of rules) {
      findings = findings.concat(runRule(rule, nl, parsed.data));
      rulesRun++;
    }
  }
  findings = sortFindings(findings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { ruleset_version: ERC_RULESET_VERSION, passed: counts.error === 0, findings, counts, rules_run: rulesRun };
}
