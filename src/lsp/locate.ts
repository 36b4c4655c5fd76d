/**
 * Position helpers: compiler ranges (1-based lines and columns, UTF-16 offsets) to LSP ranges
 * (0-based), and "what is under the cursor" in the syntax tree.
 */
import type { Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../diagnostics/types.js';
import type { Expr, Statement, SyntaxFile, Word } from '../grammar/syntax.js';

/** A compiler range as an LSP range. */
export function toLspRange(r: Range): LspRange {
  return {
    start: { line: r.start.line - 1, character: r.start.column - 1 },
    end: { line: r.end.line - 1, character: r.end.column - 1 },
  };
}

/** Whether `offset` is inside `r` (its end included: the cursor right after a name is on it). */
export const within = (r: Range, offset: number): boolean => r.start.offset <= offset && offset <= r.end.offset;

/** The syntax under the cursor: enclosing statements (outermost first) and the smallest node. */
export interface Cursor {
  chain: Statement[];
  node: Expr | Word | null;
  /** Expressions from the statement argument down to `node`. */
  path: Expr[];
}

/** Find the statements and the smallest node at `offset`. */
export function locate(syntax: SyntaxFile, offset: number): Cursor {
  const chain: Statement[] = [];
  let list = syntax.statements;
  for (;;) {
    const s = list.find((x) => within(x.range, offset));
    if (!s) break;
    chain.push(s);
    if (s.block && within(s.block.range, offset)) list = s.block.statements;
    else break;
  }
  const inner = chain[chain.length - 1];
  if (!inner) return { chain, node: null, path: [] };
  if (within(inner.keyword.range, offset)) return { chain, node: inner.keyword, path: [] };
  for (const arg of inner.args) {
    const path = descend(arg, offset);
    if (path.length > 0) return { chain, node: path[path.length - 1] as Expr, path };
  }
  return { chain, node: null, path: [] };
}

/** Expressions containing `offset`, outermost first. */
function descend(e: Expr, offset: number): Expr[] {
  if (!within(e.range, offset)) return [];
  const children: Expr[] = [];
  switch (e.kind) {
    case 'Call': children.push(e.callee, ...e.args); break;
    case 'Binary': children.push(e.left, e.right); break;
    case 'Unary': children.push(e.operand); break;
    case 'List': children.push(...e.items); break;
    case 'Map': children.push(...e.entries.map((m) => m.value)); break;
    case 'Pair': children.push(e.value); break;
    default: break;
  }
  for (const c of children) {
    const sub = descend(c, offset);
    if (sub.length > 0) return [e, ...sub];
  }
  return [e];
}

/** Keywords of the enclosing statements, outermost first (`['project', 'epoch', 'gate', 'require']`). */
export const keywords = (chain: readonly Statement[]): string[] => chain.map((s) => s.keyword.name);
