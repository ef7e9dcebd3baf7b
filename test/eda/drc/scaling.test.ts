import { describe, expect, it } from 'vitest';
import { benchBoard } from '../../../bench/drc.js';
import { runDrc } from '../../../src/eda/drc/index.js';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import { Footprint } from '../../../src/eda/model/footprint.js';

const TP = Footprint.parse({ name: 'TP', family: 't', description: 'tp', pads: [{ number: '1', kind: 'smd', shape: 'circle', at: [0, 0], size: [0.6, 0.6] }], courtyard: [-0.35, -0.35, 0.35, 0.35], silkscreen: [], body: [-0.3, -0.3, 0.3, 0.3], source: 't' });
const resolve = (n: string) => (n === 'TP' ? TP : undefined);

describe('DRC scales through the spatial index', () => {
  it('checks a number of pairs linear in the track count, and finds a planted fault among 5k tracks', () => {
    const small = benchBoard(20, 50);
    const big = benchBoard(100, 50);
    const rs = runDrc(small, buildBoardGeometry(small, resolve));
    const rb = runDrc(big, buildBoardGeometry(big, resolve));
    expect(rs.counts.error).toBe(0);
    expect(rb.counts.error).toBe(0);
    expect(rb.stats.tracks).toBe(5000);
    const perTrackSmall = rs.stats.pairsChecked / rs.stats.tracks;
    const perTrackBig = rb.stats.pairsChecked / rb.stats.tracks;
    expect(perTrackBig).toBeLessThan(perTrackSmall * 1.2);
    // plant a diagonal track of net n0 across rows 40..42: it crosses the tracks of other nets
    big.routing.tracks.push({ net: 'n0', layer: 'F.Cu', start: [6.5, 5 + 40 * 0.8], end: [8.5, 5 + 42 * 0.8], width_mm: 0.2 });
    const planted = runDrc(big, buildBoardGeometry(big, resolve));
    const shorts = planted.findings.filter((f) => f.rule_id === 'DRC_SHORT');
    expect(shorts.map((f) => f.nets.sort().join('+')).sort()).toEqual(['NET0+NET40', 'NET0+NET41', 'NET0+NET42']);
    expect(planted.findings.filter((f) => f.rule_id === 'DRC_UNCONNECTED')).toHaveLength(1);
  });
});
