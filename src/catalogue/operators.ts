/**
 * The operator table of the language: binding power and associativity of every binary operator, and
 * where prefix `-`/`not` bind. The parser (grammar/to-syntax.ts), the formatter (grammar/format-expr.ts)
 * and every renderer of formulas (emit/view-model.ts) read it, so printed text re-parses to the same tree.
 */

/** How a chain of one operator groups: `a - b - c` is left, `a ^ b ^ c` right, `a < b < c` neither. */
export type Associativity = 'left' | 'right' | 'none';

interface OperatorInfo {
  /** Binding power: higher binds tighter. */
  precedence: number;
  associativity: Associativity;
}

/** Loosest first: `=` < `or` < `and` < comparisons < `+ -` < `* /` < prefix `-`/`not` < `^`. */
export const BINARY_OPERATORS = {
  '=': { precedence: 1, associativity: 'none' },
  or: { precedence: 2, associativity: 'left' },
  and: { precedence: 3, associativity: 'left' },
  // Chained comparisons parse left to right but read ambiguously: printers keep them explicit.
  '<': { precedence: 4, associativity: 'none' },
  '<=': { precedence: 4, associativity: 'none' },
  '>': { precedence: 4, associativity: 'none' },
  '>=': { precedence: 4, associativity: 'none' },
  '==': { precedence: 4, associativity: 'none' },
  '!=': { precedence: 4, associativity: 'none' },
  '+': { precedence: 5, associativity: 'left' },
  '-': { precedence: 5, associativity: 'left' },
  '*': { precedence: 6, associativity: 'left' },
  '/': { precedence: 6, associativity: 'left' },
  '^': { precedence: 8, associativity: 'right' },
} as const satisfies Record<string, OperatorInfo>;

/** A binary operator of the language (the syntax tree's `Binary.op`). */
export type BinaryOp = keyof typeof BINARY_OPERATORS;

/** Prefix `-` and `not` bind tighter than `* /` and looser than `^` (`-x ^ 2` is `-(x ^ 2)`). */
export const PREFIX_PRECEDENCE = 7;
/** Names, numbers, calls, brackets: never need parentheses. */
export const ATOM_PRECEDENCE = 9;

/** Binding power of a binary operator. */
export const precedenceOf = (op: BinaryOp): number => BINARY_OPERATORS[op].precedence;

/**
 * Whether an operand printed beside `op` needs parentheses to re-parse as the same tree, given the
 * operand's own binding power (`ATOM_PRECEDENCE` for atoms, `PREFIX_PRECEDENCE` for prefix forms).
 */
export function needsParentheses(operandPrecedence: number, op: BinaryOp, side: 'left' | 'right'): boolean {
  const { precedence, associativity }: OperatorInfo = BINARY_OPERATORS[op];
  if (operandPrecedence !== precedence) return operandPrecedence < precedence;
  return associativity !== side;
}
