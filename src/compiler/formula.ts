/**
 * Walking formulas (`derive` and target expressions): which names they use, which calls they make.
 * Shared by the formula checks and by lowering, so both agree on what a formula is.
 */
import type { Expr, NameRef } from '../grammar/syntax.js';

/** Every column reference of a formula (names other than `true`/`false`), in source order. */
export function formulaNames(e: Expr): NameRef[] {
  const out: NameRef[] = [];
  walk(e, (x) => {
    if (x.kind === 'Name' && x.text !== 'true' && x.text !== 'false') out.push(x);
  });
  return out;
}

/** Names used as operands of arithmetic (`+ - * / ^`, unary minus) or ordering comparisons. */
export function numericOperandNames(e: Expr): NameRef[] {
  const out: NameRef[] = [];
  walk(e, (x) => {
    const operands = x.kind === 'Binary' && ['+', '-', '*', '/', '^', '<', '<=', '>', '>='].includes(x.op)
      ? [x.left, x.right]
      : x.kind === 'Unary' && x.op === '-' ? [x.operand]
      : x.kind === 'Call' ? x.args : [];
    for (const o of operands) if (o.kind === 'Name') out.push(o);
  });
  return out;
}

/** Visit `e` and its sub-expressions (pre-order). Call callees are not visited as names. */
export function walk(e: Expr, visit: (x: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'Binary': walk(e.left, visit); walk(e.right, visit); break;
    case 'Unary': walk(e.operand, visit); break;
    case 'Call': for (const a of e.args) walk(a, visit); break;
    case 'List': for (const a of e.items) walk(a, visit); break;
    case 'Map': for (const m of e.entries) walk(m.value, visit); break;
    case 'Pair': walk(e.value, visit); break;
    default: break;
  }
}

/** Every formula of the spec with the names in scope for it (target: columns; derive: columns + earlier derives). */
export interface FormulaSite {
  what: string;
  expr: Expr;
  scope: string[];
}

/**
 * The formulas of a project with their scopes. `closed` is false for file data that declares no
 * columns: the columns are only known at run time, so unknown-name checks must stay quiet.
 */
export function formulaSites(p: import('./model.js').ProjectDecl): { sites: FormulaSite[]; closed: boolean } {
  const columns = (p.data?.columns ?? []).map((c) => c.name.value);
  const closed = p.data?.kind !== 'file' || columns.length > 0;
  const sites: FormulaSite[] = [];
  const g = p.data?.target?.generator;
  if (g && (g.kind === 'logistic' || g.kind === 'linear')) {
    sites.push({ what: `target "${p.data?.target?.name.value}"`, expr: g.formula, scope: columns });
  }
  const derived: string[] = [];
  for (const d of p.features?.derives ?? []) {
    sites.push({ what: `derive "${d.name.value}"`, expr: d.formula, scope: [...columns, ...derived] });
    derived.push(d.name.value);
  }
  return { sites, closed };
}
