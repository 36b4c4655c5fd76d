/**
 * `pipec status`: one row per epoch — done / failed / blocked / stale / gate changed / pending / running
 * (interrupted when no run holds the lock), gate results, reviews, checkpoint progress, elapsed vs
 * estimated time, and the engine each epoch ran on (pandas, or dask with its workers). "stale" and "gate
 * changed" come from the same key comparison `pipec run --resume` makes (src/runner/resume-plan.ts), so
 * status and run never disagree. Read-only: it never writes.
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { formatElapsed } from './options.js';
import { loadProject, readCheckpointPercent, readState, type EpochState } from './project.js';
import { currentKeys } from './keys.js';
import { readRecord } from './record.js';
import { planSteps, type EpochStep } from './resume-plan.js';

/** One row of the status table (also the JSON shape of `--format json`). */
export interface StatusRow {
  epoch: string;
  name: string;
  status: 'done' | 'failed' | 'blocked' | 'stale' | 'gate changed' | 'pending' | 'running' | 'interrupted';
  /** Why a completed epoch is stale or has a changed gate (null otherwise). */
  why: string | null;
  gate: { passed: boolean; total: number; failed: { rule: string; expected: unknown; observed: unknown }[] } | null;
  /** null when the epoch has no review. */
  review: { title: string; status: string; by: string | null } | null;
  checkpointPercent: number | null;
  elapsedSeconds: number | null;
  estimateSeconds: number;
  attempts: number;
  /** The engine the last attempt ran on: `pandas`, or `dask` with its workers and scheduler (null: never ran). */
  engine: string | null;
  error: { type: string; message: string } | null;
}

/** The whole report. `ok` is false when an epoch failed or is blocked (exit 1). */
export interface StatusReport {
  project: string;
  ok: boolean;
  epochs: StatusRow[];
  blockers: { epoch: string | null; message: string }[];
  warnings: { epoch: string | null; message: string }[];
}

function label(rec: EpochState | undefined, runActive: boolean, step: EpochStep | undefined): StatusRow['status'] {
  switch (rec?.status) {
    case 'completed':
      if (step?.action === 'recheck-gate') return 'gate changed';
      return step?.action === 'run' ? 'stale' : 'done';
    case 'running':
      return runActive ? 'running' : 'interrupted';
    case 'failed':
    case 'blocked':
    case 'stale':
      return rec.status;
    default:
      return 'pending';
  }
}

/** Collect the report of the project at `dir`. */
export async function collectStatus(dir: string): Promise<StatusReport> {
  const { root, ir } = loadProject(dir);
  const state = readState(root);
  const runActive = await lockfile
    .check(join(root, '.context'), { lockfilePath: join(root, '.context', 'run.lock'), realpath: false, stale: 10_000 })
    .catch(() => false);
  const steps = planSteps({ ir, selected: ir.epochs, state, record: readRecord(root), keys: currentKeys(root, ir), resume: true });
  const epochs = ir.epochs.map((e): StatusRow => {
    const rec = state.epochs[e.id];
    const step = steps.find((s) => s.epoch.id === e.id);
    const status = label(rec, runActive, step);
    const results = rec?.gate?.results ?? [];
    return {
      epoch: e.id,
      name: e.name,
      status,
      why: status === 'stale' || status === 'gate changed' ? (step?.detail ?? null) : null,
      gate: rec?.gate
        ? {
            passed: rec.gate.passed,
            total: results.length,
            failed: results.filter((r) => !r.passed).map((r) => ({ rule: r.rule, expected: r.expected, observed: r.observed })),
          }
        : null,
      review: e.review ? { title: e.review.title, status: rec?.review?.status ?? 'pending', by: rec?.review?.by ?? null } : null,
      checkpointPercent: readCheckpointPercent(root, e.id),
      elapsedSeconds: rec?.elapsed_seconds ?? null,
      estimateSeconds: e.estimate.minutes * 60,
      attempts: rec?.attempts ?? 0,
      engine: engineCell(rec?.engine),
      error: rec?.error ? { type: rec.error.type, message: rec.error.message } : null,
    };
  });
  const ok = !epochs.some((r) => r.status === 'failed' || r.status === 'blocked');
  return { project: ir.project.name, ok, epochs, blockers: state.blockers, warnings: state.warnings };
}

/** `pandas`, or `dask (2 workers, local)` from a cluster's record; null when the state names no engine. */
function engineCell(e: EpochState['engine']): string | null {
  if (!e?.engine) return null;
  const shape = [e.workers === undefined ? '' : `${e.workers} workers`, e.scheduler ?? ''].filter(Boolean).join(', ');
  return shape ? `${e.engine} (${shape})` : e.engine;
}

function gateCell(g: StatusRow['gate']): string {
  if (!g) return '—';
  if (g.passed) return `passed ${g.total}/${g.total}`;
  return `FAILED ${g.failed.map((f) => `${f.rule} (${String(f.observed ?? 'missing')} vs ${String(f.expected)})`).join(', ')}`;
}

function reviewCell(r: StatusRow['review']): string {
  if (!r) return '—';
  return r.status === 'approved' ? `approved${r.by ? ` by ${r.by}` : ''}` : r.status;
}

/** The report as an aligned text table plus blockers/warnings/errors underneath. */
export function renderStatusTable(report: StatusReport): string {
  const head = ['epoch', 'name', 'status', 'gate', 'review', 'checkpoint', 'elapsed / estimate', 'engine'];
  const rows = report.epochs.map((r) => [
    r.epoch,
    r.name,
    r.status,
    gateCell(r.gate),
    reviewCell(r.review),
    r.checkpointPercent === null ? '—' : `${Number(r.checkpointPercent.toFixed(1))}%`,
    `${r.elapsedSeconds === null ? '—' : formatElapsed(r.elapsedSeconds)} / ${formatElapsed(r.estimateSeconds)}`,
    r.engine ?? '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [`project ${report.project}`, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const r of report.epochs) if (r.why) out.push(`${r.status.padEnd(6)} ${r.epoch}: ${r.why} (\`pipec run --resume\` ${r.status === 'stale' ? 'reruns it' : 're-checks it'})`);
  for (const r of report.epochs) if (r.error) out.push(`error  ${r.epoch}: ${r.error.type}: ${r.error.message}`);
  for (const b of report.blockers) out.push(`blocker ${b.epoch ?? '-'}: ${b.message}`);
  for (const w of report.warnings) out.push(`warning ${w.epoch ?? '-'}: ${w.message}`);
  return `${out.join('\n')}\n`;
}
