import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { externalTool, inTempDir, runTool } from '../../../helpers/external-tool.js';
import { decodePngBinary, type BinaryImage } from './png.js';

/**
 * gerbv as an independent Gerber rasteriser. `requireGerbvOrSkip()` follows the kicad-cli helper:
 * skipped on a machine without gerbv, a failure in CI (`CI=true`, where .ci/run installs it).
 * Arguments go to execFile, never through a shell.
 */

const gerbv = externalTool('gerbv', ['--version'], 'see .ci/run');

export const gerbvAvailable = gerbv.available;
export const requireGerbvOrSkip = gerbv.requireOrSkip;

/** The picture frame, in mm of file coordinates (y up). */
export interface Frame {
  originXMm: number;
  originYMm: number;
  widthMm: number;
  heightMm: number;
  dpi: number;
}

// gerbv rejects long decimals in -O/-W ("Specified origin is not recognized"), so 4 places.
const inch = (mm: number): string => (mm / 25.4).toFixed(4);

/**
 * Renders one Gerber file to a thresholded bitmap: white on black, no antialiasing, no border,
 * lower-left corner and window fixed by `frame` so that two renders share one pixel grid.
 */
export async function renderGerber(text: string, frame: Frame, timeoutMs = 60_000): Promise<BinaryImage> {
  return inTempDir('zaptrace-gerbv-', { 'in.gbr': text }, async (dir) => {
    const args = [
      '-x', 'png',
      '-D', String(frame.dpi),
      '-B', '0',
      '-O', `${inch(frame.originXMm)}x${inch(frame.originYMm)}`,
      '-W', `${inch(frame.widthMm)}x${inch(frame.heightMm)}`,
      '-b', '#000000',
      '-f', '#FFFFFFFF',
      '-o', 'out.png',
      'in.gbr',
    ];
    const res = await runTool('gerbv', args, dir, timeoutMs);
    if (res.code !== 0) throw new Error(`gerbv exited ${res.code}: ${res.stderr.slice(0, 500)}`);
    return decodePngBinary(await readFile(path.join(dir, 'out.png')));
  });
}
