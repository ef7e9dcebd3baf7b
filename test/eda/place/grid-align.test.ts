import { describe, expect, it } from 'vitest';
import { placeComponents } from '../../../src/eda/place/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { buildBoardGeometry, routingGridOf } from '../../../src/eda/board/index.js';
import { makeDesign } from '../board/test-footprints.js';

/** Fine-pitch (0.4/0.5 mm) lands end up centred on routing-grid lines across their narrow side. */
describe('placement aligns fine-pitch lands to the routing grid', () => {
  for (const [footprint, pins] of [['RP2040-QFN-56', 56], ['LQFP-48', 48], ['QFN-32', 32]] as const) {
    it(footprint, () => {
      const pinMap = Object.fromEntries(Array.from({ length: pins }, (_, i) => [`P${i + 1}`, { name: `P${i + 1}`, type: 'passive', number: String(i + 1) }]));
      const design = makeDesign({
        board: { width_mm: 33.3, height_mm: 27.7, layers: 2, outline_mm: [[0.35, 0.15], [33.65, 0.15], [33.65, 27.85], [0.35, 27.85]] },
        components: {
          u1: { id: 'u1', ref: 'U1', type: 'ic', footprint, pins: pinMap },
          c1: { id: 'c1', ref: 'C1', type: 'cap', footprint: '0603' },
          c2: { id: 'c2', ref: 'C2', type: 'cap', footprint: '0402' },
        },
        nets: {
          a: { id: 'a', name: 'A', nodes: [{ component: 'u1', pin: 'P1' }, { component: 'c1', pin: '1' }] },
          b: { id: 'b', name: 'B', nodes: [{ component: 'u1', pin: 'P3' }, { component: 'c2', pin: '1' }] },
        },
      });
      const grid = routingGridOf(design.board);
      expect(grid).toEqual({ originX: 0.35, originY: 0.15, pitchMm: 0.1, bounds: { minX: 0.35, minY: 0.15, maxX: 33.65, maxY: 27.85 } });
      const res = placeComponents(design, resolveFootprint, { seed: 3, mapPins: mapPinsToPads });
      const placed = { ...design, placement: res.placement };
      const pads = buildBoardGeometry(placed, resolveFootprint, mapPinsToPads).pads.filter((p) => p.component === 'u1' && Math.min(...p.size) <= 0.45 && p.size[0] !== p.size[1]);
      expect(pads.length).toBe(pins);
      const onLine = (v: number, o: number) => Math.abs((v - o) / 0.1 - Math.round((v - o) / 0.1)) < 1e-5;
      for (const p of pads) {
        // BoardPad.size is before the pad's rotation; a quarter turn swaps the axes
        const quarter = Math.round(p.rotationDeg / 90) % 2 !== 0;
        const narrowAlongX = p.size[0] < p.size[1] !== quarter;
        expect(narrowAlongX ? onLine(p.center[0], grid.originX) : onLine(p.center[1], grid.originY), `${p.padNumber} at ${p.center}`).toBe(true);
      }
    });
  }
});
