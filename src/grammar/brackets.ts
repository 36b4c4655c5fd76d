/**
 * The bracket pass, between lexer and parser. It decides what a newline means and repairs unbalanced
 * brackets, so that the grammar stays small and one missing `)` or `}` is ONE diagnostic instead of a
 * cascade:
 *  - a `{` whose first entry (after optional newlines) is `key:` is retyped MapOpen (its `}` MapClose);
 *  - newlines inside `()`, `[]` and maps are dropped when the line obviously continues (after `,` `(` `:`
 *    or an operator, or before a closer/`,`/operator/`key:`); otherwise the bracket was never closed:
 *    it is reported and closed by a synthetic, zero-width token, and the newline ends the statement;
 *  - a newline right after a `,` at statement level continues the statement (`baseline a,\n b`);
 *  - stray closers are reported and dropped; `(` closed by `]` is reported and repaired;
 *  - an unclosed block `{` is closed where the indentation says it ends, or at the end of the file.
 */
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/types.js';
import * as T from './tokens.js';
import { endOfText, pointRange, tokenEnd, tokenRange } from './ranges.js';
import { makeDiagnostic, type DiagnosticInput } from '../diagnostics/make.js';

type Kind = '(' | '[' | 'map' | 'block';
interface Open {
  kind: Kind;
  token: IToken;
  /** Index of the opener in the output token array. */
  at: number;
  /** Indentation (in characters) of the opener's line. */
  indent: number;
}

const CLOSER_OF: Record<Kind, TokenType> = { '(': T.RParen, '[': T.RBracket, map: T.MapClose, block: T.RCurly };
const CLOSER_TEXT: Record<Kind, string> = { '(': ')', '[': ']', map: '}', block: '}' };
const OPENER_TEXT: Record<Kind, string> = { '(': '(', '[': '[', map: '{', block: '{' };

const CONTINUES_AFTER = new Set<TokenType>([T.LParen, T.LBracket, T.MapOpen, T.Comma, T.Colon, T.Assign, T.And, T.Or, T.Not, T.Caret, T.Plus, T.Minus, T.Star, T.Slash, T.EqEq, T.NotEq, T.Lt, T.LtEq, T.Gt, T.GtEq]);
const CONTINUES_BEFORE = new Set<TokenType>([T.RParen, T.RBracket, T.RCurly, T.Comma, T.Colon, T.Assign, T.And, T.Or, T.Caret, T.Plus, T.Star, T.Slash, T.EqEq, T.NotEq, T.Lt, T.LtEq, T.Gt, T.GtEq]);
const KEY_TYPES = new Set<TokenType>([T.Identifier, T.DottedName, T.StringLiteral]);

/** Change a token's type in place (chevrotain matches on tokenTypeIdx). */
export function retype(t: IToken, type: TokenType): void {
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx!;
}

