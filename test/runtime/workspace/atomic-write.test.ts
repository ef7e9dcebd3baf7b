import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace, type WorkspaceTestHooks } from '../../../src/runtime/workspace/index.js';
import { leftoverTemps, makeSandbox, rejectionOf, snapshotTree, type Sandbox } from './sandbox-helpers.js';

describe.each(['fd', 'path'] as const)('atomic writes (%s strategy)', (strategy) => {
  let sandbox: Sandbox;
  let ws: Workspace;
  const hooks: WorkspaceTestHooks = {};

  beforeEach(async () => {
    sandbox = makeSandbox();
    delete hooks.afterResolve;
    delete hooks.beforeCommit;
    delete hooks.beforeRename;
    ws = await createWorkspace(sandbox.root, { strategy, testHooks: hooks });
  });
  afterEach(() => sandbox.cleanup());

  it('replaces an existing file with a new inode (old hard links keep the old bytes)', async () => {
    await ws.writeAtomic('out/board.kicad_pcb', 'version 1');
    const target = join(ws.root, 'out/board.kicad_pcb');
    const before = statSync(target).ino;
    linkSync(target, join(sandbox.base, 'old-version'));
    const result = await ws.writeAtomic('out/board.kicad_pcb', 'version 2, longer');
    expect(readFileSync(target, 'utf8')).toBe('version 2, longer');
    expect(statSync(target).ino).not.toBe(before);
    expect(readFileSync(join(sandbox.base, 'old-version'), 'utf8')).toBe('version 1');
    expect(result).toEqual({
      path: 'out/board.kicad_pcb',
      bytes: 17,
      sha256: createHash('sha256').update('version 2, longer').digest('hex'),
    });
    expect(leftoverTemps(ws.root)).toEqual([]);
  });

  it('readers polling during rewrites only ever see a complete version', async () => {
    const size = 256 * 1024;
    const target = join(ws.root, 'big.bin');
    await ws.writeAtomic('big.bin', new Uint8Array(size).fill(1));
    let reading = true;
    let reads = 0;
    const torn: string[] = [];
    const reader = (async () => {
      while (reading) {
        const seen = readFileSync(target);
        reads++;
        const uniform = Buffer.alloc(size, seen[0] ?? 0);
        if (!seen.equals(uniform)) torn.push(`len ${seen.length}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let version = 2; version < 30; version++) {
      await ws.writeAtomic('big.bin', new Uint8Array(size).fill(version));
    }
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(20);
    expect(torn).toEqual([]);
    expect(readFileSync(target)[0]).toBe(29);
  });

  it('creates files with mode 0644 whatever the previous mode', async () => {
    writeFileSync(join(ws.root, 'secret-mode.txt'), 'x', { mode: 0o600 });
    await ws.writeAtomic('secret-mode.txt', 'y');
    expect(statSync(join(ws.root, 'secret-mode.txt')).mode & 0o777).toBe(0o644);
  });

  it('writeFiles writes a whole batch', async () => {
    const files = [
      { name: 'top.gbr', data: 'G04 top*' },
      { name: 'bottom.gbr', data: new TextEncoder().encode('G04 bottom*') },
      { name: 'drill.drl', data: 'M48' },
    ];
    const results = await ws.writeFiles('gerbers/', files);
    expect(results.map((r) => r.path)).toEqual(['gerbers/top.gbr', 'gerbers/bottom.gbr', 'gerbers/drill.drl']);
    expect(readFileSync(join(ws.root, 'gerbers/bottom.gbr'), 'utf8')).toBe('G04 bottom*');
    expect(results[1]!.sha256).toBe(createHash('sha256').update('G04 bottom*').digest('hex'));
    const root = await ws.writeFiles('', [{ name: 'README.txt', data: 'hi' }]);
    expect(root[0]!.path).toBe('README.txt');
    expect(leftoverTemps(ws.root)).toEqual([]);
  });

  it('writeFiles refuses the whole batch when one target is a symlink, before renaming any', async () => {
    await ws.writeFiles('bundle', [{ name: 'a.gbr', data: 'old a' }]);
    mkdirSync(sandbox.outside);
    symlinkSync(join(sandbox.outside, 'b.gbr'), join(ws.root, 'bundle/b.gbr'));
    const before = snapshotTree(ws.root);
    const err = await rejectionOf(
      ws.writeFiles('bundle', [
        { name: 'a.gbr', data: 'new a' },
        { name: 'b.gbr', data: 'new b' },
      ]),
    );
    expect(err.details['reason']).toBe('symlink');
    expect(snapshotTree(ws.root)).toEqual(before);
    expect(snapshotTree(sandbox.outside)).toEqual([]);
  });

  it('writeFiles rolls back renamed files when a later rename fails', async () => {
    await ws.writeFiles('bundle', [{ name: 'a.gbr', data: 'old a' }]);
    const before = snapshotTree(ws.root);
    // Between the last check and the renames, `c.gbr` becomes a non-empty directory, so the
    // third rename fails after the first two succeeded.
    hooks.beforeRename = () => {
      mkdirSync(join(ws.root, 'bundle/c.gbr'));
      writeFileSync(join(ws.root, 'bundle/c.gbr/blocker'), 'x');
    };
    const err = await rejectionOf(
      ws.writeFiles('bundle', [
        { name: 'a.gbr', data: 'new a' },
        { name: 'b.gbr', data: 'new b' },
        { name: 'c.gbr', data: 'new c' },
      ]),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.details['reason']).toBe('directory');
    const after = snapshotTree(ws.root).filter((line) => !line.startsWith('bundle/c.gbr'));
    expect(after).toEqual(before);
    expect(readFileSync(join(ws.root, 'bundle/a.gbr'), 'utf8')).toBe('old a');
  });

  it('a failed single write leaves the previous file intact', async () => {
    await ws.writeAtomic('keep/a.txt', 'previous');
    hooks.beforeRename = () => {
      throw new Error('disk on fire');
    };
    const err = await rejectionOf(ws.writeAtomic('keep/a.txt', 'next'));
    expect(err.code).toBe('INTERNAL_ERROR');
    expect(err.message).not.toContain(sandbox.base);
    expect(readFileSync(join(ws.root, 'keep/a.txt'), 'utf8')).toBe('previous');
    expect(leftoverTemps(ws.root)).toEqual([]);
  });
});
