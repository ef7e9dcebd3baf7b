import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findingKey, runCorpus } from '../../../src/eda/erc/corpus-report.js';

interface Judgments {
  rules: Record<string, { verdict: string }>;
  findings: { key: string; verdict: string }[];
}

describe('ERC over the ZapTrace corpus (17 designs, shipped library, footprint resolver)', () => {
  const results = runCorpus();
  const j = parseYaml(readFileSync(path.resolve(process.cwd(), 'fixtures/erc/corpus-judgments.yaml'), 'utf8')) as Judgments;

  it('runs every rule on all 17 designs without an internal failure', () => {
    expect(results).toHaveLength(17);
    for (const { name, report } of results) {
      expect(report.findings.filter((f) => f.rule_id === 'ERC_INTERNAL'), name).toEqual([]);
      expect(report.passed, name).toBe(report.counts.error === 0);
    }
  });

  it('has an engineer’s verdict for every finding (docs/reports/erc-corpus.md stays complete)', () => {
    const missing: string[] = [];
    for (const { name, report } of results)
      for (const f of report.findings) {
        const key = findingKey(name, f);
        if (!j.findings.some((x) => x.key === key) && !j.rules[f.rule_id]) missing.push(key);
      }
    expect(missing).toEqual([]);
  });

  it('passes the finished example board (esp32_i2c_sensor_node) with warnings only', () => {
    const r = results.find((x) => x.name === 'esp32_i2c_sensor_node.yaml')!.report;
    expect(r.passed).toBe(true);
    expect(r.findings.map((f) => f.rule_id)).toEqual(['usb-c.cc-missing']);
  });
});
