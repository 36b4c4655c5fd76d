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

/** A formula of the spec and where it stands in declaration order (for scoping). */
export interface FormulaSite {
  what: string;
  expr: Expr;
  /** Names declared at a position below this one are in scope. */
  position: number;
}

/** The formulas of a project and the names they may use. */
export interface FormulaScope {
  sites: FormulaSite[];
  /** Name → declaration position: columns 0, derive k at k + 1 (first declaration wins). */
  declared: ReadonlyMap<string, number>;
  /** False for file data that declares no columns: columns are only known at run time. */
  closed: boolean;
}

/** Whether `name` is visible from `site` (linear overall: no per-site scope copies for big specs). */
export function inScope(scope: FormulaScope, site: FormulaSite, name: string): boolean {
  const pos = scope.declared.get(name);
  return pos !== undefined && pos < site.position;
}

/** The names visible from `site` (only computed for messages). */
export function namesInScope(scope: FormulaScope, site: FormulaSite): string[] {
  return [...scope.declared].filter(([, pos]) => pos < site.position).map(([n]) => n);
}

/** Collect the formulas of a project: the target generator (sees columns) and each derive (sees columns and earlier derives). */
export function formulaSites(p: import('./model.js').ProjectDecl): FormulaScope {
  // Three checks ask for the same scope; the model is immutable after shaping, so compute it once.
  const cached = SCOPES.get(p);
  if (cached) return cached;
  const declared = new Map<string, number>();
  for (const c of p.data?.columns ?? []) if (!declared.has(c.name.value)) declared.set(c.name.value, 0);
  const closed = p.data?.kind !== 'file' || declared.size > 0;
  const sites: FormulaSite[] = [];
  const g = p.data?.target?.generator;
  if (g && (g.kind === 'logistic' || g.kind === 'linear')) {
    sites.push({ what: `target "${p.data?.target?.name.value}"`, expr: g.formula, position: 1 });
  }
  (p.features?.derives ?? []).forEach((d, k) => {
    sites.push({ what: `derive "${d.name.value}"`, expr: d.formula, position: k + 1 });
    if (!declared.has(d.name.value)) declared.set(d.name.value, k + 1);
  });
  const scope = { sites, declared, closed };
  SCOPES.set(p, scope);
  return scope;
}

const SCOPES = new WeakMap<object, FormulaScope>();
