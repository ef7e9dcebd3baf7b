import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MANIFEST_FILE } from './manifest.js';

const MAX_FILES = 500;

/**
 * Every file of a plugin folder but its manifest (relative, '/'-separated, sorted): what the
 * signature must pin (docs/plugins.md, "The manifest"). A symbolic link or special file, or more
 * than 500 files, is refused through `refuse` (a link could point the signed name at other bytes).
 */
export function pluginFileList(root: string, refuse: (why: string) => never = (why) => { throw new Error(why); }): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isSymbolicLink()) refuse(`${rel} is a symbolic link; a plugin folder holds only regular files`);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(rel);
      else refuse(`${rel} is not a regular file`);
      if (out.length > MAX_FILES) refuse(`more than ${MAX_FILES} files`);
    }
  };
  walk(root);
  return out.filter((f) => f !== MANIFEST_FILE).sort();
}
