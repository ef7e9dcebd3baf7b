import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layerViolations } from './dependency-rules.js';

/** The layer rules of dependency-rules.ts over the real tree, and over a fixture that breaks each on purpose. */
describe('architecture rules (dependency-cruiser)', () => {
  it('src/ breaks none of them', async () => {
    expect(await layerViolations(process.cwd())).toEqual([]);
  }, 120_000);

  const fixture = mkdtempSync(join(tmpdir(), 'zt-layers-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(fixture, rel)), { recursive: true });
    writeFileSync(join(fixture, rel), text);
  };

  it('names the rule a wrong import breaks', async () => {
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true }, include: ['src'] }));
    write('src/runtime/session.ts', 'export const session = 1;\n');
    write('src/eda/checker.ts', "import { session } from '../runtime/session.js';\nexport const checked = session;\n");
    write('src/surfaces/rest/routes.ts', 'export const routes = 1;\n');
    write('src/surfaces/mcp/server.ts', "import { routes } from '../rest/routes.js';\nexport const server = routes;\n");
    write('src/kernel/a.ts', "import type { B } from './b.js';\nexport type A = { b?: B };\n");
    write('src/kernel/b.ts', "import type { A } from './a.js';\nexport type B = { a?: A };\n");
    const found = await layerViolations(fixture);
    expect(found).toContain('eda-imports-only-kernel: src/eda/checker.ts -> src/runtime/session.ts');
    expect(found).toContain('mcp-does-not-import-rest: src/surfaces/mcp/server.ts -> src/surfaces/rest/routes.ts');
    expect(found.some((v) => v.startsWith('no-cycles: src/kernel/a.ts -> src/kernel/b.ts'))).toBe(true);
    expect(found).toHaveLength(3);
  }, 120_000);
});
