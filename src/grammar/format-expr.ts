/**
 * Canonical printing of expressions: one space around binary operators, minimal parentheses (derived
 * from precedence, since the tree keeps none), `f(a, b)`, `[a, b]`, `{ a: 1, "b c": 2 }`, strings
 * re-escaped, numbers and quantities as written (`005`, `10_000`). A map or list whose first item was on
 * its own line in the source stays multi-line (one item per line, trailing commas), keeping its comments.
 */
import type { Range } from '../diagnostics/types.js';
import type { Expr } from './syntax.js';
import { quoteString } from './literals.js';
import { render, type CommentStore } from './format-comments.js';
import { ATOM_PRECEDENCE, PREFIX_PRECEDENCE, needsParentheses, precedenceOf } from '../catalogue/operators.js';

function precOf(e: Expr): number {
  if (e.kind === 'Binary') return precedenceOf(e.op);
  if (e.kind === 'Unary') return PREFIX_PRECEDENCE;
  return ATOM_PRECEDENCE;
}

/** Printing context: the source text (to tell multi-line maps/lists) and the comments still to print. */
export interface ExprPrinter {
  comments: CommentStore;
  /** Indentation of the line the expression starts on. */
  indent: string;
}

const IND = '  ';

/** Print an expression canonically. */
export function printExpr(e: Expr, p: ExprPrinter): string {
  switch (e.kind) {
    case 'Number':
    case 'Quantity':
      return e.raw;
    case 'String':
      return quoteString(e.value);
    case 'Name':
      return e.text;
    case 'Call':
      return `${e.callee.text}(${e.args.map((a) => printExpr(a, p)).join(', ')})`;
    case 'Pair':
      return `${e.key.name}: ${printExpr(e.value, p)}`;
    case 'Unary': {
      const inner = wrap(e.operand, precOf(e.operand) < PREFIX_PRECEDENCE, p);
      return e.op === 'not' ? `not ${inner}` : `-${inner}`;
    }
    case 'Binary': {
      const left = wrap(e.left, needsParentheses(precOf(e.left), e.op, 'left'), p);
      const right = wrap(e.right, needsParentheses(precOf(e.right), e.op, 'right'), p);
      return `${left} ${e.op} ${right}`;
    }
    case 'List':
      if (e.bare) return e.items.map((i) => printExpr(i, p)).join(', ');
      if (isMultiline(e.range, e.items[0]?.range)) return multiline('[', ']', e.items.map((i) => ({ range: i.range, print: (q: ExprPrinter) => printExpr(i, q) })), e.range, p);
      return `[${e.items.map((i) => printExpr(i, p)).join(', ')}]`;
    case 'Map': {
      const key = (k: string, quoted: boolean) => (quoted ? quoteString(k) : k);
      if (isMultiline(e.range, e.entries[0]?.range)) {
        const items = e.entries.map((en) => ({ range: en.range, print: (q: ExprPrinter) => `${key(en.key, en.quotedKey)}: ${printExpr(en.value, q)}` }));
        return multiline('{', '}', items, e.range, p);
      }
      return `{ ${e.entries.map((en) => `${key(en.key, en.quotedKey)}: ${printExpr(en.value, p)}`).join(', ')} }`;
    }
  }
}

function wrap(e: Expr, parens: boolean, p: ExprPrinter): string {
  const s = printExpr(e, p);
  return parens ? `(${s})` : s;
}

/** The first item starts on a later line than the opening bracket. */
function isMultiline(outer: Range, first: Range | undefined): boolean {
  return first !== undefined && first.start.line > outer.start.line;
}

interface Item {
  range: Range;
  print: (p: ExprPrinter) => string;
}

/** One item per line, each followed by `,`; comments of the construct stay on their lines. */
function multiline(open: string, close: string, items: Item[], range: Range, p: ExprPrinter): string {
  const inner = p.indent + IND;
  const q: ExprPrinter = { ...p, indent: inner };
  const c = p.comments;
  const openTrail = c.takeTrailing(range.start.line, range.start.offset);
  const lines = [open + (openTrail ? c.trailingText(openTrail) : '')];
  let from = range.start.offset;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    for (const own of c.takeBetween(from, it.range.start.offset)) lines.push(inner + render(own));
    const next = items[i + 1]?.range.start.offset ?? range.end.offset;
    let line = inner + it.print(q) + ',';
    // A comment on the item's last line (after its `,`) trails the item.
    const trail = c.takeTrailing(it.range.end.line, it.range.end.offset, next);
    if (trail) line += c.trailingText(trail);
    for (const more of c.takeBetween(it.range.start.offset, it.range.end.offset)) lines.push(inner + render(more));
    lines.push(line);
    from = it.range.end.offset;
  }
  for (const own of c.takeBetween(from, range.end.offset)) lines.push(inner + render(own));
  lines.push(p.indent + close);
  return lines.join('\n');
}
