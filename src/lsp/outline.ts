/**
 * Document symbols (the outline: blocks and the declarations inside them) and folding ranges (every
 * block over several lines, runs of comment lines), both straight from the syntax tree.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Expr, Statement, SyntaxFile } from '../grammar/syntax.js';
import { toLspRange } from './locate.js';

const KINDS: Readonly<Record<string, SymbolKind>> = {
  project: SymbolKind.Package, lifecycle: SymbolKind.Package, epoch: SymbolKind.Module, data: SymbolKind.Struct,
  column: SymbolKind.Field, target: SymbolKind.Field, derive: SymbolKind.Variable, fact: SymbolKind.Property,
  produces: SymbolKind.Property, gate: SymbolKind.Event, require: SymbolKind.Boolean, tier: SymbolKind.EnumMember,
  review: SymbolKind.Event, risk: SymbolKind.Object, models: SymbolKind.Class, baseline: SymbolKind.Class,
};

/** Short source-like text of an argument for symbol names. */
function argText(e: Expr | undefined): string {
  if (!e) return '';
  switch (e.kind) {
    case 'Name': return e.text;
    case 'Number': return e.raw;
    case 'Quantity': return e.raw;
    case 'String': return `"${e.value}"`;
    case 'Binary': return e.op === '=' ? argText(e.left) : `${argText(e.left)} ${e.op} ${argText(e.right)}`;
    case 'Call': return `${e.callee.text}(…)`;
    case 'List': return e.items.map(argText).join(', ');
    case 'Pair': return e.key.name;
    default: return '…';
  }
}

function symbol(s: Statement): DocumentSymbol {
  const named = ['epoch', 'review'].includes(s.keyword.name) ? s.args.slice(0, 2).map(argText).join(' ') : argText(s.args[0]);
  const children = (s.block?.statements ?? []).map(symbol);
  return {
    name: named ? `${s.keyword.name} ${named}` : s.keyword.name,
    kind: KINDS[s.keyword.name] ?? (s.block ? SymbolKind.Namespace : SymbolKind.Key),
    range: toLspRange(s.range),
    selectionRange: toLspRange(s.args[0]?.range ?? s.keyword.range),
    ...(children.length > 0 ? { children } : {}),
  };
}

/** The outline of a file. */
export function documentSymbols(syntax: SyntaxFile): DocumentSymbol[] {
  return syntax.statements.map(symbol);
}

/** Folding ranges: blocks spanning lines, and runs of two or more full-line comments. */
export function foldingRanges(syntax: SyntaxFile, text: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (list: readonly Statement[]) => {
    for (const s of list) {
      if (!s.block) continue;
      const start = s.range.start.line - 1;
      const end = s.block.range.end.line - 1;
      if (end > start) out.push({ startLine: start, endLine: end - 1 });
      visit(s.block.statements);
    }
  };
  visit(syntax.statements);
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ startLine: run[0] as number, endLine: run[run.length - 1] as number, kind: FoldingRangeKind.Comment });
    run = [];
  };
  const lines = text.split('\n');
  for (const c of syntax.comments) {
    const line = c.range.start.line - 1;
    const ownLine = (lines[line] ?? '').trimStart().startsWith('#');
    if (!ownLine || (run.length > 0 && run[run.length - 1] !== line - 1)) flush();
    if (ownLine) run.push(line);
  }
  flush();
  return out.sort((x, y) => x.startLine - y.startLine);
}
