/**
 * One operator table for parser, formatter and emitted text: a formula rendered for documents and
 * provenance (renderFormula) re-parses, through the real grammar and lowering, to the same formula.
 * Before the shared table, `(a ^ b) ^ c` rendered as `a ^ b ^ c` (which parses as `a ^ (b ^ c)`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';
import { lowerFormula } from '../../src/compiler/lower-formula.js';
import { FORMULA_FUNCTIONS } from '../../src/compiler/standard.js';
import { renderFormula } from '../../src/emit/view-model.js';
import type { Formula } from '../../src/ir/schema.js';

const BIN_OPS = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'] as const;
const FNS = Object.keys(FORMULA_FUNCTIONS) as (keyof typeof FORMULA_FUNCTIONS)[];

const formula: fc.Arbitrary<Formula> = fc.letrec<{ f: Formula }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    // Negative literals included: lowering folds `-3` into one number, so the renderer must print it
    // where `-` re-parses as that number (not as `-(3 ^ 2)`).
    fc.integer({ min: -50, max: 50 }).filter((v) => !Object.is(v, -0)).map((value): Formula => ({ kind: 'num', value })),
    fc.constantFrom('age', 'income', 'x').map((name): Formula => ({ kind: 'col', name })),
    fc.boolean().map((value): Formula => ({ kind: 'bool', value })),
    fc.record({ kind: fc.constant('bin' as const), op: fc.constantFrom(...BIN_OPS), left: tie('f'), right: tie('f') }),
    // `-<number>` is folded by lowering, so a unary minus directly on a number never reaches the IR.
    fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom('-' as const, 'not' as const), arg: tie('f') })
      .filter((u) => !(u.op === '-' && u.arg.kind === 'num')),
    fc.constantFrom(...FNS).chain((fn) =>
      fc.array(tie('f'), { minLength: FORMULA_FUNCTIONS[fn][0], maxLength: FORMULA_FUNCTIONS[fn][1] }).map((args): Formula => ({ kind: 'call', fn, args }))),
  ),
})).f;

/** Parse `text` as the right side of a derive and lower it, as the compiler does. */
function reparse(text: string): Formula {
  const { syntax, diagnostics } = parseSpec({ path: 'roundtrip.pipeline', text: `derive z = ${text}\n` });
  expect(diagnostics, text).toEqual([]);
  const assign = syntax.statements[0]!.args[0]!;
  if (assign.kind !== 'Binary' || assign.op !== '=') throw new Error(`not a derive: ${text}`);
  return lowerFormula(assign.right);
}

describe('renderFormula', () => {
  it('re-parses to the same formula (fuzzed)', () => {
    fc.assert(fc.property(formula, (f) => {
      expect(reparse(renderFormula(f))).toEqual(f);
    }), { numRuns: 500 });
  });

  it('keeps the grouping the operator table needs, and no more', () => {
    const col = (name: string): Formula => ({ kind: 'col', name });
    const bin = (op: (typeof BIN_OPS)[number], left: Formula, right: Formula): Formula => ({ kind: 'bin', op, left, right });
    expect(renderFormula(bin('^', bin('^', col('a'), col('b')), col('c')))).toBe('(a ^ b) ^ c');
    expect(renderFormula(bin('^', col('a'), bin('^', col('b'), col('c'))))).toBe('a ^ b ^ c');
    expect(renderFormula(bin('-', bin('-', col('a'), col('b')), col('c')))).toBe('a - b - c');
    expect(renderFormula(bin('-', col('a'), bin('-', col('b'), col('c'))))).toBe('a - (b - c)');
    expect(renderFormula(bin('^', { kind: 'num', value: -3 }, { kind: 'num', value: 2 }))).toBe('(-3) ^ 2');
    expect(renderFormula(bin('<', bin('<', col('a'), col('b')), col('c')))).toBe('(a < b) < c');
  });
});
