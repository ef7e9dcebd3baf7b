import { describe, expect, it } from 'vitest';
import { mapPinsToPads, resolveFootprint } from '../../../../src/eda/footprints/index.js';
import { exportForKicad, runLayout } from '../../../../src/eda/place/layout-run.js';
import { planReferenceTexts, textBox } from '../../../../src/eda/export/kicad/silk-text.js';
import { boardOutline } from '../../../../src/eda/model/design.js';
import { rectsOverlap, rotatedRectBounds } from '../../../../src/eda/board/index.js';
import { requireKicadOrSkip } from '../../../helpers/kicad-cli.js';
import { corpusCases, silkFigures } from './silk-corpus.js';

/**
 * Reference designators on silk, values on fab, and no silk text over copper, over another
 * part's silk or across the edge (docs/drc.md, "Silkscreen text"). The boards are corpus
 * designs placed and routed by our pipeline — the ones whose fixed above-the-courtyard reference
 * used to collide. kicad-cli is the oracle; without it the kicad part is skipped, in CI
 * (CI=true) a missing kicad-cli fails.
 */
const hasKicad = requireKicadOrSkip();

const NAMES = ['esp32_i2c_sensor_node.yaml', 'templates/attiny85_io.yaml', 'templates/esp32_lora_gateway.yaml', 'templates/rp2040_usb_hid.yaml', 'correctness-placement-routing-corpus#decoupling-proximity+lib'];
const cases = corpusCases().filter((c) => NAMES.includes(c.name));

describe('silkscreen text on exported corpus boards', () => {
  it('finds the chosen corpus boards', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...NAMES].sort());
  });

  it('puts every reference on silk clear of pads and of the other references', () => {
    for (const c of cases) {
      const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
      const plan = planReferenceTexts(run.geometry, boardOutline(run.design.board));
      expect(plan.fab, c.name).toEqual([]);
      expect(plan.byComponent.size, c.name).toBe(run.geometry.footprints.length);
      const boxes = run.geometry.footprints.map((f) => {
        const t = plan.byComponent.get(f.component)!;
        expect(t.sizeMm).toBeGreaterThanOrEqual(0.8);
        return { ref: f.ref, side: f.placement.side, box: textBox(f.ref, t.at, t.angleDeg, t.sizeMm, t.thicknessMm) };
      });
      for (const b of boxes) {
        for (const pad of run.geometry.pads) {
          const sameSide = pad.kind !== 'smd' || pad.layers.includes(b.side === 'bottom' ? 'B.Cu' : 'F.Cu');
          if (sameSide) expect(rectsOverlap(b.box, rotatedRectBounds(pad.center, pad.size, pad.rotationDeg)), `${c.name}: ${b.ref} over ${pad.ref}.${pad.padNumber}`).toBe(false);
        }
        for (const o of boxes) if (o !== b && o.side === b.side) expect(rectsOverlap(b.box, o.box), `${c.name}: ${b.ref} over ${o.ref}`).toBe(false);
      }
      // The file says the same: Reference on the silk layer of its side, Value on fab.
      const text = exportForKicad(run).board;
      const n = run.geometry.footprints.length;
      expect(text.match(/\(footprint "/g)?.length, c.name).toBe(n);
      expect(text.match(/\(property "Reference" "[^"]*"\s*\(at [^)]*\)\s*\(layer "[FB]\.SilkS"\)/g)?.length, c.name).toBe(n);
      expect(text.match(/\(property "Value" "[^"]*"\s*\(at [^)]*\)\s*\(layer "[FB]\.Fab"\)/g)?.length, c.name).toBe(n);
    }
  });

  describe.runIf(hasKicad)('kicad-cli pcb drc', () => {
    it('reports no silk_overlap, silk_over_copper or silk_edge_clearance', async () => {
      for (const c of cases) {
        const row = await silkFigures(c);
        expect(row.loaded, c.name).toBe(true);
        expect(row.details, c.name).toEqual([]);
      }
    }, 300_000);
  });
});
