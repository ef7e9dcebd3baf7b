import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDesignText } from '../../../../src/eda/parse/index.js';
import { placeComponents } from '../../../../src/eda/place/index.js';
import { routeNets } from '../../../../src/eda/route/index.js';
import { buildBoardGeometry, type BoardGeometry } from '../../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../../src/eda/footprints/index.js';
import { writeGerbers, type GerberFile } from '../../../../src/eda/export/gerber/index.js';
import { writeExcellon, type DrillFile } from '../../../../src/eda/export/excellon/index.js';
import type { Design } from '../../../../src/eda/model/design.js';
import { fabFixture } from '../fab/fixture.js';

/**
 * The boards the independent readers check: each design text parsed, placed and routed by our own
 * pipeline (seed 1), then written as Gerber and Excellon. Built once per test file.
 */

export interface BuiltBoard {
  label: string;
  design: Design;
  geometry: BoardGeometry;
  gerbers: GerberFile[];
  drills: DrillFile[];
  /** Router completion for pipeline boards; null for a hand-routed fixture. */
  routeComplete: boolean | null;
}

export const BOARD_SOURCES: { label: string; file: string }[] = [
  { label: 'tiny-led', file: path.resolve(process.cwd(), 'fixtures/designs/tiny-led.yaml') },
  { label: 'esp32_ble_node', file: path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs/templates/esp32_ble_node.yaml') },
];

export function buildBoard(label: string, file: string): BuiltBoard {
  const { design } = parseDesignText(readFileSync(file, 'utf8'));
  const placed: Design = { ...design, placement: placeComponents(design, resolveFootprint, { seed: 1, mapPins: mapPinsToPads }).placement, routing: { tracks: [], vias: [] } };
  const routed = routeNets(placed, resolveFootprint, { seed: 1, mapPins: mapPinsToPads });
  const final: Design = { ...placed, routing: { tracks: routed.tracks, vias: routed.vias } };
  const geometry = buildBoardGeometry(final, resolveFootprint, mapPinsToPads);
  return {
    label,
    design: final,
    geometry,
    gerbers: writeGerbers(final, geometry),
    drills: writeExcellon(final, geometry),
    routeComplete: routed.completion.complete,
  };
}

let cache: BuiltBoard[] | undefined;
export function builtBoards(): BuiltBoard[] {
  cache ??= BOARD_SOURCES.map((s) => buildBoard(s.label, s.file));
  return cache;
}

/**
 * The hand-routed fab fixture of test/eda/export/fab (bottom-side part, pads at 45°/30° and
 * roundrect → aperture macros, slotted USB-C holes, an unplated hole, hostile net name).
 */
export function fabFixtureBoard(): BuiltBoard {
  const { design, geometry } = fabFixture();
  return { label: 'fab-fixture', design, geometry, gerbers: writeGerbers(design, geometry), drills: writeExcellon(design, geometry), routeComplete: null };
}

/** The file whose name ends with `-<layer>.gbr` (`F_Cu`, `Edge_Cuts`, ...). */
export function gerberOf(board: Pick<BuiltBoard, 'label' | 'gerbers'>, layer: string): GerberFile {
  const f = board.gerbers.find((g) => g.name.endsWith(`-${layer}.gbr`));
  if (!f) throw new Error(`${board.label}: no ${layer} Gerber`);
  return f;
}
