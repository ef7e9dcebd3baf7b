/**
 * A session's stored lines as UTF-8 bytes in off-heap chunks (memory-only mode, docs/log-integrity.md
 * "Bounded memory"). Kept as strings, every line a session ever wrote would be copied by the young-
 * generation collector and then promoted, which cost a command about a tenth of its time
 * (docs/design-hash.md, "Command rates"); Buffer memory lives outside the JavaScript heap, so the
 * collector never moves it, and one byte per ASCII character is what a line costs.
 */
/** The first chunk of a session is small and each next one twice the last, up to 1 MiB: a short session costs about its lines. */
const FIRST_CHUNK_BYTES = 1 << 10;
const MAX_CHUNK_BYTES = 1 << 20;

export class LineArena {
  private readonly chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  /** Per line: its chunk, start and end byte (three numbers a line). */
  private readonly index: number[] = [];

  get length(): number {
    return this.index.length / 3;
  }

  /** Appends one line given as one or two pieces (`head` then `tail`), written in place without joining them. */
  push(head: string, tail = ''): void {
    let chunk = this.chunks[this.chunks.length - 1];
    // UTF-8 takes at most 3 bytes per UTF-16 unit: when that surely fits, write without measuring first.
    const room = chunk ? chunk.length - this.used : 0;
    if ((head.length + tail.length) * 3 > room) {
      const bytes = Buffer.byteLength(head, 'utf8') + Buffer.byteLength(tail, 'utf8');
      if (bytes > room) {
        const next = chunk ? Math.min(MAX_CHUNK_BYTES, chunk.length * 2) : FIRST_CHUNK_BYTES;
        chunk = Buffer.allocUnsafe(Math.max(next, bytes));
        this.chunks.push(chunk);
        this.used = 0;
      }
    }
    const start = this.used;
    let end = start + chunk!.write(head, start, 'utf8');
    if (tail !== '') end += chunk!.write(tail, end, 'utf8');
    this.used = end;
    this.index.push(this.chunks.length - 1, start, end);
  }

  /** Line `i` (0-based) as text. */
  at(i: number): string {
    const k = i * 3;
    return this.chunks[this.index[k]!]!.toString('utf8', this.index[k + 1], this.index[k + 2]);
  }
}
