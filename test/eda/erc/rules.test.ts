import { describe, expect, it } from 'vitest';
import { ERC_RULES, runErc } from '../../../src/eda/erc/index.js';
import { RULE_CASES } from './cases.js';

const firing = (r: ReturnType<typeof runErc>, rule: string) => r.findings.filter((f) => f.rule_id === rule);

describe('every ERC rule fires on its planted violation and not on the clean variant', () => {
  it('has a case for every rule in the rule set', () => {
    expect(RULE_CASES.map((c) => c.rule).sort()).toEqual(ERC_RULES.map((r) => r.id).sort());
  });

  for (const c of RULE_CASES) {
    it(c.rule, () => {
      const bad = runErc(c.bad(), c.ctx ?? {});
      const good = runErc(c.good(), c.ctx ?? {});
      const hits = firing(bad, c.rule);
      expect(hits.length, `bad design should trigger ${c.rule}; got ${bad.findings.map((f) => f.rule_id).join(', ')}`).toBeGreaterThan(0);
      expect(firing(good, c.rule), `clean design should not trigger ${c.rule}`).toEqual([]);
      const rule = ERC_RULES.find((r) => r.id === c.rule)!;
      for (const h of hits) {
        expect(h.severity).toBe(rule.severity);
        expect(h.category).toBe(rule.category);
        expect(h.message.length).toBeGreaterThan(10);
        expect(h.suggestion.length).toBeGreaterThan(5);
      }
      expect(bad.passed).toBe(bad.counts.error === 0);
      expect(bad.findings.some((f) => f.rule_id === 'ERC_INTERNAL')).toBe(false);
      expect(good.findings.some((f) => f.rule_id === 'ERC_INTERNAL')).toBe(false);
    });
  }
});