/** Run the bracket pass over lexed tokens (comments already removed). */
export function balanceBrackets(tokens: IToken[], text: string, file: string): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const out: IToken[] = [];
  const stack: Open[] = [];
  const diagnostics: Diagnostic[] = [];
  const report = (d: Omit<DiagnosticInput, 'file'>) => diagnostics.push(makeDiagnostic({ file, ...d }));

  const indentOf = (t: IToken): number => {
    let i = t.startOffset - ((t.startColumn ?? 1) - 1);
    let n = 0;
    while (text[i] === ' ' || text[i] === '\t') (i++, n++);
    return n;
  };
  const firstOnLine = (t: IToken): boolean => indentOf(t) === (t.startColumn ?? 1) - 1;
  const lineText = (t: IToken): string => {
    const start = t.startOffset - ((t.startColumn ?? 1) - 1);
    const s = text.slice(start, t.startOffset + 1).trim();
    return s.length > 40 ? '…' + s.slice(-39) : s;
  };
  /** A zero-width closer placed right after `out[index - 1]`. */
  const synthetic = (type: TokenType, index: number): IToken => {
    const prev = out[index - 1];
    const p = prev ? tokenEnd(prev) : { offset: 0, line: 1, column: 1 };
    return createTokenInstance(type, '', p.offset, p.offset, p.line, p.line, p.column, p.column);
  };

  /** Close a `(`, `[` or map that was never closed: report at the opener, add a synthetic closer. */
  const closeInline = (open: Open): void => {
    const what = open.kind === 'map' ? 'map `{`' : `\`${OPENER_TEXT[open.kind]}\``;
    const after = out[out.length - 1];
    report({
      code: 'PC0011',
      message: `${what} is never closed: expected \`${CLOSER_TEXT[open.kind]}\``,
      range: tokenRange(open.token),
      hint: `add \`${CLOSER_TEXT[open.kind]}\`${after && after !== open.token ? ` after \`${after.image}\`` : ''} (line ${open.token.startLine})`,
    });
    out.push(synthetic(CLOSER_OF[open.kind], out.length));
  };

  /** Close an unclosed block: where the first less-indented line starts, else at `fallback`. */
  const closeBlock = (open: Open, fallback: number, before: IToken | undefined): void => {
    let insertAt = fallback;
    let depth = 0;
    let firstBody: IToken | undefined;
    for (let i = open.at + 1; i < fallback; i++) {
      const t = out[i]!;
      const type = t.tokenType;
      if (type === T.LParen || type === T.LBracket || type === T.LCurly || type === T.MapOpen) depth++;
      else if (type === T.RParen || type === T.RBracket || type === T.RCurly || type === T.MapClose) depth--;
      const next = out[i + 1];
      if (depth !== 0 || type !== T.Newline || !next || next.tokenType === T.Newline) continue;
      if (!firstOnLine(next)) continue;
      if (!firstBody) {
        firstBody = next;
        if (indentOf(next) <= open.indent) break; // the block body is not indented: indentation says nothing
        continue;
      }
      if (indentOf(next) <= open.indent) {
        insertAt = i;
        before = next;
        break;
      }
    }
    const where = before ? `before \`${before.image}\` (line ${before.startLine})` : 'at the end of the file';
    report({
      code: 'PC0010',
      message: `block \`{\` opened at line ${open.token.startLine} is never closed: expected \`}\` ${where}`,
      range: before ? tokenRange(before) : pointRange(endOfText(text)),
      related: [{ message: `the block \`${lineText(open.token)}\` opens here`, file, range: tokenRange(open.token) }],
      hint: `add \`}\` to close \`${lineText(open.token)}\``,
    });
    out.splice(insertAt, 0, synthetic(T.RCurly, insertAt));
  };

  const dropStray = (t: IToken): void => {
    report({
      code: 'PC0012',
      message: `unmatched \`${t.image}\`: there is no open \`${t.image === ')' ? '(' : t.image === ']' ? '[' : '{'}\` to close`,
      range: tokenRange(t),
      hint: `remove this \`${t.image}\` or add the missing opening bracket before it`,
    });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const type = t.tokenType;
    const top = stack[stack.length - 1];
    if (type === T.Newline) {
      const prev = out[out.length - 1];
      if (top && top.kind !== 'block') {
        let k = i + 1;
        while (tokens[k]?.tokenType === T.Newline) k++;
        const next = tokens[k];
        const continues =
          (prev !== undefined && CONTINUES_AFTER.has(prev.tokenType)) ||
          (next !== undefined && CONTINUES_BEFORE.has(next.tokenType)) ||
          (top.kind === 'map' && next !== undefined && KEY_TYPES.has(next.tokenType) && tokens[k + 1]?.tokenType === T.Colon);
        if (continues) continue;
        closeInline(stack.pop()!);
        i--; // the newline now ends the statement at the enclosing level
        continue;
      }
      if (prev?.tokenType === T.Comma) continue;
      out.push(t);
    } else if (type === T.LParen || type === T.LBracket) {
      stack.push({ kind: type === T.LParen ? '(' : '[', token: t, at: out.length, indent: indentOf(t) });
      out.push(t);
    } else if (type === T.LCurly) {
      let k = i + 1;
      while (tokens[k]?.tokenType === T.Newline) k++;
      const isMap = KEY_TYPES.has(tokens[k]?.tokenType as TokenType) && tokens[k + 1]?.tokenType === T.Colon;
      if (isMap) retype(t, T.MapOpen);
      stack.push({ kind: isMap ? 'map' : 'block', token: t, at: out.length, indent: indentOf(t) });
      out.push(t);
    } else if (type === T.RCurly) {
      if (top && (top.kind === '(' || top.kind === '[')) {
        if (stack.some((o) => o.kind === 'map' || o.kind === 'block')) {
          closeInline(stack.pop()!);
          i--;
        } else dropStray(t);
        continue;
      }
      if (!top) {
        dropStray(t);
        continue;
      }
      if (top.kind === 'map') {
        stack.pop();
        retype(t, T.MapClose);
        out.push(t);
        continue;
      }
      // A `}` indented like an outer block closes that one: the blocks in between were never closed.
      const ci = firstOnLine(t) ? indentOf(t) : -1;
      const match = ci >= 0 && top.indent > ci ? findLastIndex(stack, (o) => o.kind === 'block' && o.indent === ci) : -1;
      if (match >= 0) {
        while (stack.length - 1 > match) closeBlock(stack.pop()!, out.length, undefined);
      }
      stack.pop();
      out.push(t);
    } else if (type === T.RParen || type === T.RBracket) {
      const want: Kind = type === T.RParen ? '(' : '[';
      if (top && top.kind === want) {
        stack.pop();
        out.push(t);
      } else if (top && (top.kind === '(' || top.kind === '[')) {
        const innerStart = findLastIndex(stack, (o) => o.kind === 'map' || o.kind === 'block');
        const hasMatch = stack.slice(innerStart + 1).some((o) => o.kind === want);
        if (hasMatch) {
          closeInline(stack.pop()!);
          i--;
          continue;
        }
        report({
          code: 'PC0013',
          message: `\`${top.kind}\` is closed by \`${t.image}\``,
          range: tokenRange(t),
          related: [{ message: `\`${top.kind}\` opened here`, file, range: tokenRange(top.token) }],
          hint: `write \`${CLOSER_TEXT[top.kind]}\` here to close \`${top.kind}\` (line ${top.token.startLine})`,
        });
        retype(t, CLOSER_OF[top.kind]);
        stack.pop();
        out.push(t);
      } else dropStray(t);
    } else out.push(t);
  }
  while (stack.length > 0) {
    const open = stack.pop()!;
    if (open.kind === 'block') closeBlock(open, out.length, undefined);
    else closeInline(open);
  }
  return { tokens: out, diagnostics };
}

function findLastIndex<X>(xs: readonly X[], pred: (x: X) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}
