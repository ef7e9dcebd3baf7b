/**
 * A one-line progress bar on stderr for long CLI work (`route`, `replay`, `audit verify` of big files),
 * drawn only when stderr is a terminal: piped or logged output stays free of control characters.
 */
export interface Progress {
  update(done: number, total: number, message?: string): void;
  end(): void;
}

const WIDTH = 30;

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true) return { update: () => undefined, end: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(done, total, message = '') {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * WIDTH);
      stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ${message}`.slice(0, (stream.columns ?? 100) - 1));
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
