import { describe, expect, it } from 'vitest';
import { LineArena } from '../../src/runtime/store/line-arena.js';

describe('LineArena: stored lines as UTF-8 bytes in off-heap chunks', () => {
  it('gives back every line as written, in one piece or two, across chunk boundaries, with non-ASCII text and lines larger than a chunk', () => {
    const arena = new LineArena();
    const lines: string[] = [];
    const big = `{"v":"${'Ω'.repeat(600_000)}"}`; // 1.2 MB of UTF-8: larger than one chunk
    for (let i = 0; i < 3000; i++) {
      const line = i === 1500 ? big : `{"seq":${i},"value":"${i % 7 === 0 ? '4k7 ±1% 10kΩ 🙂' : 'x'.repeat(i % 900)}"}`;
      lines.push(line);
      // Every third line arrives in two pieces (the sealed bytes and the hash), as the memory store writes them.
      const cut = i % 3 === 0 ? Math.floor(line.length / 2) : line.length;
      arena.push(line.slice(0, cut), line.slice(cut));
    }
    expect(arena.length).toBe(lines.length);
    for (let i = 0; i < lines.length; i++) expect(arena.at(i)).toBe(lines[i]);
  });
});
