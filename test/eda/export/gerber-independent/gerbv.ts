import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodePngBinary, type BinaryImage } from './png.js';

/**
 * gerbv as an independent Gerber rasteriser. `requireGerbvOrSkip()` follows the kicad-cli helper:
 * skipped on a machine without gerbv, a failure in CI (`CI=true`, where .ci/run installs it).
 * Arguments go to execFile, never through a shell.
 */

let cached: boolean | undefined;

export function gerbvAvailable(): boolean {
  if (cached === undefined) {
    try {
      execFileSync('gerbv', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
      cached = true;
    } catch {
      cached = false;
    }
  }
  return cached;
}

export function requireGerbvOrSkip(): boolean {
  const has = gerbvAvailable();
  if (!has && process.env.CI === 'true') throw new Error('gerbv is required in CI (see .ci/run)');
  return has;
}

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
  const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-gerbv-'));
  try {
    await writeFile(path.join(dir, 'in.gbr'), text, 'utf8');
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
    await new Promise<void>((resolve, reject) => {
      execFile('gerbv', args, { cwd: dir, timeout: timeoutMs, env: { ...process.env, HOME: dir } }, (err) => (err ? reject(err) : resolve()));
    });
    return decodePngBinary(await readFile(path.join(dir, 'out.png')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
