/**
 * CST → syntax tree (syntax.ts). Gives every node its exact range, decodes literals, and reports what the
 * grammar deliberately accepts but the language does not (lines that cannot start a statement, two
 * statements on one line, a block on its own line). A node chevrotain had to recover is dropped: its
 * error is already reported, and later phases must only see statements that really parsed.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Diagnostic, DiagnosticCode, Range } from '../diagnostics/types.js';
import type { Block, Expr, MapEntry, NameRef, Statement, Word, BinaryOp } from './syntax.js';
import * as T from './tokens.js';
import { decodeNumeric, decodeString, type LiteralProblem } from './literals.js';
import { innerRange, spanRange, tokenRange } from './ranges.js';
import { BINARY_OPERATORS, PREFIX_PRECEDENCE, precedenceOf } from '../catalogue/operators.js';
import { makeDiagnostic } from '../diagnostics/make.js';

/** Shared state of one conversion. */
export interface SyntaxContext {
  file: string;
  diagnostics: Diagnostic[];
  /** Lines where the parser already reported an error: a skipped rest of such a line is not reported again. */
  errorLines: ReadonlySet<number>;
}

const isNode = (e: CstElement | undefined): e is CstNode => e !== undefined && 'children' in e;
// Each CST child key holds only nodes (rule names) or only tokens (token names and labels), so these
// lookups need no filtering: this file is on the hot path of every parse.
const NONE: never[] = [];
const sub = (n: CstNode, name: string): CstNode | undefined => n.children[name]?.[0] as CstNode | undefined;
const subs = (n: CstNode, name: string): CstNode[] => (n.children[name] as CstNode[] | undefined) ?? NONE;
const tok = (n: CstNode, name: string): IToken | undefined => n.children[name]?.[0] as IToken | undefined;
const toks = (n: CstNode, name: string): IToken[] => (n.children[name] as IToken[] | undefined) ?? NONE;
/** A token chevrotain invented while recovering: the real input was wrong there, and it was reported. */
const invented = (t: IToken | undefined): boolean => t === undefined || t.isInsertedInRecovery === true;
const broken = (n: CstNode | undefined): n is undefined => n === undefined || n.recoveredNode === true;
/** Where an element of a statement list starts (the CST keeps no locations: they cost memory). */
const startOf = (e: CstElement): number => {
  if (!isNode(e)) return e.startOffset;
  const first = e.name === 'statement' ? tok(e, 'keyword') : e.name === 'junkLine' ? tok(e, 'JunkStart') : tok(sub(e, 'block') ?? e, 'LCurly');
  return first?.startOffset ?? 0;
};

function word(t: IToken): Word {
  return { kind: 'Word', name: t.image, range: tokenRange(t) };
}

function describe(t: IToken): string {
  if (t.tokenType === T.Newline || t.image === '') return 'the end of the line';
  return `\`${t.image.length > 30 ? t.image.slice(0, 29) + '…' : t.image}\``;
}

/** Convert a parsed `file` CST into the statements of a SyntaxFile. */
export function fileToSyntax(node: CstNode, ctx: SyntaxContext): Statement[] {
  const list = sub(node, 'statementList');
  return list ? statementList(list, ctx) : [];
}

function statementList(node: CstNode, ctx: SyntaxContext): Statement[] {
  const elements = Object.values(node.children).flat();
  elements.sort((a, b) => startOf(a) - startOf(b));
  const out: Statement[] = [];
  const report = (t: IToken, code: DiagnosticCode, message: string, hint: string) =>
    ctx.diagnostics.push(makeDiagnostic({ code, message, file: ctx.file, range: tokenRange(t), hint }));
  // `last` is the statement that ended the current line so far (undefined after a separator).
  let last: { stmt: Statement | null; node: CstNode | undefined } | undefined;
  for (const e of elements) {
    if (!isNode(e)) {
      last = undefined; // Newline or `;`
      continue;
    }
    if (e.name === 'statement') {
      const stmt = statement(e, ctx);
      const kw = tok(e, 'keyword');
      if (last && kw && !invented(kw)) {
        report(kw, 'PC0009', `\`${kw.image}\` starts a new statement on the same line`, 'put each statement on its own line, or separate them with `;`');
      }
      if (stmt) out.push(stmt);
      last = { stmt, node: e };
    } else if (e.name === 'junkLine') {
      const first = tok(e, 'JunkStart');
      if (!first) continue;
      if (ctx.errorLines.has(first.startLine ?? 0)) {
        if (last?.stmt && out[out.length - 1] === last.stmt) out.pop();
      } else if (last) {
        if (last.stmt && out[out.length - 1] === last.stmt) out.pop();
        const lastToken = last.node && lastTokenOf(last.node); // only computed on this error path
        const after = lastToken ? ` after ${describe(lastToken)}` : '';
        report(first, 'PC0007', `unexpected ${describe(first)}${after}`, 'expected another argument, a block `{`, or the end of the line; remove or fix this part of the line');
      } else {
        report(first, 'PC0008', `a statement must start with a name, not ${describe(first)}`, 'start the line with a keyword such as `column` or `epoch`, or make it a comment with `#`');
      }
      last = { stmt: null, node: undefined };
    } else if (e.name === 'orphanBlock') {
      const open = sub(e, 'block') && tok(sub(e, 'block')!, 'LCurly');
      if (open) report(open, 'PC0014', 'a block `{` must start on the same line as its statement', 'move `{` to the end of the statement line it belongs to, e.g. `limits {`');
      last = { stmt: null, node: undefined };
    }
  }
  return out;
}

