import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDesignText } from '../src/eda/parse/index.js';
import { placeComponents } from '../src/eda/place/index.js';
import { routeNets } from '../src/eda/route/index.js';
import { mapPinsToPads, resolveFootprint } from '../src/eda/footprints/index.js';
import { loadLibrary } from '../src/eda/library/index.js';
import { deterministicZip } from '../src/tools/export-tools.js';
import { bundleArtifacts } from '../src/tools/artifact-builders.js';
import type { Services } from '../src/tools/services.js';

/** Whole manufacturing bundle (KiCad, Gerber, drill, PnP, BOM, README, ZIP) for the ESP32 corpus board. Goal < 200 ms. */
export async function benchExports(): Promise<Record<string, number | string>> {
  const text = readFileSync(resolve(process.cwd(), '../shared/corpus/zaptrace/designs/esp32_i2c_sensor_node.yaml'), 'utf8');
  const parsed = parseDesignText(text).design;
  const placed = { ...parsed, placement: placeComponents(parsed, resolveFootprint, { seed: 1, mapPins: mapPinsToPads }).placement };
  const routed = routeNets(placed, resolveFootprint, { seed: 1, mapPins: mapPinsToPads });
  const design = { ...placed, routing: { tracks: routed.tracks, vias: routed.vias } };
  const services = { library: loadLibrary(), resolveFootprint, mapPins: mapPinsToPads } as unknown as Services;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const zip = deterministicZip(bundleArtifacts(design, services, 'esp32'));
    times.push(performance.now() - t0);
    bytes = zip.byteLength;
  }
  times.sort((a, b) => a - b);
  return {
    'esp32 board: tracks / vias': `${design.routing.tracks.length} / ${design.routing.vias.length}`,
    'esp32 routed connections': `${routed.completion.routed}/${routed.completion.total}`,
    'bundle_ms p50 (goal < 200)': Number(times[7]!.toFixed(1)),
    'bundle_ms max': Number(times[14]!.toFixed(1)),
    'zip_bytes': bytes,
  };
}
