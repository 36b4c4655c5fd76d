/**
 * Marking epochs stale after a recompile, written by pipec itself into its run record
 * (`.context/pipec_record.json`, src/runner/record.ts): no Python is involved, so the mark can never
 * be lost to an interpreter without the runtime's packages. The mark is an optimisation for
 * `pipec status`: `pipec run --resume` decides from the keys every epoch completed with anyway.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markStale, readRecord } from '../runner/record.js';

/** Result of one attempt; `ok: false` carries a message for a warning (the compile itself succeeded). */
export type StaleResult = { ok: true; marked: string[] } | { ok: false; message: string };

/**
 * The ids that actually need marking: epochs that ran (or started, failed, were blocked). A pending
 * epoch will run anyway, and calling it "stale" would tell `pipec status` it once completed.
 * Reading the state is safe without the lock: the runtime replaces the file atomically.
 */
export function epochsThatRan(outDir: string, ids: readonly string[]): string[] {
  let state: { epochs?: Record<string, { status?: string }> };
  try {
    state = JSON.parse(readFileSync(join(outDir, '.context', 'pipeline_state.json'), 'utf8')) as typeof state;
  } catch {
    state = {}; // no state (never ran) or unreadable
  }
  const record = readRecord(outDir);
  return ids.filter((id) => {
    const status = state.epochs?.[id]?.status;
    const ran = status !== undefined && status !== 'pending' && status !== 'stale';
    return ran || (record.epochs[id]?.attempts.length ?? 0) > 0;
  });
}

/** Mark those of `ids` that ran stale in pipec's run record, with the plan's reasons when known. */
export function markStaleInRecord(outDir: string, allIds: readonly string[], reasons: Readonly<Record<string, string[]>> = {}): StaleResult {
  const ids = epochsThatRan(outDir, allIds);
  if (ids.length === 0) return { ok: true, marked: [] };
  try {
    markStale(outDir, Object.fromEntries(ids.map((id) => [id, reasons[id] ?? ['its code key changed at a recompile']])));
    return { ok: true, marked: ids };
  } catch (err) {
    return { ok: false, message: `could not mark epochs ${ids.join(', ')} stale (${(err as Error).message}); \`pipec run --resume\` reruns them anyway (it compares keys)` };
  }
}
