// Rule: names that become folders, packages or Python identifiers are safe for all three.
import type { Check, CheckContext } from '../check-context.js';
import type { Located } from '../model.js';

const PY_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
  'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type']);

/** Why `name` is unsafe, or null. `strict`: lower-case snake_case (folders, packages). */
export function unsafeReason(name: string, strict: boolean): string | null {
  if (name.includes('..') || name.includes('/') || name.includes('\\')) return 'it contains a path separator or `..`';
  if (/\s/.test(name)) return 'it contains a space';
  if (PY_KEYWORDS.has(name)) return 'it is a Python keyword';
  if (name.length > 64) return 'it is longer than 64 characters';
  const re = strict ? /^[a-z][a-z0-9_]*$/ : /^[A-Za-z_][A-Za-z0-9_]*$/;
  if (!re.test(name)) return strict ? 'it must be lower-case snake_case starting with a letter' : 'it is not a valid Python identifier';
  return null;
}

/** A safe name close to `name`, offered in the hint (`my-project` → `my_project`, `class` → `class_`). */
export function safeVersion(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '').slice(0, 64);
  const word = base === '' ? 'name' : base;
  return PY_KEYWORDS.has(word) ? `${word}_` : word;
}

function verify(ctx: CheckContext, what: string, n: Located<string>, strict: boolean): void {
  const why = unsafeReason(n.value, strict);
  if (why) {
    ctx.rep.report('PC2008', n, `${what} name "${n.value}" is unsafe: ${why}`,
      `use a lower-case snake_case name that is not a Python keyword, such as \`${safeVersion(n.value)}\``);
  }
}

/** PC2008: unsafe project, epoch, column, target or derived feature names. */
export const checkSafeNames: Check = {
  name: 'safe-names',
  run(ctx) {
    const p = ctx.spec.project;
    verify(ctx, 'project', p.name, true);
    for (const e of p.epochs) if (e.name) verify(ctx, 'epoch', e.name, true);
    for (const c of p.data?.columns ?? []) verify(ctx, 'column', c.name, false);
    if (p.data?.target) verify(ctx, 'target', p.data.target.name, false);
    for (const d of p.features?.derives ?? []) verify(ctx, 'derived feature', d.name, false);
  },
};
