/**
 * `pipec compile <spec> --out <dir>`: check, emit, and write through src/writer (atomic, 3-way merge
 * of user edits, manifest). `--check` only compares; `--watch` recompiles on save (compile-watch.ts).
 * Exit codes: 0 written / up to date; 1 spec errors, conflicts, or (with --check) out of date; 2 usage.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { colorFor, formatDiagnostics } from './output.js';
import { placeDataFile } from './compile-data.js';
import { prepare, staleHook, staleMarked, staleWarnings, type RegenOptions } from './compile-pipeline.js';

/** Options of `pipec compile`. */
export interface CompileOptions extends RegenOptions {
  check?: boolean;
  watch?: boolean;
  /** Print only the one-line plan summary after writing (what `--watch` shows on each save). */
  summary?: boolean;
}

/** Run once (no watch) and return the exit code. `log` receives human output (stdout by default). */
export async function compileOnce(spec: string, opts: CompileOptions, log: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const format = opts.format ?? 'pretty';
  const render = (diags: Diagnostic[], sources: ReadonlyMap<string, string>, stream: NodeJS.WriteStream) =>
    formatDiagnostics(diags, { format, color: colorFor(stream, opts.color), files: 1, sources });
  const prepared = await prepare(spec, opts, opts.check ? 'read' : 'write');
  if (prepared.kind === 'fresh') {
    if (format === 'json') log(`${JSON.stringify({ version: 1, out: opts.out, upToDate: true, fastPath: true })}\n`);
    else if (opts.summary) log('Up to date: nothing to do.\n');
    else log(`${opts.check ? '' : 'pipec compile: '}${opts.out} is up to date with ${spec}\n`);
    return EXIT_OK;
  }
  if (prepared.kind === 'stop') {
    log(render(prepared.diagnostics, prepared.sources, process.stdout));
    return prepared.exitCode;
  }
  if (prepared.warnings.length > 0) process.stderr.write(render(prepared.warnings, prepared.sources, process.stderr));
  const { plan } = prepared;
  const { renderPlanJson, renderPlanText, renderPlanSummaryLine, applyPlan } = await import('../../writer/index.js');
  if (opts.check) {
    if (plan.upToDate) {
      if (format !== 'json') log(`${plan.outDir} is up to date with ${spec}\n`);
      else log(renderPlanJson(plan));
      return EXIT_OK;
    }
    if (format === 'json') log(renderPlanJson(plan));
    else {
      log(renderPlanText(plan, { verb: 'pipec compile --check' }));
      const d = makeDiagnostic({ code: 'PC9504', message: `${plan.outDir} is out of date with ${spec}; run \`pipec compile ${spec} --out ${plan.outDir}\``, file: spec });
      if (format !== 'pretty') log(render([d], prepared.sources, process.stdout));
    }
    return EXIT_FINDINGS;
  }
  staleWarnings.length = 0;
  staleMarked.length = 0;
  const reasons = Object.fromEntries(plan.rerun.map((r) => [r.id, r.reasons]));
  const result = applyPlan(plan, await staleHook(plan.outDir, reasons));
  const data = placeDataFile(prepared.ir, spec, plan.outDir);
  if (data.kind === 'copied' && format !== 'json') log(`pipec compile: copied data file ${data.from} to ${data.to}\n`);
  if (data.kind === 'missing') {
    process.stderr.write(`warning: data file ${data.from} not found; epoch 002 will look for it in ${plan.outDir}/data/${prepared.ir.project.name}/ or at $PIPEC_SOURCE_DATA\n`);
  }
  if (format === 'json') log(renderPlanJson(plan));
  else if (opts.summary) log(`${renderPlanSummaryLine(plan)}\n`);
  else if (plan.firstCompile) log(`pipec compile: wrote ${result.written} files to ${plan.outDir}\n`);
  else if (plan.upToDate) log(`pipec compile: ${plan.outDir} is up to date with ${spec}\n`);
  else log(renderPlanText(plan, { verb: 'pipec compile' }));
  if (staleMarked.length > 0 && format !== 'json') log(`Marked stale (rerun with \`pipec run ${plan.outDir} --resume\`): ${staleMarked.join(', ')}\n`);
  const recheck = plan.rerun.filter((r) => r.action === 'recheck-gate').map((r) => r.id);
  if (recheck.length > 0 && format !== 'json') log(`Gate rules changed (\`pipec run ${plan.outDir} --resume\` re-checks them on the recorded facts): ${recheck.join(', ')}\n`);
  for (const w of staleWarnings) process.stderr.write(`warning: ${w}\n`);
  if (result.conflicts.length === 0) return EXIT_OK;
  const diags: Diagnostic[] = result.conflicts.map((path) => makeDiagnostic({
    code: 'PC9505',
    message: `merge conflict in ${path}: your edits and the regenerated content change the same lines`,
    file: `${plan.outDir}/${path}`,
    hint: 'resolve the <<<<<<< yours / >>>>>>> generated blocks, then run `pipec compile --check`',
  }));
  log(render(diags, prepared.sources, process.stdout));
  return EXIT_FINDINGS;
}

/** The verb: once, or watching. */
export async function runCompile(spec: string, opts: CompileOptions): Promise<number> {
  if (!opts.watch) return compileOnce(spec, opts);
  const { watchCompile } = await import('./compile-watch.js');
  return watchCompile(spec, opts);
}
