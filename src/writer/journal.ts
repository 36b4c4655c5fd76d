/**
 * Atomic application of a set of file changes to an output folder that also holds files pipec does
 * not own (data/, mlruns, .venv, runtime state). Swapping the whole folder would move those too, so
 * we use a redo journal instead:
 *
 *   1. `mkdir <out>/.pipec-txn` (exclusive: it is also the lock) and record our pid;
 *   2. write every new file into `.pipec-txn/stage/<n>` (fsynced, mode already set);
 *   3. COMMIT: write `journal.json` (temp + fsync + rename) listing deletes, renames and stale epochs;
 *   4. apply: delete, then rename each staged file over its target (rename is atomic per file);
 *   5. mark stale epochs through the hook, rename `.pipec-txn` to `.pipec-txn.done-<pid>` (so a
 *      half-deleted transaction folder can never look uncommitted), and delete that.
 *
 * A crash before 3 leaves the old tree untouched (recovery deletes the stage); a crash after 3 is
 * rolled forward by the next run (every step is idempotent: a staged file that is gone was already
 * moved). So after recovery the tree is exactly the old one or exactly the new one.
 * The staging folder lives inside `--out` so renames never cross a filesystem and we never write
 * outside the output folder.
 *
 * Durability: kill -9 safety needs no fsync (the page cache survives a process). Power-loss safety
 * needs every staged file flushed before the commit record; that costs ~3 ms per file here, so like
 * git (core.fsync) it is opt-in: PIPEC_FSYNC=1. The commit record itself is always fsynced.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, rmdirSync, writeSync, fchmodSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TXN_DIR } from './safe-path.js';
import { OutputFolderError, readIfExists } from './disk-state.js';

/** One step of a committed transaction. */
export type JournalOp = { kind: 'put'; path: string; stage: string } | { kind: 'delete'; path: string };

/** The commit record: once it exists, the transaction will complete. */
export interface Journal {
  journalVersion: 1;
  ops: JournalOp[];
  /** Epoch ids to mark stale in the runtime state once the files are in place. */
  stale: string[];
}

/** A file to write: relative path, content, executable bit. */
export interface PendingWrite {
  path: string;
  content: string;
  executable: boolean;
}

/** Side effects that belong to the transaction but not to the file tree. */
export interface TxnHooks {
  /** Called after the files are in place, before the journal is removed; must be idempotent. */
  markStale?: (ids: string[]) => void;
}

/** What recovery found. */
export type RecoveryResult = 'none' | 'rolled-back' | 'rolled-forward';

const JOURNAL = 'journal.json';

/** Whether to flush staged files and folders (see the module comment). */
const fullFsync = (): boolean => process.env.PIPEC_FSYNC === '1';

