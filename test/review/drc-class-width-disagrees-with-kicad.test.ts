import { describe, expect, it } from 'vitest';
import { runDrc } from '../../src/eda/drc/index.js';
import { writeKicadPcb, writeKicadPro } from '../../src/eda/export/kicad/index.js';
import { requireKicadOrSkip, runKicadDrc } from '../helpers/kicad-cli.js';
import { geometryOf, twoResistors } from '../eda/drc/fixtures.js';
import type { Design } from '../../src/eda/model/design.js';

/**
 * Defect: DRC_TRACK_WIDTH for net classes (src/eda/drc/class-widths.ts, 1c18a91) makes a class's
 * track width a hard minimum, while KiCad treats a net class width as the width new tracks are drawn
 * with, the minimum being the board's (Board Setup, Constraints). A board whose own class (as a KiCad
 * project carries it, and as writeKicadPro exports it in net_settings) says 0.5 mm, routed with a
 * 0.3 mm track above the 0.15 mm board minimum, passes kicad-cli 9 `pcb drc` (exit 0, no violation)
 * but fails ours: an imported KiCad board that KiCad accepts is refused, and docs/drc.md's mapping of
 * DRC_TRACK_WIDTH to KiCad `track_width` (with "agreement measured", test/eda/drc/kicad-agreement)
 * no longer holds. Fix: export the class minimum as a .kicad_dru rule so both agree, or enforce only
 * classes ZapTrace recorded itself (board_classify_nets), not imported ones.
 */
const hasKicad = requireKicadOrSkip();

function classed(): Design {
  const d = twoResistors({ tracks: [{ net: 'sig', layer: 'F.Cu', start: [10.8, 10], end: [19.2, 10], width_mm: 0.3 }] });
  d.net_classes = { Power: { track_width_mm: 0.5, clearance_mm: 0.2, via_diameter_mm: 0.6, via_drill_mm: 0.3, nets: ['SIG'] } };
  return d;
}

describe.runIf(hasKicad)('review: net-class track width, ours against kicad-cli', () => {
  it('control: the exported project carries the class, kicad-cli passes the board, ours reports DRC_TRACK_WIDTH', { timeout: 180_000 }, async () => {
    const d = classed();
    const g = geometryOf(d);
    expect(runDrc(d, g).findings.filter((f) => f.severity === 'error').map((f) => f.rule_id)).toEqual(['DRC_TRACK_WIDTH']);
    const k = await runKicadDrc(writeKicadPcb(d, g), writeKicadPro(d));
    expect(writeKicadPro(d)).toContain('Power');
    expect(k.exitCode).toBe(0);
  });
  // Defect: ours fails a board kicad-cli passes: the class width is enforced as a minimum (class-widths.ts) though KiCad does not.
  it.fails('ours and kicad-cli agree on a 0.3 mm track in a 0.5 mm class', { timeout: 180_000 }, async () => {
    const d = classed();
    const g = geometryOf(d);
    const ours = runDrc(d, g).findings.filter((f) => f.severity === 'error').map((f) => f.rule_id);
    const k = await runKicadDrc(writeKicadPcb(d, g), writeKicadPro(d));
    expect(ours.length > 0).toBe(k.exitCode !== 0);
  });
});