function lastTokenOf(n: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const e of Object.values(n.children).flat()) {
    const t = isNode(e) ? lastTokenOf(e) : e;
    if (t && (!best || t.startOffset > best.startOffset)) best = t;
  }
  return best;
}

function statement(node: CstNode, ctx: SyntaxContext): Statement | null {
  const kw = tok(node, 'keyword');
  if (node.recoveredNode || invented(kw) || !kw) return null;
  const args: Expr[] = [];
  let failed = false;
  for (const g of subs(node, 'argGroup')) {
    const a = argGroup(g, ctx); // keep going after a bad argument, so each one is reported
    if (a) args.push(a);
    else failed = true;
  }
  if (failed) return null;
  let block: Block | null = null;
  const b = sub(node, 'block');
  if (b) {
    block = blockOf(b, ctx);
    if (!block) return null;
  }
  const keyword = word(kw);
  const end = block ? block.range : args.length > 0 ? args[args.length - 1]!.range : keyword.range;
  return { kind: 'Statement', keyword, args, block, range: spanRange(keyword.range, end) };
}

function blockOf(node: CstNode, ctx: SyntaxContext): Block | null {
  const open = tok(node, 'LCurly');
  const close = tok(node, 'RCurly');
  const list = sub(node, 'statementList');
  if (broken(node) || !open || invented(close) || !close) return null;
  const statements = list ? statementList(list, ctx) : [];
  return { kind: 'Block', statements, range: spanRange(tokenRange(open), tokenRange(close)) };
}

function argGroup(node: CstNode, ctx: SyntaxContext): Expr | null {
  if (broken(node)) return null;
  const items: Expr[] = [];
  for (const it of subs(node, 'argItem')) {
    const e = argItem(it, ctx);
    if (!e) return null;
    items.push(e);
  }
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]!;
  return { kind: 'List', items, bare: true, range: spanRange(items[0]!.range, items[items.length - 1]!.range) };
}

function argItem(node: CstNode, ctx: SyntaxContext): Expr | null {
  if (broken(node)) return null;
  const key = tok(node, 'pairKey');
  if (key) {
    const v = sub(node, 'expression');
    const value = v ? expression(v, ctx) : null;
    if (!value || invented(key)) return null;
    const k = word(key);
    return { kind: 'Pair', key: k, value, range: spanRange(k.range, value.range) };
  }
  const e = sub(node, 'expression');
  return e ? expression(e, ctx) : null;
}


interface Operand {
  prefixes: IToken[];
  primary: Expr;
}

/**
 * `expression` CST (a flat `operand (op operand)*` chain) → Expr, by precedence climbing over the
 * operator table (operators.ts); `=` may appear once. Also used for call arguments, list items and
 * map values.
 */
export function expression(node: CstNode, ctx: SyntaxContext): Expr | null {
  if (broken(node)) return null;
  const ops = toks(node, 'op');
  const operandNodes = subs(node, 'operand');
  if (operandNodes.length !== ops.length + 1 || ops.some(invented)) return null;
  const operands: Operand[] = [];
  for (const o of operandNodes) {
    const primaryExpr = primary(o, ctx);
    if (!primaryExpr) return null;
    operands.push({ prefixes: toks(o, 'prefix'), primary: primaryExpr });
  }
  const assigns = ops.filter((t) => t.image === '=');
  if (assigns.length > 1) {
    ctx.diagnostics.push(makeDiagnostic({
      code: 'PC0007',
      message: 'unexpected second `=`: `=` can appear only once in an expression',
      file: ctx.file,
      range: tokenRange(assigns[1]!),
      hint: 'write `derive name = expression`; compare with `==`',
    }));
    return null;
  }
  // Cursor: operand k is next; p is the next unread prefix of operand k. ops[k - 1] follows operand k - 1.
  let k = 0;
  let p = 0;
  const climb = (minPrec: number): Expr => {
    let left = operandAt();
    for (let op = ops[k - 1]; op && precedenceOf(op.image as BinaryOp) >= minPrec; op = ops[k - 1]) {
      const info = BINARY_OPERATORS[op.image as BinaryOp];
      const right = climb(info.associativity === 'right' ? info.precedence : info.precedence + 1);
      left = { kind: 'Binary', op: op.image as BinaryOp, left, right, opRange: tokenRange(op), range: spanRange(left.range, right.range) };
    }
    return left;
  };
  const operandAt = (): Expr => {
    const o = operands[k]!;
    const prefix = o.prefixes[p];
    if (prefix) {
      p++;
      const operand = climb(PREFIX_PRECEDENCE + 1); // only what binds tighter than a prefix operator
      return { kind: 'Unary', op: prefix.image === 'not' ? 'not' : '-', operand, range: spanRange(tokenRange(prefix), operand.range) };
    }
    k++;
    p = 0;
    return o.primary;
  };
  return climb(0);
}

