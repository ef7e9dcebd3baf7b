import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, validateRelPath, type Workspace } from '../../../src/runtime/workspace/index.js';
import { HOSTILE_PATHS, setupSymlinkCases, SYMLINK_CASES } from '../../fixtures/hostile-paths.js';
import { expectNoHostPath, leftoverTemps, makeSandbox, rejectionOf, snapshotTree, type Sandbox } from './sandbox-helpers.js';

describe.each(['fd', 'path'] as const)('workspace sandbox (%s strategy)', (strategy) => {
  let sandbox: Sandbox;
  let ws: Workspace;
  let outsideBefore: string[];
  let socketServer: Server;

  beforeAll(async () => {
    sandbox = makeSandbox();
    ws = await createWorkspace(sandbox.root, { strategy });
    setupSymlinkCases(ws.root, sandbox.outside);
    // Special files inside the root: a FIFO, a unix socket and a directory.
    mkdirSync(join(ws.root, 'special/dir'), { recursive: true });
    execFileSync('mkfifo', [join(ws.root, 'special/fifo')]);
    socketServer = createServer();
    await new Promise<void>((done) => socketServer.listen(join(ws.root, 'special/sock'), done));
    // An in-root link, which reads may follow (writes may not).
    mkdirSync(join(ws.root, 'data'), { recursive: true });
    writeFileSync(join(ws.root, 'data/inside.txt'), 'inside\n');
    symlinkSync('data', join(ws.root, 'data-link'));
    symlinkSync(join(ws.root, 'data/inside.txt'), join(ws.root, 'abs-inside-link.txt'));
    outsideBefore = snapshotTree(sandbox.outside);
  });

  afterAll(async () => {
    await new Promise<void>((done) => socketServer.close(() => done()));
    sandbox.cleanup();
  });

  it('uses the requested strategy and a real root', () => {
    expect(ws.strategy).toBe(strategy);
    expect(ws.root).toBe(sandbox.root);
  });

  it('rejects every hostile path for read, write, resolve and exists with structured INVALID_INPUT', async () => {
    const rootBefore = snapshotTree(ws.root);
    for (const hostile of HOSTILE_PATHS) {
      const attempts = [
        ws.readText(hostile.path),
        ws.readBytes(hostile.path),
        ws.writeAtomic(hostile.path, 'pwned'),
        ws.resolve(hostile.path, 'write'),
        ws.writeFiles('safe-dir', [{ name: hostile.path, data: 'pwned' }]),
      ];
      for (const attempt of attempts) {
        const err = await rejectionOf(attempt);
        expect(err.code, hostile.why).toBe('INVALID_INPUT');
        expect(typeof err.details['reason']).toBe('string');
        expect(err.details['path']).toMatch(/^(path|files\.0\.name)$/);
        expectNoHostPath(err, sandbox);
      }
    }
    // As a directory (list, exists, resolve-read, writeFiles), `''`, `.`, `./` and `out/` are fine;
    // every other entry is refused there too.
    const hostileDirs = HOSTILE_PATHS.filter((h) => {
      try {
        validateRelPath(h.path, { kind: 'dir' });
        return false;
      } catch {
        return true;
      }
    });
    expect(hostileDirs.length).toBeGreaterThan(HOSTILE_PATHS.length - 5);
    for (const hostile of hostileDirs) {
      const attempts = [
        ws.list(hostile.path),
        ws.exists(hostile.path),
        ws.resolve(hostile.path, 'read'),
        ws.writeFiles(hostile.path, [{ name: 'a.txt', data: 'x' }]),
      ];
      for (const attempt of attempts) {
        const err = await rejectionOf(attempt);
        expect(err.code, hostile.why).toBe('INVALID_INPUT');
        expectNoHostPath(err, sandbox);
      }
    }
    // Rejected before any I/O: not even the writeFiles directory was created.
    expect(snapshotTree(ws.root)).toEqual(rootBefore);
    expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
  });

  it('uses the caller-supplied field name', async () => {
    const err = await rejectionOf(ws.writeAtomic('../x', 'x', { field: 'output_path' }));
    expect(err.details).toEqual({ path: 'output_path', reason: 'traversal' });
  });

  it.each(SYMLINK_CASES.map((c) => [c.name, c] as const))('symlink case: %s', async (_name, c) => {
    const read = await rejectionOf(ws.readText(c.readPath));
    expect(read.code).toBe('INVALID_INPUT');
    expect(read.details['reason']).toBe('symlink');
    expectNoHostPath(read, sandbox);
    const write = await rejectionOf(ws.writeAtomic(c.writePath, 'pwned'));
    expect(write.code).toBe('INVALID_INPUT');
    expect(write.details['reason']).toBe('symlink');
    expectNoHostPath(write, sandbox);
    await rejectionOf(ws.resolve(c.readPath, 'read'));
    await rejectionOf(ws.resolve(c.writePath, 'write'));
    await rejectionOf(ws.exists(c.readPath));
    expect(snapshotTree(sandbox.outside)).toEqual(outsideBefore);
    expect(leftoverTemps(ws.root)).toEqual([]);
  });

  it('reads special files never: FIFO, socket, directory', async () => {
    const fifo = await rejectionOf(ws.readText('special/fifo'));
    expect(fifo.details['reason']).toBe('not_regular');
    const sock = await rejectionOf(ws.readBytes('special/sock'));
    expect(sock.details['reason']).toBe('not_regular');
    const dir = await rejectionOf(ws.readText('special/dir'));
    expect(dir.details['reason']).toBe('directory');
    const rootRead = await rejectionOf(ws.readText('special/dir/'));
    expect(rootRead.details['reason']).toBe('empty');
    for (const target of ['special/fifo', 'special/sock', 'special/dir']) {
      const err = await rejectionOf(ws.writeAtomic(target, 'x'));
      expect(['not_regular', 'directory']).toContain(err.details['reason']);
    }
    const through = await rejectionOf(ws.writeAtomic('special/fifo/x.txt', 'x'));
    expect(through.details['reason']).toBe('not_directory');
  });

  it('follows in-root links for reads only', async () => {
    expect(await ws.readText('data-link/inside.txt')).toBe('inside\n');
    expect(await ws.readText('abs-inside-link.txt')).toBe('inside\n');
    expect(await ws.resolve('data-link/inside.txt', 'read')).toBe(join(ws.root, 'data/inside.txt'));
    expect(await ws.exists('data-link')).toBe(true);
    const write = await rejectionOf(ws.writeAtomic('data-link/new.txt', 'x'));
    expect(write.details['reason']).toBe('symlink');
    const overLink = await rejectionOf(ws.writeAtomic('abs-inside-link.txt', 'x'));
    expect(overLink.details['reason']).toBe('symlink');
    expect(readFileSync(join(ws.root, 'data/inside.txt'), 'utf8')).toBe('inside\n');
  });

  it('writes and reads good paths, including unicode names that are not tricks', async () => {
    const names = ['out/board.kicad_pcb', 'ボード/設計.yaml', '~/notes.txt', '100%_done.txt', 'plug 🔌.txt', 'a/b/c/d/e/f.txt'];
    for (const name of names) {
      const content = `content of ${name}\n`;
      const result = await ws.writeAtomic(name, content);
      expect(result.path).toBe(name);
      expect(result.bytes).toBe(Buffer.byteLength(content));
      expect(result.sha256).toBe(createHash('sha256').update(content).digest('hex'));
      expect(await ws.readText(name)).toBe(content);
      expect(readFileSync(join(ws.root, ...name.split('/')), 'utf8')).toBe(content);
      expect(statSync(join(ws.root, ...name.split('/'))).mode & 0o777).toBe(0o644);
      expect(await ws.exists(name)).toBe(true);
    }
    const nfd = await ws.writeAtomic('Re\u0301sume\u0301.txt', 'cv');
    expect(nfd.path).toBe('R\u00E9sum\u00E9.txt');
    expect(await ws.readText('R\u00E9sum\u00E9.txt')).toBe('cv');
    expect(await ws.exists('out/missing.txt')).toBe(false);
    const missing = await rejectionOf(ws.readText('out/missing.txt'));
    expect(missing.code).toBe('NOT_FOUND');
    expectNoHostPath(missing, sandbox);
    expect(leftoverTemps(ws.root)).toEqual([]);
  });

  it('lists directories with workspace-relative paths and hides temps and unusable names', async () => {
    await ws.writeAtomic('listing/b.txt', 'bb');
    await ws.writeAtomic('listing/a.txt', 'a');
    mkdirSync(join(ws.root, 'listing/sub'));
    writeFileSync(join(ws.root, 'listing/.zt-tmp-leftover'), 'x');
    writeFileSync(join(ws.root, 'listing/bad\u202Ename'), 'x');
    symlinkSync(sandbox.outside, join(ws.root, 'listing/out-link'));
    expect(await ws.list('listing/')).toEqual([
      { name: 'a.txt', path: 'listing/a.txt', type: 'file', bytes: 1 },
      { name: 'b.txt', path: 'listing/b.txt', type: 'file', bytes: 2 },
      { name: 'out-link', path: 'listing/out-link', type: 'symlink' },
      { name: 'sub', path: 'listing/sub', type: 'directory' },
    ]);
    expect((await ws.list()).map((e) => e.name)).toContain('listing');
    expect((await rejectionOf(ws.list('listing/out-link'))).details['reason']).toBe('symlink');
    expect((await rejectionOf(ws.list('listing/a.txt'))).details['reason']).toBe('not_directory');
    expect((await rejectionOf(ws.list('../'))).details['reason']).toBe('traversal');
  });

  it('resolve(write) returns an absolute path inside the root and creates parents safely', async () => {
    const abs = await ws.resolve('resolved/deep/x.txt', 'write');
    expect(abs).toBe(join(ws.root, 'resolved/deep/x.txt'));
    expect(statSync(join(ws.root, 'resolved/deep')).isDirectory()).toBe(true);
  });

  it('enforces size limits and UTF-8 text', async () => {
    const small = await createWorkspace(join(sandbox.base, 'small'), { strategy, maxFileBytes: 16 });
    const big = await rejectionOf(small.writeAtomic('big.bin', new Uint8Array(17)));
    expect(big.code).toBe('PAYLOAD_TOO_LARGE');
    await small.writeAtomic('ok.bin', new Uint8Array([0xff, 0xfe, 0x00]));
    expect(Array.from(await small.readBytes('ok.bin'))).toEqual([0xff, 0xfe, 0x00]);
    expect((await rejectionOf(small.readText('ok.bin'))).details['reason']).toBe('not_utf8');
    await small.writeAtomic('ten.txt', '0123456789');
    expect((await rejectionOf(small.readText('ten.txt', { maxBytes: 9 }))).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await small.readText('ten.txt', { maxBytes: 10 })).toBe('0123456789');
    writeFileSync(join(small.root, 'grown.txt'), 'x'.repeat(100));
    expect((await rejectionOf(small.readText('grown.txt'))).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects bad argument types without touching the disk', async () => {
    const rootBefore = snapshotTree(ws.root);
    expect((await rejectionOf(ws.readText(42 as unknown as string))).details['reason']).toBe('not_string');
    expect((await rejectionOf(ws.writeAtomic('x.txt', 7 as unknown as string))).details['reason']).toBe('not_data');
    expect((await rejectionOf(ws.writeFiles('batch', []))).details['reason']).toBe('empty');
    const dup = await rejectionOf(ws.writeFiles('batch', [{ name: 'A.gbr', data: '1' }, { name: 'a.gbr', data: '2' }]));
    expect(dup.details).toEqual({ path: 'files.1.name', reason: 'duplicate' });
    const nested = await rejectionOf(ws.writeFiles('batch', [{ name: 'x/a.gbr', data: '1' }]));
    expect(nested.details['reason']).toBe('nested');
    expect(snapshotTree(ws.root)).toEqual(rootBefore);
  });
});

describe('workspace root', () => {
  it('is created when missing and realpath-ed through a symlinked parent', async () => {
    const sandbox = makeSandbox();
    try {
      mkdirSync(join(sandbox.base, 'real'));
      symlinkSync(join(sandbox.base, 'real'), join(sandbox.base, 'alias'));
      const ws = await createWorkspace(join(sandbox.base, 'alias/ws'));
      expect(ws.root).toBe(join(sandbox.base, 'real/ws'));
      await ws.writeAtomic('x.txt', 'x');
      expect(readFileSync(join(sandbox.base, 'real/ws/x.txt'), 'utf8')).toBe('x');
      expect(ws.strategy).toBe(process.platform === 'linux' ? 'fd' : 'path');
    } finally {
      sandbox.cleanup();
    }
  });
});
