import { describe, expect, it } from 'vitest';
import { requireKicadOrSkip } from '../../../helpers/kicad-cli.js';
import { corpusBoards, designFaults, parityKeys, runParity, synthesizedBoards, SYNTH_INTENTS } from './parity.js';

/**
 * `kicad-cli pcb drc --schematic-parity` on the project our export tools write (.kicad_pcb,
 * .kicad_sch and .kicad_pro from `kicadArtifacts`), for every corpus design and for synthesized
 * boards: KiCad must find the schematic and the board identical, except for pins the design puts
 * on no pad, which are faults of the design (our geometry reports them as unmapped pins) and must
 * show up in KiCad's report too. Skipped without kicad-cli; in CI (CI=true) a missing kicad-cli
 * fails the suite.
 */
const hasKicad = requireKicadOrSkip();

describe.runIf(hasKicad)('schematic ↔ board parity in KiCad 9', () => {
  for (const { name, design } of corpusBoards()) {
    it(`corpus ${name}: KiCad reports exactly the design's own faults (usually none)`, async () => {
      const row = await runParity(name, design, { erc: false });
      expect(row.loaded).toBe(true);
      expect(parityKeys(row)).toEqual(designFaults(design));
    }, 120_000);
  }

  // Synthesized boards carry no design faults: every one must be parity-clean.
  for (const { name, design } of synthesizedBoards(SYNTH_INTENTS.slice(0, 6))) {
    it(`${name}: 0 parity issues`, async () => {
      expect(designFaults(design)).toEqual([]);
      const row = await runParity(name, design, { erc: false });
      expect(row.loaded).toBe(true);
      expect(row.parity.map((p) => `${p.type}: ${p.description} ${p.items.join(' | ')}`)).toEqual([]);
    }, 120_000);
  }

  it('a planted mismatch is caught: a pin moved to a pad its footprint lacks', async () => {
    const design = synthesizedBoards(SYNTH_INTENTS.slice(0, 1))[0]!.design;
    const net = Object.values(design.nets).find((n) => n.nodes.length >= 2)!;
    const node = net.nodes[0]!;
    const comp = design.components[node.component]!;
    const broken = {
      ...design,
      components: { ...design.components, [comp.id]: { ...comp, pins: { ...comp.pins, [node.pin]: { ...comp.pins[node.pin]!, name: node.pin, number: '99' } } } },
    };
    const row = await runParity('planted', broken, { erc: false });
    expect(parityKeys(row)).toEqual([`${comp.ref}:99`]);
    expect(designFaults(broken)).toEqual([`${comp.ref}:99`]);
  }, 120_000);
});
