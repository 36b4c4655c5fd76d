/**
 * The generic syntax tree produced by the parser (grammar/). Every `.pipeline` file is a tree of
 * statements: `keyword arg* block?`, terminated by a newline (or `;`). Meaning is given to statements
 * later, by compiler/shape-*.ts, which turns this tree into the typed model (compiler/model.ts).
 * Keeping the syntax generic makes error recovery, formatting and language growth cheap
 * (the same choice as HCL and KDL).
 *
 * Invariant: every node carries the exact source range it was parsed from.
 */
import type { Range } from '../diagnostics/types.js';

export interface SyntaxFile {
  kind: 'File';
  path: string;
  statements: Statement[];
  /** All comments in source order; the formatter re-attaches them. */
  comments: Comment[];
  range: Range;
}

export interface Comment {
  kind: 'Comment';
  /** Text after `#`, without the newline. */
  text: string;
  range: Range;
}

/** `keyword arg arg ... { block }` — e.g. `column age int uniform(18, 80) missing 2%`. */
export interface Statement {
  kind: 'Statement';
  keyword: Word;
  args: Expr[];
  block: Block | null;
  range: Range;
}

export interface Block {
  kind: 'Block';
  statements: Statement[];
  range: Range;
}

/** A bare identifier (keywords are ordinary identifiers at this level). */
export interface Word {
  kind: 'Word';
  name: string;
  range: Range;
}

export type Expr =
  | NumberLit
  | StringLit
  | QuantityLit
  | NameRef
  | CallExpr
  | BinaryExpr
  | UnaryExpr
  | ListExpr
  | MapExpr
  | PairExpr;

/** `42`, `3.5`, `10_000`, `005`. `raw` keeps the source text (epoch ids like `005` need it). */
export interface NumberLit {
  kind: 'Number';
  value: number;
  raw: string;
  range: Range;
}

/** A double-quoted string; `value` has escapes decoded. */
export interface StringLit {
  kind: 'String';
  value: string;
  range: Range;
}

export type SizeUnit = 'B' | 'KB' | 'MB' | 'GB' | 'TB';
export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd';
export type QuantityUnit = SizeUnit | DurationUnit | '%';

/** `50MB`, `100ms`, `5m`, `20%`: a number immediately followed by a unit. */
export interface QuantityLit {
  kind: 'Quantity';
  value: number;
  unit: QuantityUnit;
  raw: string;
  range: Range;
}

/** `age`, `metric.f1_score`, `lifecycle.domino_standard`, `true`, `false`. */
export interface NameRef {
  kind: 'Name';
  parts: string[];
  /** `parts.join('.')` */
  text: string;
  range: Range;
}

/** `uniform(18, 80)`, `sklearn.random_forest()`. */
export interface CallExpr {
  kind: 'Call';
  callee: NameRef;
  args: Expr[];
  range: Range;
}

/** Binary operators are declared, with their precedence, in the language catalogue. */
export type { BinaryOp } from '../catalogue/operators.js';
import type { BinaryOp } from '../catalogue/operators.js';

/**
 * Precedence, loosest first: `=` < `or` < `and` < comparisons < `+ -` < `* /` < unary < `^`.
 * `=` only appears in `derive name = expr`.
 */
export interface BinaryExpr {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  opRange: Range;
  range: Range;
}

export interface UnaryExpr {
  kind: 'Unary';
  op: '-' | 'not';
  operand: Expr;
  range: Range;
}

/** `[a, b, c]`. A bare comma-separated argument list (`baseline a, b`) is also a ListExpr with `bare: true`. */
export interface ListExpr {
  kind: 'List';
  items: Expr[];
  bare: boolean;
  range: Range;
}

/** `{ employed: 70%, "self employed": 20% }` — a `{` whose first entry is `key:` is a map, not a block. */
export interface MapExpr {
  kind: 'Map';
  entries: MapEntry[];
  range: Range;
}

export interface MapEntry {
  kind: 'MapEntry';
  key: string;
  keyRange: Range;
  /** Whether the key was written as a string (`"a b": 50%`); the formatter keeps it so. */
  quotedKey: boolean;
  value: Expr;
  range: Range;
}

/** `drift_checks: count` inside a statement's arguments (`produces drift_checks: count`). */
export interface PairExpr {
  kind: 'Pair';
  key: Word;
  value: Expr;
  range: Range;
}
