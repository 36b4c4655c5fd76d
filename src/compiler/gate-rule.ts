/**
 * Reading a gate rule expression: `fact op value`, or a bare bool fact (`require eda.complete`).
 * Shared by the gate checks and lowering so they agree on what a rule means.
 */
import type { Expr, NameRef } from '../grammar/syntax.js';
import type { Unit } from '../ir/schema.js';
import { numberValue } from './shape-args.js';
import { normalizeQuantity, unitOfQuantity } from './units.js';

/** Comparison operators of gate rules. */
export type GateOp = '>=' | '>' | '<=' | '<' | '==' | '!=';
const OPS: readonly string[] = ['>=', '>', '<=', '<', '==', '!='];

/** A rule read from its expression; `valueUnit` is the unit family the written value implies. */
export interface ReadRule {
  fact: NameRef;
  op: GateOp;
  value: number | boolean;
  /** `bool` for true/false, `size`/`duration`/`percent` for quantities, `number` for plain numbers. */
  valueUnit: 'bool' | 'size' | 'duration' | 'percent' | 'number';
  valueExpr: Expr | null;
}

/** Read `expr` as a gate rule, or return why it is not one. */
export function readGateRule(expr: Expr): ReadRule | { error: string } {
  if (expr.kind === 'Name') return { fact: expr, op: '==', value: true, valueUnit: 'bool', valueExpr: null };
  if (expr.kind !== 'Binary' || !OPS.includes(expr.op)) {
    return { error: 'a gate rule must compare a fact with a value, like `metric.f1_score >= 0.7`' };
  }
  if (expr.left.kind !== 'Name') return { error: 'the left side of a gate rule must be a fact name' };
  const v = expr.right;
  const op = expr.op as GateOp;
  if (v.kind === 'Name' && (v.text === 'true' || v.text === 'false')) {
    return { fact: expr.left, op, value: v.text === 'true', valueUnit: 'bool', valueExpr: v };
  }
  if (v.kind === 'Quantity') {
    return { fact: expr.left, op, value: normalizeQuantity(v.value, v.unit), valueUnit: unitOfQuantity(v.unit), valueExpr: v };
  }
  const n = numberValue(v);
  if (n !== null) return { fact: expr.left, op, value: n, valueUnit: 'number', valueExpr: v };
  return { error: 'the right side of a gate rule must be a number, a quantity (`50MB`, `5%`, `100ms`) or true/false' };
}

/** Whether a written value unit can be compared with a fact of unit `factUnit`. */
export function unitsCompatible(factUnit: Unit, valueUnit: ReadRule['valueUnit']): boolean {
  if (factUnit === 'count' || factUnit === 'number') return valueUnit === 'number';
  return factUnit === valueUnit;
}
