/** Carrying out a plan: one atomic transaction (journal.ts) with the files, base copies and manifest. */
import { commitChanges, type PendingWrite, type TxnHooks } from './journal.js';
import type { Plan } from './plan.js';
import { BASE_PREFIX, MANIFEST_PATH } from './safe-path.js';

/** What a compile did, for the report and the exit code. */
export interface ApplyResult {
  /** Files written (create/update/merge/conflict), deleted, and left with conflict markers. */
  written: number;
  deleted: number;
  conflicts: string[];
  /** Epochs marked stale in the runtime state. */
  stale: string[];
}

/**
 * Write `plan` to disk atomically. A plan with nothing to do writes nothing at all (no transaction
 * folder, no manifest rewrite), which is what keeps a no-op recompile fast and leaves mtimes alone.
 */
export function applyPlan(plan: Plan, hooks: TxnHooks = {}): ApplyResult {
  const writes: PendingWrite[] = [];
  const deletes: string[] = [];
  for (const f of plan.files) {
    if (f.write !== undefined) writes.push({ path: f.path, content: f.write, executable: f.executable });
    if (f.action === 'delete') deletes.push(f.path);
  }
  for (const b of plan.baseWrites) writes.push({ path: BASE_PREFIX + b.path, content: b.content, executable: false });
  for (const p of plan.baseDeletes) deletes.push(BASE_PREFIX + p);
  for (const c of plan.cacheWrites) writes.push({ path: c.path, content: c.content, executable: false });
  // The manifest goes last: readers that see it see the bases it describes (within the journal).
  if (plan.manifestChanged) writes.push({ path: MANIFEST_PATH, content: plan.manifestText, executable: false });
  const conflicts = plan.files.filter((f) => f.action === 'conflict').map((f) => f.path);
  if (writes.length > 0 || deletes.length > 0 || plan.stale.length > 0) {
    commitChanges(plan.outDir, writes, deletes, plan.stale, hooks);
  }
  return { written: plan.files.filter((f) => f.write !== undefined).length, deleted: deletes.length - plan.baseDeletes.length, conflicts, stale: [...plan.stale] };
}
