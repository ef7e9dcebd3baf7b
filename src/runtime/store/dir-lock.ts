import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One writer per store directory (contract.md, "The log can be trusted"). The lock is a file created
 * with O_EXCL naming its holder (pid, host, the holder's process start time from /proc, so a reused
 * pid is not mistaken for the holder). A lock left by a process that is gone (kill -9) is taken over.
 */
export interface DirLock {
  release(): void;
  /** Set when a stale lock of a dead process was taken over. */
  tookOverFrom: Holder | null;
}

interface Holder {
  pid: number;
  host: string;
  started: string;
  since: string;
}

const LOCK_FILE = 'store.lock';

function processStart(pid: number): string {
  try {
    // Field 22 of /proc/PID/stat is the start time in clock ticks since boot (proc(5)).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // another machine's lock: never assume it is stale
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStart(holder.pid);
  return started === '' || holder.started === '' || started === holder.started;
}

export class StoreLockedError extends Error {}

export function lockStoreDir(dir: string): DirLock {
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), started: processStart(process.pid), since: new Date().toISOString() };
  let tookOverFrom: Holder | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      return {
        tookOverFrom,
        release() {
          try {
            const now = JSON.parse(readFileSync(path, 'utf8')) as Holder;
            if (now.pid === me.pid && now.since === me.since) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: Holder;
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
      } catch {
        holder = { pid: 0, host: hostname(), started: '', since: 'unknown' };
      }
      if (holder.pid !== 0 && alive(holder)) {
        throw new StoreLockedError(`the store directory is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}); one server per store`);
      }
      tookOverFrom = holder;
      unlinkSync(path);
    }
  }
  throw new StoreLockedError('could not take the store lock');
}
