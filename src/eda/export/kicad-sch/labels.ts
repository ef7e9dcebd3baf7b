import type { Design } from '../../model/design.js';
import { kicadNets, labelSafe } from '../kicad/nets.js';

export { labelSafe };

/**
 * Net id → label text: exactly the board file's net name (`kicadNets`, which already makes names
 * safe as label text and unique), so schematic and board agree net by net.
 */
export function netLabels(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, kn] of kicadNets(design)) out.set(id, kn.name);
  return out;
}
