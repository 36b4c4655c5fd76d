/**
 * Checks past shape errors (issue 12): after a statement fails to shape, the semantic checks still
 * run on the sound parts of the spec, so one run reports every independent problem. A statement of
 * the project block that holds a shape error is "poisoned": semantic diagnostics inside it are
 * dropped (they would be cascades of the first error), and the checks that read the problem kind
 * are skipped when the problem kind itself is missing or invalid.
 */
import type { Diagnostic, Range } from '../diagnostics/types.js';
import type { SyntaxFile } from '../grammar/syntax.js';
import type { Check } from './check-context.js';
import type { ProjectDecl } from './model.js';

/** Checks whose findings depend on knowing the problem kind. */
const NEEDS_PROBLEM = new Set(['metric', 'model-problem', 'split', 'target-kind', 'gate-facts', 'data-target', 'gate-range']);

const within = (r: Range, outer: Range) => r.start.offset >= outer.start.offset && r.end.offset <= outer.end.offset;

/** What the shape errors poison: ranges of the project's statements holding one, and whether the problem kind is known. */
export interface Poison {
  ranges: Range[];
  problemKnown: boolean;
}

/** The poison of a shaped project given the shape stage's diagnostics. */
export function poisonOf(syntax: SyntaxFile, project: ProjectDecl, shapeDiags: readonly Diagnostic[]): Poison {
  const errors = shapeDiags.filter((d) => d.severity === 'error' && d.file === syntax.path && d.range);
  const children = syntax.statements.find((s) => s.keyword.name === 'project')?.block?.statements ?? [];
  const ranges = children.map((s) => s.range).filter((r) => errors.some((d) => within(d.range as Range, r)));
  return { ranges, problemKnown: project.problem !== null };
}

/** Whether `check` may run under `poison`. */
export function mayRun(check: Check, poison: Poison): boolean {
  return poison.problemKnown || !NEEDS_PROBLEM.has(check.name);
}

/** Semantic diagnostics that are not inside a poisoned statement. */
export function unpoisoned(diags: readonly Diagnostic[], poison: Poison, file: string): Diagnostic[] {
  return diags.filter((d) => !(d.file === file && d.range && poison.ranges.some((r) => within(d.range as Range, r))));
}