function writeDurable(path: string, content: string, mode: number, sync = fullFsync()): void {
  const fd = openSync(path, 'w', mode);
  try {
    writeSync(fd, content, null, 'utf8');
    fchmodSync(fd, mode); // umask must not decide whether a script is executable
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(path: string, sync = fullFsync()): void {
  if (!sync) return;
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on folders; kill -9 safety does not depend on it.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finish or undo a transaction interrupted by a crash. Refuses (PC9503) when the transaction belongs
 * to a live process: that is a concurrent compile, not a crash.
 */
export function recoverOutput(outDir: string, hooks: TxnHooks = {}): RecoveryResult {
  const txn = join(outDir, TXN_DIR);
  removeFinished(outDir);
  if (!existsSync(txn)) return 'none';
  // A kill between creating the file and writing it leaves it empty: that owner is certainly dead.
  const ownerText = (readIfExists(join(txn, 'owner.pid')) ?? '').trim();
  const owner = /^[1-9]\d*$/.test(ownerText) ? Number(ownerText) : null;
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new OutputFolderError('PC9503', `another pipec compile (pid ${owner}) is writing ${outDir}`);
  }
  const journalText = readIfExists(join(txn, JOURNAL));
  if (journalText === null) {
    rmSync(txn, { recursive: true, force: true });
    return 'rolled-back';
  }
  applyJournal(outDir, JSON.parse(journalText) as Journal, hooks);
  return 'rolled-forward';
}

/** Steps 4-5: idempotent, used by both the normal path and recovery. */
function applyJournal(outDir: string, journal: Journal, hooks: TxnHooks): void {
  const txn = join(outDir, TXN_DIR);
  const touched = new Set<string>();
  for (const op of journal.ops) {
    const target = join(outDir, op.path);
    if (op.kind === 'delete') {
      rmSync(target, { force: true });
      pruneEmptyParents(outDir, op.path);
    } else {
      const staged = join(txn, 'stage', op.stage);
      if (!existsSync(staged)) continue; // moved before the crash
      mkdirSync(dirname(target), { recursive: true });
      renameSync(staged, target);
    }
    touched.add(dirname(target));
  }
  for (const dir of touched) if (existsSync(dir)) fsyncDir(dir);
  if (journal.stale.length > 0) hooks.markStale?.(journal.stale);
  const done = join(outDir, `${TXN_DIR}.done-${process.pid}`);
  renameSync(txn, done); // atomic: from here on the transaction is finished, whatever is left of it
  fsyncDir(outDir, true);
  rmSync(done, { recursive: true, force: true });
}

/** Delete folders of finished transactions that a kill interrupted while they were being removed. */
function removeFinished(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(`${TXN_DIR}.done-`)) rmSync(join(outDir, n), { recursive: true, force: true });
}

function pruneEmptyParents(outDir: string, path: string): void {
  for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    try {
      rmdirSync(join(outDir, dir));
    } catch {
      return; // not empty (user files, other managed files) or already gone
    }
  }
}

/**
 * Write `writes`, delete `deletes` and record `stale` atomically (see the module comment).
 * Deletes run before puts so a file can turn into a folder of the same name.
 */
export function commitChanges(
  outDir: string,
  writes: readonly PendingWrite[],
  deletes: readonly string[],
  stale: readonly string[],
  hooks: TxnHooks = {},
): void {
  mkdirSync(outDir, { recursive: true });
  recoverOutput(outDir, hooks);
  const txn = join(outDir, TXN_DIR);
  try {
    mkdirSync(txn); // exclusive: loses the race to a concurrent compile instead of mixing stages
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new OutputFolderError('PC9503', `another pipec compile is writing ${outDir}`);
    }
    throw e;
  }
  writeDurable(join(txn, 'owner.pid'), String(process.pid), 0o644);
  mkdirSync(join(txn, 'stage'));
  const ops: JournalOp[] = deletes.map((path) => ({ kind: 'delete', path }));
  writes.forEach((w, i) => {
    writeDurable(join(txn, 'stage', String(i)), w.content, w.executable ? 0o755 : 0o644);
    ops.push({ kind: 'put', path: w.path, stage: String(i) });
  });
  fsyncDir(join(txn, 'stage'));
  const journal: Journal = { journalVersion: 1, ops, stale: [...stale] };
  writeDurable(join(txn, `${JOURNAL}.tmp`), JSON.stringify(journal), 0o644, true);
  renameSync(join(txn, `${JOURNAL}.tmp`), join(txn, JOURNAL)); // the commit point
  fsyncDir(txn, true);
  applyJournal(outDir, journal, hooks);
}

/** Read a committed journal (tests and `plan` use it to explain an interrupted compile). */
export function readJournal(outDir: string): Journal | null {
  const text = readIfExists(join(outDir, TXN_DIR, JOURNAL));
  return text === null ? null : (JSON.parse(text) as Journal);
}

/** True when a transaction folder is present (an interrupted or running compile). */
export const hasPendingTransaction = (outDir: string): boolean => existsSync(join(outDir, TXN_DIR));