function reportLiteral(t: IToken, p: LiteralProblem, ctx: SyntaxContext): void {
  ctx.diagnostics.push(makeDiagnostic({ code: p.code, message: p.message, file: ctx.file, range: innerRange(t, p.start, p.end), hint: p.hint }));
}

const TERMINATED = /^"(?:[^"\\\r\n]|\\[^\r\n])*"$/;

function stringValue(t: IToken, ctx: SyntaxContext): string {
  const d = decodeString(t.image, TERMINATED.test(t.image));
  for (const p of d.problems) reportLiteral(t, p, ctx);
  return d.value;
}

function primary(node: CstNode, ctx: SyntaxContext): Expr | null {
  if (broken(node)) return null;
  const num = tok(node, 'NumberLiteral');
  if (num) {
    if (invented(num)) return null;
    const d = decodeNumeric(num.image);
    if (d.kind === 'Invalid') {
      reportLiteral(num, d.problem, ctx);
      return null;
    }
    return { ...d, range: tokenRange(num) };
  }
  const str = tok(node, 'StringLiteral');
  if (str) return invented(str) ? null : { kind: 'String', value: stringValue(str, ctx), range: tokenRange(str) };
  if (tok(node, 'name')) return nameOrCall(node, ctx);
  const paren = sub(node, 'parenExpr');
  if (paren) {
    const inner = sub(paren, 'expression');
    if (broken(paren) || !inner || invented(tok(paren, 'RParen'))) return null;
    return expression(inner, ctx);
  }
  const list = sub(node, 'list');
  if (list) {
    if (broken(list) || invented(tok(list, 'RBracket'))) return null;
    const items = itemsOf(list, ctx);
    return items && { kind: 'List', items, bare: false, range: spanRange(tokenRange(tok(list, 'LBracket')!), tokenRange(tok(list, 'RBracket')!)) };
  }
  const map = sub(node, 'map');
  return map ? mapOf(map, ctx) : null;
}

function itemsOf(node: CstNode, ctx: SyntaxContext, label = 'expression'): Expr[] | null {
  const items: Expr[] = [];
  for (const n of subs(node, label)) {
    const e = expression(n, ctx);
    if (!e) return null;
    items.push(e);
  }
  return items;
}

/** The name-or-call alternative of an `operand` node. */
function nameOrCall(node: CstNode, ctx: SyntaxContext): Expr | null {
  const t = tok(node, 'name');
  if (!t || invented(t)) return null;
  const parts = t.image.split('.');
  const name: NameRef = { kind: 'Name', parts, text: t.image, range: tokenRange(t) };
  const close = tok(node, 'RParen');
  if (!tok(node, 'LParen')) return name;
  const args = itemsOf(node, ctx, 'callArg');
  if (!args || !close || invented(close)) return null;
  return { kind: 'Call', callee: name, args, range: spanRange(name.range, tokenRange(close)) };
}

function mapOf(node: CstNode, ctx: SyntaxContext): Expr | null {
  const open = tok(node, 'MapOpen');
  const close = tok(node, 'MapClose');
  if (broken(node) || !open || !close || invented(close)) return null;
  const entries: MapEntry[] = [];
  for (const n of subs(node, 'mapEntry')) {
    const k = tok(n, 'key');
    const v = sub(n, 'expression');
    const value = v && !broken(n) ? expression(v, ctx) : null;
    if (!k || invented(k) || !value) return null;
    const quotedKey = k.tokenType === T.StringLiteral;
    const keyRange: Range = tokenRange(k);
    const key = quotedKey ? stringValue(k, ctx) : k.image;
    entries.push({ kind: 'MapEntry', key, keyRange, quotedKey, value, range: spanRange(keyRange, value.range) });
  }
  return { kind: 'Map', entries, range: spanRange(tokenRange(open), tokenRange(close)) };
}
