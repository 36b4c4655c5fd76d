/**
 * Marking epochs stale after a recompile, through the runtime's own CLI
 * (`python -m pipec_runtime --root <out> stale <ids…>`): the runtime is the one writer of
 * .context/pipeline_state.json (atomic, locked), so pipec never edits that file itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Result of one attempt; `ok: false` carries a message for a warning (the compile itself succeeded). */
export type StaleResult = { ok: true; skipped?: string } | { ok: false; message: string };

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
 * Mark `ids` stale. Nothing to do when the project never ran (no state file): every epoch is pending
 * already, and creating state here would make the runtime think otherwise.
 */
export function markStaleWithRuntime(outDir: string, ids: readonly string[], python: string): StaleResult {
  if (ids.length === 0) return { ok: true };
  if (!existsSync(join(outDir, '.context', 'pipeline_state.json'))) return { ok: true, skipped: 'no pipeline state yet' };
  const root = resolve(outDir);
  const r = spawnSync(python, ['-m', 'pipec_runtime', '--root', root, 'stale', ...ids], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PYTHONPATH: join(root, 'src') },
  });
  if (r.status === 0) return { ok: true };
  const why = r.error ? r.error.message : (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ');
  return { ok: false, message: `could not mark epochs ${ids.join(', ')} stale (${why}); run \`PYTHONPATH=src python -m pipec_runtime stale ${ids.join(' ')}\` in ${outDir}` };
}
