/**
 * One `pipec run` at a time per project: a proper-lockfile lock (`.context/run.lock`, a directory kept
 * fresh by the holder) plus the holder's pid beside it (`run.lock.owner.json`; not inside: that would
 * change the lock's mtime, which proper-lockfile reads as a compromised lock), so a lock left by a
 * killed run is taken over at once instead of after the staleness delay.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { RunUsageError } from './options.js';

/** Another run holds the lock (exit code 1: a finding, not a usage error). */
export class RunLockedError extends Error {}

/** Release function of a held lock. */
export type Release = () => Promise<void>;

interface Owner {
  pid: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the run lock of `root`, or throw RunLockedError naming the holder. */
export async function acquireRunLock(root: string): Promise<Release> {
  const contextDir = join(root, '.context');
  mkdirSync(contextDir, { recursive: true });
  const lockDir = join(contextDir, 'run.lock');
  const opts = {
    lockfilePath: lockDir,
    realpath: false,
    stale: 10_000,
    // Losing the lock (disk hiccup, machine sleep) must not crash the run; say so and go on.
    onCompromised: (err: Error) => process.stderr.write(`warning: run lock compromised: ${err.message}\n`),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lockfile.lock(contextDir, opts);
      const ownerFile = `${lockDir}.owner.json`;
      const owner: Owner = { pid: process.pid, startedAt: new Date().toISOString() };
      writeFileSync(ownerFile, JSON.stringify(owner));
      return async () => {
        rmSync(ownerFile, { force: true });
        await release();
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new RunUsageError(`cannot lock ${lockDir}: ${(err as Error).message}`);
      }
      const owner = readOwner(lockDir);
      if (attempt === 0 && owner && !isAlive(owner.pid)) {
        rmSync(lockDir, { recursive: true, force: true }); // its holder was killed: take over
        continue;
      }
      const who = owner ? ` (pid ${owner.pid}, started ${owner.startedAt})` : '';
      throw new RunLockedError(
        `another pipec run is already running on this project${who}; wait for it to finish or stop it (lock: ${lockDir})`,
      );
    }
  }
}

function readOwner(lockDir: string): Owner | null {
  try {
    return JSON.parse(readFileSync(`${lockDir}.owner.json`, 'utf8')) as Owner;
  } catch {
    return null;
  }
}
