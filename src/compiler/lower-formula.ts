/** Lowering formulas: syntax expressions → IR Formula trees (checks guarantee only valid terms remain). */
import type { Expr } from '../grammar/syntax.js';
import type { Formula } from '../ir/schema.js';
import { FORMULA_FUNCTIONS } from './standard.js';

type BinOp = Extract<Formula, { kind: 'bin' }>['op'];
const BIN_OPS: readonly string[] = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];

/** Lower one checked formula. Throws only on terms the checks reject (an internal error if reached). */
export function lowerFormula(e: Expr): Formula {
  switch (e.kind) {
    case 'Number': return { kind: 'num', value: e.value };
    case 'Name':
      if (e.text === 'true' || e.text === 'false') return { kind: 'bool', value: e.text === 'true' };
      return { kind: 'col', name: e.text };
    case 'Unary':
      // `-3.0` is a negative literal to the reader: fold it so emitted code reads `-3.0`, not `-(3.0)`.
      if (e.op === '-' && e.operand.kind === 'Number') return { kind: 'num', value: -e.operand.value };
      return { kind: 'unary', op: e.op, arg: lowerFormula(e.operand) };
    case 'Binary':
      if (!BIN_OPS.includes(e.op)) break;
      return { kind: 'bin', op: e.op as BinOp, left: lowerFormula(e.left), right: lowerFormula(e.right) };
    case 'Call':
      if (!Object.hasOwn(FORMULA_FUNCTIONS, e.callee.text)) break;
      return { kind: 'call', fn: e.callee.text as keyof typeof FORMULA_FUNCTIONS, args: e.args.map(lowerFormula) };
    default: break;
  }
  throw new Error(`internal: unchecked formula term ${e.kind} reached lowering`);
}
