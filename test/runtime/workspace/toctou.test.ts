/**
 * Time-of-check/time-of-use: symlinks planted between our checks and our writes. The test hooks
 * are seams inside the real write path (no mock): they run the attacker's move at the exact
 * moment named, then the real code carries on.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace, type WorkspaceTestHooks } from '../../../src/runtime/workspace/index.js';
import { expectNoHostPath, leftoverTemps, makeSandbox, rejectionOf, snapshotTree, type Sandbox } from './sandbox-helpers.js';

describe.each(['fd', 'path'] as const)('TOCTOU (%s strategy)', (strategy) => {
  let sandbox: Sandbox;
  let outsideBefore: string[];
  const hooks: WorkspaceTestHooks = {};
  let ws: Workspace;

  beforeEach(async () => {
    sandbox = makeSandbox();
    mkdirSync(sandbox.outside);
    writeFileSync(join(sandbox.outside, 'secret.txt'), 'outside secret\n');
    outsideBefore = snapshotTree(sandbox.outside);
    delete hooks.afterResolve;
    delete hooks.beforeCommit;
    delete hooks.beforeRename;
    ws = await createWorkspace(sandbox.root, { strategy, testHooks: hooks });
  });
  afterEach(() => sandbox.cleanup());

  /** The attacker: park the real directory and leave a symlink to `outside` in its place. */
  const swapParentForLink = (dirRel: string) => {
    const dir = join(ws.root, dirRel);
    renameSync(dir, `${dir}-parked`);
    symlinkSync(sandbox.outside, dir);
  };

  it('parent swapped for a symlink after resolve(): the write is refused', async () => {
    await ws.resolve('out/a.txt', 'write');
    swapParentForLink('out');
    const err = await rejectionOf(ws.writeAtomic('out/a.txt', 'pwned'));
    expect(err.details['reason']).toBe('symlink');
    expectNoHostPath(err, sandbox);
    expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
  });

  it('target replaced by a symlink after resolve(): the write is refused', async () => {
    await ws.resolve('out/a.txt', 'write');
    symlinkSync(join(sandbox.outside, 'secret.txt'), join(ws.root, 'out/a.txt'));
    const err = await rejectionOf(ws.writeAtomic('out/a.txt', 'pwned'));
    expect(err.details['reason']).toBe('symlink');
    expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
  });

  it('read target replaced by a symlink after resolve(): the read is refused', async () => {
    await ws.writeAtomic('in/a.txt', 'inside');
    await ws.resolve('in/a.txt', 'read');
    unlinkSync(join(ws.root, 'in/a.txt'));
    symlinkSync(join(sandbox.outside, 'secret.txt'), join(ws.root, 'in/a.txt'));
    const err = await rejectionOf(ws.readText('in/a.txt'));
    expect(err.details['reason']).toBe('symlink');
  });

  it.each(['afterResolve', 'beforeCommit', 'beforeRename'] as const)(
    'parent swapped at %s: nothing lands outside',
    async (stage) => {
      await ws.writeAtomic('out/keep.txt', 'keep');
      hooks[stage] = () => swapParentForLink('out');
      const err = await rejectionOf(ws.writeAtomic('out/a.txt', 'pwned'));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.details['reason']).toBe('race');
      expectNoHostPath(err, sandbox);
      expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
      // The write was abandoned, so the parked (real) directory holds only what it held.
      expect(existsSync(join(ws.root, 'out-parked/a.txt'))).toBe(false);
      if (strategy === 'fd') expect(leftoverTemps(ws.root)).toEqual([]);
    },
  );

  it('target replaced by a symlink before the final checks: refused', async () => {
    mkdirSync(join(ws.root, 'out'));
    hooks.beforeCommit = () => symlinkSync(join(sandbox.outside, 'secret.txt'), join(ws.root, 'out/a.txt'));
    const err = await rejectionOf(ws.writeAtomic('out/a.txt', 'pwned'));
    expect(err.details['reason']).toBe('symlink');
    expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
    expect(leftoverTemps(ws.root)).toEqual([]);
  });

  it('target replaced by a symlink right before rename: rename replaces the link, not its target', async () => {
    mkdirSync(join(ws.root, 'out'));
    hooks.beforeRename = () => symlinkSync(join(sandbox.outside, 'secret.txt'), join(ws.root, 'out/a.txt'));
    const result = await ws.writeAtomic('out/a.txt', 'mine');
    expect(result.path).toBe('out/a.txt');
    expect(lstatSync(join(ws.root, 'out/a.txt')).isFile()).toBe(true);
    expect(readFileSync(join(ws.root, 'out/a.txt'), 'utf8')).toBe('mine');
    expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
  });

  it('a racing attacker flipping the parent between a directory and a symlink never gets a byte outside', async () => {
    mkdirSync(join(ws.root, 'out'));
    let running = true;
    let flips = 0;
    const out = join(ws.root, 'out');
    const attacker = (async () => {
      while (running) {
        try {
          if (lstatSync(out).isSymbolicLink()) {
            unlinkSync(out);
            mkdirSync(out);
          } else {
            renameSync(out, join(ws.root, `parked-${flips}`));
            symlinkSync(sandbox.outside, out);
          }
          flips++;
        } catch {
          // the workspace may be mid-mkdir; try again
        }
        // Vary the dwell time so flips land in every phase of a write; the real directory is held
        // longer than the link so that some writes also complete.
        if (lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) {
          for (let spin = flips % 5; spin >= 0; spin--) await new Promise((resolve) => setImmediate(resolve));
        } else {
          await new Promise((resolve) => setTimeout(resolve, flips % 3 === 0 ? 0 : 8));
        }
      }
    })();
    const outcomes = { ok: 0, refused: 0 };
    const succeeded = new Set<string>();
    for (let i = 0; i < 150; i++) {
      try {
        await ws.writeAtomic(`out/f${i}.txt`, `payload ${i}`);
        outcomes.ok++;
        succeeded.add(`f${i}.txt`);
      } catch (err) {
        const reason = (err as { details?: Record<string, unknown> }).details?.['reason'];
        expect(['symlink', 'race', 'not_found']).toContain(reason);
        outcomes.refused++;
      }
    }
    running = false;
    await attacker;
    expect(flips).toBeGreaterThan(10);
    expect(outcomes.ok + outcomes.refused).toBe(150);
    if (strategy === 'fd') {
      // Pinned descriptors: not even an empty temp file appears outside, and none is left inside.
      expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
      expect(leftoverTemps(ws.root)).toEqual([]);
    } else {
      // Plain paths cannot close the window between a check and an open: a temp may be created
      // through the link and survive if the link flips back before its removal. It is emptied
      // through its descriptor, so no payload byte stays outside.
      const extra = snapshotTree(sandbox.outside).filter((line) => !outsideBefore.includes(line));
      for (const line of extra) expect(line).toMatch(/^\.zt-tmp-[0-9a-f]+ file 0 /);
    }
    // Every reported success is a complete file somewhere inside the root (maybe in a parked
    // directory the attacker moved away afterwards); fd refusals leave nothing behind at all.
    const withPayload = snapshotTree(ws.root)
      .map((line) => /(?:^|\/)(f\d+\.txt) file (\d+) /.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && m[2] !== '0')
      .map((m) => m[1]!);
    if (strategy === 'fd') expect(new Set(withPayload)).toEqual(succeeded);
    for (const name of succeeded) expect(withPayload).toContain(name);
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
