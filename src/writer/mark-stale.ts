/**
 * Marking epochs stale after a recompile, through the runtime's own CLI
 * (`python -m pipec_runtime --root <out> stale <ids…>`): the runtime is the one writer of
 * .context/pipeline_state.json (atomic, locked), so pipec never edits that file itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Result of one attempt; `ok: false` carries a message for a warning (the compile itself succeeded). */
export type StaleResult = { ok: true; marked: string[] } | { ok: false; message: string };

/**
 * The Python to run the runtime with: `PIPEC_PYTHON`, the project's `.venv`, the given fallback
 * (pipec's own development environment), then `python3` on PATH.
 */
export function pickPython(outDir: string, fallbacks: readonly string[] = []): string {
  if (process.env.PIPEC_PYTHON) return process.env.PIPEC_PYTHON;
  for (const p of [join(outDir, '.venv', 'bin', 'python'), ...fallbacks]) if (existsSync(p)) return p;
  return 'python3';
}

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
    return []; // no state (never ran) or unreadable (the runtime will report that itself)
  }
  return ids.filter((id) => {
    const status = state.epochs?.[id]?.status;
    return status !== undefined && status !== 'pending' && status !== 'stale';
  });
}

/** Mark those of `ids` that ran stale, through the runtime CLI (no process at all when none ran). */
export function markStaleWithRuntime(outDir: string, allIds: readonly string[], python: string): StaleResult {
  const ids = epochsThatRan(outDir, allIds);
  if (ids.length === 0) return { ok: true, marked: [] };
  const root = resolve(outDir);
  const r = spawnSync(python, ['-m', 'pipec_runtime', '--root', root, 'stale', ...ids], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PYTHONPATH: join(root, 'src') },
  });
  if (r.status === 0) return { ok: true, marked: ids };
  const why = r.error ? r.error.message : (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ');
  return { ok: false, message: `could not mark epochs ${ids.join(', ')} stale (${why}); run \`PYTHONPATH=src python -m pipec_runtime stale ${ids.join(' ')}\` in ${outDir}` };
}
