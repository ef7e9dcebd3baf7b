import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_3D_DIR = '/usr/share/kicad/3dmodels';

let cache: { dir: string; mtimeMs: number; models: Map<string, string> } | null = null;

/**
 * The KiCad 3D model library on this server: KiCad 9 reads it from KICAD9_3DMODEL_DIR, which the
 * Debian packages point at /usr/share/kicad/3dmodels (kicad-packages3d). Models sit in
 * `<Library>.3dshapes/<footprint name>.{step,wrl}` (KiCad library conventions, KLC M1).
 * Returns model base names → "Library.3dshapes/file", or null when no library is installed.
 */
export function kicad3dModels(dir = process.env['KICAD9_3DMODEL_DIR'] || DEFAULT_3D_DIR): Map<string, string> | null {
  let mtimeMs: number;
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) return null;
    mtimeMs = st.mtimeMs;
  } catch {
    return null;
  }
  if (cache && cache.dir === dir && cache.mtimeMs === mtimeMs) return cache.models;
  const models = new Map<string, string>();
  for (const lib of readdirSync(dir, { withFileTypes: true })) {
    if (!lib.isDirectory() || !lib.name.endsWith('.3dshapes')) continue;
    for (const f of readdirSync(join(dir, lib.name))) {
      const m = /^(.+)\.(step|stp|wrl)$/i.exec(f);
      if (m && !models.has(m[1]!)) models.set(m[1]!, `${lib.name}/${f}`);
    }
  }
  cache = { dir, mtimeMs, models };
  return models;
}
