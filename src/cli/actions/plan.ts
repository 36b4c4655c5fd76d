/**
 * `pipec plan <spec> --out <dir>`: what a compile would do, written nowhere. Like `terraform plan`, a
 * plan with changes is a success (exit 0); `pipec compile --check` is the verb that fails on them.
 * Exit 1 only for spec errors or an interrupted compile, 2 for usage problems.
 */
import { EXIT_OK } from '../exit.js';
import { colorFor, formatDiagnostics } from './output.js';
import { prepare, type RegenOptions } from './compile-pipeline.js';
import { describeFeasibility } from '../../ir/feasibility-text.js';

/** Run the verb and return the exit code. */
export async function runPlan(spec: string, opts: RegenOptions): Promise<number> {
  const prepared = await prepare(spec, { ...opts, fullPlan: true }, 'read');
  const format = opts.format ?? 'pretty';
  if (prepared.kind === 'fresh') throw new Error('plan never takes the fast path');
  if (prepared.kind === 'stop') {
    process.stdout.write(formatDiagnostics(prepared.diagnostics, { format, color: colorFor(process.stdout, opts.color), files: 1, sources: prepared.sources }));
    return prepared.exitCode;
  }
  if (prepared.warnings.length > 0) {
    process.stderr.write(formatDiagnostics(prepared.warnings, { format: 'pretty', color: colorFor(process.stderr, opts.color), files: 1, sources: prepared.sources }));
  }
  const { renderPlanJson, renderPlanText } = await import('../../writer/render-plan.js');
  // What the data can deliver against the gates (the IR's feasibility block) closes the plan.
  const feasibility = prepared.ir.feasibility ?? null;
  if (format === 'json') {
    const doc = JSON.parse(renderPlanJson(prepared.plan)) as Record<string, unknown>;
    process.stdout.write(`${JSON.stringify({ ...doc, feasibility }, null, 2)}\n`);
  } else {
    const extra = feasibility ? `\n${describeFeasibility(feasibility).join('\n')}\n` : '';
    process.stdout.write(`${renderPlanText(prepared.plan)}${extra}`);
  }
  return EXIT_OK;
}
