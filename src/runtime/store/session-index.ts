/**
 * Per-session index of a log file: where each event's line starts and the event's hash, 40 bytes an
 * event (a million events: 40 MB), so the store can read any range back from disk and check each
 * event against the hash it verified or wrote, without keeping events in memory.
 */
export class SessionIndex {
  private starts = new Float64Array(256);
  private hashes = new Uint8Array(256 * 32);
  count = 0;

  push(start: number, hashHex: string): void {
    if (this.count === this.starts.length) {
      const starts = new Float64Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const hashes = new Uint8Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.starts[this.count] = start;
    this.hashes.set(Buffer.from(hashHex, 'hex'), this.count * 32);
    this.count++;
  }

  /** Byte offset where event `seq` (1-based) starts. */
  startOf(seq: number): number {
    return this.starts[seq - 1]!;
  }

  hashOf(seq: number): string {
    return Buffer.from(this.hashes.subarray((seq - 1) * 32, seq * 32)).toString('hex');
  }
}
