/**
 * Printing a plan, Terraform style: one line per file that changes (and per edited file kept), the
 * spec sections behind each, then the epochs that must rerun and why, then a one-line summary.
 * `--format json` gives the same content as a stable, documented object (docs/regenerate.md).
 */
import type { Plan, PlannedFile } from './plan.js';

const SYMBOL: Record<PlannedFile['action'], string> = {
  create: '+',
  update: '~',
  merge: 'M',
  conflict: '!',
  delete: '-',
  keep: '=',
  unchanged: ' ',
};

/** Lines worth showing: everything except files that stay exactly as they are without any edit. */
const shown = (f: PlannedFile): boolean => f.action !== 'unchanged';

/** Counts per action (keep counts only the kept-with-edits cases shown). */
export function planSummary(plan: Plan): Record<PlannedFile['action'], number> {
  const counts = { create: 0, update: 0, merge: 0, conflict: 0, delete: 0, keep: 0, unchanged: 0 };
  for (const f of plan.files) counts[f.action]++;
  return counts;
}

/** One-line summary (`--watch` prints only this). */
export function renderPlanSummaryLine(plan: Plan): string {
  const c = planSummary(plan);
  if (plan.upToDate) return `Up to date: ${c.unchanged + c.keep} files, nothing to do.`;
  const rerun = plan.rerun.filter((r) => r.action === 'rerun').map((r) => r.id);
  const recheck = plan.rerun.filter((r) => r.action === 'recheck-gate').map((r) => r.id);
  const epochs =
    (rerun.length > 0 ? `; epochs to rerun: ${rerun.join(', ')}` : '') + (recheck.length > 0 ? `; gates to re-check: ${recheck.join(', ')}` : '');
  return (
    `Plan: ${c.create} to create, ${c.update} to update, ${c.merge} to merge, ${c.conflict} conflict${c.conflict === 1 ? '' : 's'}, ` +
    `${c.delete} to delete, ${c.keep} kept${epochs}.`
  );
}

/** The human plan. */
export function renderPlanText(plan: Plan, opts: { verb?: string } = {}): string {
  const lines: string[] = [];
  lines.push(`${opts.verb ?? 'pipec plan'}: ${plan.outDir}${plan.firstCompile ? ' (first compile)' : ''}`);
  const files = plan.files.filter(shown);
  if (files.length > 0) lines.push('');
  const width = Math.min(72, Math.max(0, ...files.map((f) => f.path.length)));
  for (const f of files) {
    const cause = f.causes.length === 0 ? '' : f.causes[0] === '<generator>' ? '; generator changed' : `; spec: ${f.causes.join(', ')}`;
    lines.push(`  ${SYMBOL[f.action]} ${f.action.padEnd(8)} ${f.path.padEnd(width)}  (${f.reason}${cause})`);
  }
  if (plan.manifestChanged && files.every((f) => f.action === 'keep')) lines.push('', '  ~ .pipec/manifest.json (section hashes or cache keys changed)');
  if (plan.rerun.length > 0) {
    lines.push('', 'Epochs to rerun (cache key changed) or whose gate to re-check (gate rules changed):');
    if (plan.firstCompile) lines.push(`  all ${plan.rerun.length} (first compile)`);
    else {
      for (const r of plan.rerun) {
        const what = r.action === 'rerun' ? 'rerun' : 're-check gate';
        lines.push(`  ${r.id} ${r.dir.padEnd(36)} ${what.padEnd(13)} ${r.reasons.join('; ')}`);
      }
    }
  }
  if (plan.removedEpochs.length > 0) lines.push('', `Epochs removed from the spec: ${plan.removedEpochs.join(', ')}`);
  lines.push('', renderPlanSummaryLine(plan));
  return `${lines.join('\n')}\n`;
}

/** Stable JSON shape (version 1). */
export function renderPlanJson(plan: Plan): string {
  const out = {
    version: 1,
    out: plan.outDir,
    firstCompile: plan.firstCompile,
    upToDate: plan.upToDate,
    files: plan.files.filter(shown).map((f) => ({
      path: f.path,
      action: f.action,
      ...(f.keep ? { keep: f.keep } : {}),
      reason: f.reason,
      causes: f.causes,
      sources: f.sources,
      ...(f.conflicts ? { conflicts: f.conflicts } : {}),
    })),
    epochs: { rerun: plan.rerun, stale: plan.stale, removed: plan.removedEpochs },
    manifestChanged: plan.manifestChanged,
    summary: planSummary(plan),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
