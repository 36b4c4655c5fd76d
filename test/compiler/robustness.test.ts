/**
 * Property test: random edits of the example's syntax tree (statements dropped, duplicated or moved
 * between blocks, arguments replaced by any other expression of the file) never make the compiler
 * throw; every outcome is diagnostics, or an IR that satisfies the schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSyntax } from '../../src/compiler/index.js';
import { parseSpec } from '../../src/grammar/index.js';
import type { Block, Expr, Statement } from '../../src/grammar/syntax.js';
import { IrSchema } from '../../src/ir/schema.js';
import { diskLoader, repoSource } from './helpers/disk-loader.js';

const loader = diskLoader();
const base = parseSpec(repoSource('examples/credit-risk/project.pipeline')).syntax;

/** Every statement of the tree (pre-order) and every expression used as an argument. */
function collect(stmts: readonly Statement[], out: { stmts: Statement[]; exprs: Expr[] }) {
  for (const s of stmts) {
    out.stmts.push(s);
    out.exprs.push(...s.args);
    if (s.block) collect(s.block.statements, out);
  }
  return out;
}
const pool = collect(base.statements, { stmts: [], exprs: [] });

type Edit = { kind: 'drop' | 'dup' | 'arg' | 'move' | 'unblock'; at: number; other: number };
const edit = fc.record({
  kind: fc.constantFrom<Edit['kind']>('drop', 'dup', 'arg', 'move', 'unblock'),
  at: fc.nat(pool.stmts.length - 1),
  other: fc.nat(1000),
});

/** Apply edits to a deep copy (structuredClone keeps the original tree intact between runs). */
function mutate(edits: Edit[]): Statement[] {
  const roots = structuredClone(base.statements);
  for (const e of edits) {
    const all = collect(roots, { stmts: [], exprs: [] }).stmts;
    const target = all[e.at % all.length];
    if (!target) continue;
    const parentBlock = all.map((s) => s.block).find((b): b is Block => !!b && b.statements.includes(target));
    const siblings = parentBlock?.statements ?? roots;
    const i = siblings.indexOf(target);
    if (e.kind === 'drop') siblings.splice(i, 1);
    else if (e.kind === 'dup') siblings.splice(i, 0, structuredClone(target));
    else if (e.kind === 'unblock') target.block = null;
    else if (e.kind === 'arg') {
      const replacement = structuredClone(pool.exprs[e.other % pool.exprs.length] as Expr);
      if (target.args.length === 0) target.args.push(replacement);
      else target.args[e.other % target.args.length] = replacement;
    } else {
      const dest = all[e.other % all.length]?.block;
      // Moving a statement into its own subtree would make the tree cyclic: not a tree any more.
      const own = collect([target], { stmts: [], exprs: [] }).stmts.some((s) => s.block === dest);
      if (dest && !own) { siblings.splice(i, 1); dest.statements.push(target); }
    }
  }
  return roots;
}

describe('compiler robustness', () => {
  it('never throws on mutated syntax trees', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      const r = checkSyntax({ ...base, statements: mutate(edits) }, { loadLibrary: loader });
      if (r.ir) expect(IrSchema.safeParse(r.ir).success).toBe(true);
      else expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }), { numRuns: 300, seed: 20261127 });
  });
});
