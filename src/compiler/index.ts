/**
 * The compiler's front door: `checkSpec(source, { loadLibrary })` runs parse → shape → resolve →
 * checks → lower, collecting every problem of a stage and stopping between stages, so later stages
 * never see a broken tree. Pure: the library loader is the only way in from the outside world.
 */
import { parseSpec } from '../grammar/index.js';
import type { SyntaxFile } from '../grammar/syntax.js';
import type { Diagnostic, Range, SourceFile } from '../diagnostics/types.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import type { Ir } from '../ir/schema.js';
import type { Feasibility } from '../ir/feasibility-schema.js';
import { lowerSpec } from './lower-project.js';
import { CHECKS } from './passes.js';
import { checkFeasibility, gateLocations } from './feasibility/index.js';
import { Reporter } from './report.js';
import { resolveSpec } from './resolve-merge.js';
import { resolveUses } from './resolve-uses.js';
import { shapeProject } from './shape-file.js';
import { mayRun, poisonOf, unpoisoned } from './poison.js';
import type { CheckOptions } from './stdlib-loader.js';

export type { CheckOptions, LibraryLoader, OracleCache } from './stdlib-loader.js';
export { memoryLoader, libraryPath } from './stdlib-loader.js';
export { dataFileOf } from './data-file-of.js';
export { parseSpec };
export type { DataSample, ColumnProfile } from './data-sample.js';
export { profileSample } from './data-sample.js';
export { inferredKind, initSpec, INIT_COLUMN_KINDS, type InitChoices, type InitColumnKind, type InitResult } from './init-spec.js';

/** Result of checking a spec: all diagnostics (sorted), and the IR when there is no error. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  ir: Ir | null;
  /** What the data can deliver against the gates (also in `ir.feasibility`); null when the pass did not run. */
  feasibility?: Feasibility | null;
  /** Where each gate rule (`005:2`) was written, for diagnostics about it found later (`check --deep`). */
  gateLocations?: Record<string, { file: string; range: Range }>;
}

/** Check and lower one spec. Never throws for a user mistake; `ir` is null when any error was found. */
export function checkSpec(source: SourceFile, opts: CheckOptions): CheckResult {
  const parsed = parseSpec(source);
  if (hasErrors(parsed.diagnostics)) return { diagnostics: sortDiagnostics(parsed.diagnostics), ir: null };
  return checkSyntax(parsed.syntax, opts, parsed.diagnostics);
}

/**
 * Check and lower an already parsed file (the formatter's and tests' entry point); `prior` are
 * the parser's non-error diagnostics, kept in the result.
 */
export function checkSyntax(syntax: SyntaxFile, opts: CheckOptions, prior: readonly Diagnostic[] = []): CheckResult {
  const done = (diags: Diagnostic[], ir: Ir | null = null, feasibility: Feasibility | null = null): CheckResult =>
    ({ diagnostics: sortDiagnostics(diags), ir, feasibility });
  const rep = new Reporter();
  rep.diagnostics.push(...prior);
  const project = shapeProject(syntax, rep);
  if (!project) return done(rep.diagnostics);
  const shapeFailed = rep.hasErrors();
  const before = rep.diagnostics.length;
  const library = resolveUses(project, opts.loadLibrary, rep);
  // A library that fails to load would make every later finding a cascade.
  if (rep.diagnostics.slice(before).some((d) => d.severity === 'error')) return done(rep.diagnostics);
  const spec = resolveSpec(project, library);
  if (shapeFailed) {
    // Checks go on past shape errors on the sound statements (poison.ts); never lowered.
    const poison = poisonOf(syntax, project, rep.diagnostics);
    const semantic = new Reporter();
    for (const check of CHECKS) if (mayRun(check, poison)) check.run({ spec, rep: semantic, data: opts.data });
    return done([...rep.diagnostics, ...unpoisoned(semantic.diagnostics, poison, syntax.path)]);
  }
  for (const check of CHECKS) check.run({ spec, rep, data: opts.data });
  if (rep.hasErrors() || (opts.lower === false && opts.feasibility === false)) return done(rep.diagnostics);
  // The feasibility pass needs the lowered IR (defaults applied), so `check` lowers too.
  const lowered = lowerSpec(spec, { validate: opts.lower !== false && opts.validateIr !== false });
  const ir = opts.feasibility === false ? lowered : checkFeasibility(spec, lowered, rep, opts.oracleCache);
  const feasibility = ir.feasibility ?? null;
  const result = rep.hasErrors() || opts.lower === false ? done(rep.diagnostics, null, feasibility) : done(rep.diagnostics, ir, feasibility);
  return { ...result, gateLocations: gateLocations(spec, ir) };
}
