import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** architecture.md: kernel <- eda <- runtime <- tools <- surfaces <- main.ts; eda stays pure; surfaces never import each other. */
const SRC = resolve(process.cwd(), 'src');
const RANK: Record<string, number> = { kernel: 0, eda: 1, runtime: 2, tools: 3, surfaces: 4, 'main.ts': 5, 'compose.ts': 5 };
const EDA_FORBIDDEN = /^(koa|@koa\/|@modelcontextprotocol\/|rxjs|immer)/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

const layerOf = (absPath: string) => relative(SRC, absPath).split('/')[0]!.replace(/\.js$/, '.ts');

describe('layer import direction (architecture.md)', () => {
  const all = files(SRC);

  it('finds the source tree', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('imports only point down the layer order', () => {
    const bad: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if ((RANK[to] ?? 99) > (RANK[from] ?? -1)) bad.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps eda free of runtime libraries and the two surfaces apart', () => {
    const bad: string[] = [];
    for (const file of all) {
      const rel = relative(SRC, file);
      for (const spec of imports(file)) {
        if (rel.startsWith('eda/') && EDA_FORBIDDEN.test(spec)) bad.push(`${rel} -> ${spec}`);
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(file), spec));
        if (rel.startsWith('surfaces/mcp/') && target.startsWith('surfaces/rest/')) bad.push(`${rel} -> ${spec}`);
        if (rel.startsWith('surfaces/rest/') && target.startsWith('surfaces/mcp/')) bad.push(`${rel} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
