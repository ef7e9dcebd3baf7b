import { beforeAll, describe, expect, it } from 'vitest';
import { netLabels } from '../../../../src/eda/export/kicad-sch/index.js';
import { loadCorpusDesigns } from '../../../../src/eda/erc/corpus-report.js';
import { loadLibrary } from '../../../../src/eda/library/index.js';
import { buildNetlist } from '../../../../src/eda/erc/netlist.js';
import { padNumberOf } from '../../../../src/eda/model/design.js';
import { requireKicadOrSkip } from './kicad-erc.js';
import { runSchCorpus, type CorpusRow } from './corpus.js';

/**
 * The 17 corpus designs through writeKicadSch and KiCad 9 (docs/schematic.md, "Corpus"): every
 * file loads, KiCad's netlist equals our connectivity, and every error KiCad's ERC raises is one
 * our ERC raises too (KiCad's label_dangling / pin_not_driven on a one-pin net is our
 * net.single-node warning; power_pin_not_driven is our power.not-driven).
 */
const hasKicad = requireKicadOrSkip();

describe.runIf(hasKicad)('schematic export over the ZapTrace corpus, judged by kicad-cli', () => {
  let rows: CorpusRow[] = [];
  const designs = new Map(loadCorpusDesigns().map((d) => [d.name, d.design]));
  const library = loadLibrary();

  beforeAll(async () => {
    rows = await runSchCorpus();
  }, 600_000);

  it('writes and loads all 17 designs', () => {
    expect(rows).toHaveLength(17);
    for (const r of rows) {
      expect(r.loaded, r.name).toBe(true);
      expect(r.exitCode, r.name).not.toBe(3);
    }
  });

  it('KiCad sees exactly our nets: same members per net name, nothing merged or lost', () => {
    let compared = 0;
    for (const r of rows) {
      const design = designs.get(r.name)!;
      const labels = netLabels(design);
      const want = new Map<string, string[]>();
      for (const net of buildNetlist(design, library.lookup).nets) {
        if (net.pins.length === 0) continue;
        const nodes = net.pins.map((p) => `${p.comp.ref}.${p.comp.component.pins[p.name] ? padNumberOf(p.comp.component.pins[p.name]!) : p.name}`);
        want.set(labels.get(net.id)!, nodes.sort());
      }
      expect(r.kicadNets, r.name).toEqual(want);
      compared += want.size;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('raises no KiCad error that our ERC does not raise as well', () => {
    const known = new Set(['label_dangling', 'pin_not_driven', 'power_pin_not_driven']);
    for (const r of rows) {
      const design = designs.get(r.name)!;
      const labelToNet = new Map([...netLabels(design)].map(([id, label]) => [label, design.nets[id]!.name]));
      const ours = r.ours.findings;
      for (const v of r.kicadErrors) {
        expect(known.has(v.type), `${r.name}: ${v.type}`).toBe(true);
        const item = v.items[0]?.description ?? '';
        if (v.type === 'label_dangling') {
          const label = /Label '([^']*)'/.exec(item)?.[1] ?? '';
          const net = labelToNet.get(label);
          expect(ours.some((f) => f.rule_id === 'net.single-node' && f.nets.includes(net ?? '')), `${r.name}: ${item}`).toBe(true);
        } else {
          const m = /Symbol (\S+) Pin (\S+)/.exec(item);
          const key = m ? `${m[1]}.${m[2]}` : '';
          const rules = v.type === 'power_pin_not_driven' ? ['power.not-driven'] : ['net.single-node', 'net.undriven-input'];
          expect(ours.some((f) => rules.includes(f.rule_id) && f.pins.includes(key)), `${r.name}: ${item}`).toBe(true);
        }
      }
    }
  });

  it('is ERC-clean in KiCad for every design where our ERC finds no one-pin net and no unsupplied rail', () => {
    let clean = 0;
    for (const r of rows) {
      const oursFlags = r.ours.findings.some((f) => f.rule_id === 'net.single-node' || f.rule_id === 'power.not-driven');
      if (!oursFlags) {
        expect(r.kicadErrors.map((v) => v.type), r.name).toEqual([]);
        clean++;
      }
    }
    expect(clean).toBeGreaterThanOrEqual(7);
  });
});
