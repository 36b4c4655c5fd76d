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
 * Indentation is only a guess for repairs: when the rest of the file has a `}` for every open `{`, each
 * `}` closes the innermost open block, however it is indented.
 */
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/types.js';
import * as T from './tokens.js';
import { endOfText, pointRange, tokenEnd, tokenRange } from './ranges.js';
import { makeDiagnostic, type DiagnosticInput } from '../diagnostics/make.js';
import { firstOnLine, indentOf, lineText } from './bracket-lines.js';

type Kind = '(' | '[' | 'map' | 'block';
interface Open {
  kind: Kind;
  token: IToken;
  /** Index of the opener in the output token array. */
  at: number;
  /** Indentation (in characters) of the line its statement starts on (for `(`, `[`, maps: the opener's line). */
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
  const pass = new BracketPass(tokens, text, file);
  for (let i = 0; i < tokens.length; i++) {
    // A token that closed an inner bracket first is looked at again, at the enclosing level.
    if (pass.step(i)) i--;
  }
  pass.closeAll();
  return { tokens: pass.out, diagnostics: pass.diagnostics };
}

/** The pass's state (output tokens, open brackets, findings) and one method per token kind. */
class BracketPass {
  readonly out: IToken[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly stack: Open[] = [];
  /** Indentation of the line the current statement starts on: a block belongs to its statement's line. */
  private statementIndent = 0;
  /** `}` minus `{` tokens from index i to the end of the file (before any retyping). */
  private readonly curliesLeft: number[];

  constructor(private readonly tokens: IToken[], private readonly text: string, private readonly file: string) {
    this.curliesLeft = new Array<number>(tokens.length + 1).fill(0);
    for (let i = tokens.length - 1; i >= 0; i--) {
      const type = tokens[i]!.tokenType;
      this.curliesLeft[i] = this.curliesLeft[i + 1]! + (type === T.RCurly ? 1 : type === T.LCurly ? -1 : 0);
    }
  }

  /** Handle token `i`; true when it must be handled again (an inner bracket was closed before it). */
  step(i: number): boolean {
    const t = this.tokens[i]!;
    const type = t.tokenType;
    if (type === T.Newline) return this.newline(i);
    if (this.startsStatement()) this.statementIndent = indentOf(this.text, t);
    if (type === T.LParen || type === T.LBracket) this.open(type === T.LParen ? '(' : '[', t);
    else if (type === T.LCurly) this.open(this.opensMap(i) ? 'map' : 'block', t);
    else if (type === T.RCurly) return this.closeCurly(t, i);
    else if (type === T.RParen || type === T.RBracket) return this.closeParen(t, type === T.RParen ? '(' : '[');
    else this.out.push(t);
    return false;
  }

  /** Close whatever is still open at the end of the file. */
  closeAll(): void {
    while (this.stack.length > 0) {
      const open = this.stack.pop()!;
      if (open.kind === 'block') this.closeBlock(open, this.out.length);
      else this.closeInline(open);
    }
  }

  private get top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  private report(d: Omit<DiagnosticInput, 'file'>): void {
    this.diagnostics.push(makeDiagnostic({ file: this.file, ...d }));
  }

  /** Index of the first token after `i` that is not a newline. */
  private skipNewlines(i: number): number {
    let k = i + 1;
    while (this.tokens[k]?.tokenType === T.Newline) k++;
    return k;
  }

  /** `key:` at token `k`. */
  private isKey(k: number): boolean {
    return KEY_TYPES.has(this.tokens[k]?.tokenType as TokenType) && this.tokens[k + 1]?.tokenType === T.Colon;
  }

  /** The `{` at `i` opens a map (its first entry is `key:`); it is retyped MapOpen. */
  private opensMap(i: number): boolean {
    const isMap = this.isKey(this.skipNewlines(i));
    if (isMap) retype(this.tokens[i]!, T.MapOpen);
    return isMap;
  }

  /** The next token starts a statement: nothing or only blocks are open, and the last one ended a statement. */
  private startsStatement(): boolean {
    if (this.top && this.top.kind !== 'block') return false;
    const prev = this.out[this.out.length - 1]?.tokenType;
    return prev === undefined || prev === T.Newline || prev === T.Semicolon || prev === T.LCurly || prev === T.RCurly;
  }

  private open(kind: Kind, t: IToken): void {
    const indent = kind === 'block' ? this.statementIndent : indentOf(this.text, t);
    this.stack.push({ kind, token: t, at: this.out.length, indent });
    this.out.push(t);
  }

  /** Inside `()`, `[]` or a map a newline continues the line or shows the bracket was never closed. */
  private newline(i: number): boolean {
    const t = this.tokens[i]!;
    const prev = this.out[this.out.length - 1];
    const top = this.top;
    if (top && top.kind !== 'block') {
      const k = this.skipNewlines(i);
      const next = this.tokens[k];
      const continues = (prev !== undefined && CONTINUES_AFTER.has(prev.tokenType))
        || (next !== undefined && CONTINUES_BEFORE.has(next.tokenType))
        || (top.kind === 'map' && this.isKey(k));
      if (continues) return false;
      this.closeInline(this.stack.pop()!);
      return true; // the newline now ends the statement at the enclosing level
    }
    if (prev?.tokenType !== T.Comma) this.out.push(t);
    return false;
  }

  private closeCurly(t: IToken, i: number): boolean {
    const top = this.top;
    if (top && (top.kind === '(' || top.kind === '[')) {
      if (!this.stack.some((o) => o.kind === 'map' || o.kind === 'block')) {
        this.dropStray(t);
        return false;
      }
      this.closeInline(this.stack.pop()!);
      return true;
    }
    if (!top) {
      this.dropStray(t);
      return false;
    }
    if (top.kind === 'map') {
      this.stack.pop();
      retype(t, T.MapClose);
      this.out.push(t);
      return false;
    }
    // A `}` indented like an outer block closes that one: the blocks in between were never closed. Only a
    // guess when `}`s are missing: if the rest of the file closes every open `{`, this `}` closes the top one
    // (a statement continued over lines puts its `{` on a deeper-indented line than its `}`).
    const missing = this.curliesLeft[i]! < this.stack.filter((o) => o.kind === 'block' || o.kind === 'map').length;
    const ci = missing && firstOnLine(this.text, t) ? indentOf(this.text, t) : -1;
    const match = ci >= 0 && top.indent > ci ? findLastIndex(this.stack, (o) => o.kind === 'block' && o.indent === ci) : -1;
    if (match >= 0) {
      while (this.stack.length - 1 > match) this.closeBlock(this.stack.pop()!, this.out.length);
    }
    this.stack.pop();
    this.out.push(t);
    return false;
  }

  private closeParen(t: IToken, want: Kind): boolean {
    const top = this.top;
    if (top && top.kind === want) {
      this.stack.pop();
      this.out.push(t);
      return false;
    }
    if (!top || (top.kind !== '(' && top.kind !== '[')) {
      this.dropStray(t);
      return false;
    }
    const innerStart = findLastIndex(this.stack, (o) => o.kind === 'map' || o.kind === 'block');
    if (this.stack.slice(innerStart + 1).some((o) => o.kind === want)) {
      this.closeInline(this.stack.pop()!);
      return true;
    }
    this.report({
      code: 'PC0013',
      message: `\`${top.kind}\` is closed by \`${t.image}\``,
      range: tokenRange(t),
      related: [{ message: `\`${top.kind}\` opened here`, file: this.file, range: tokenRange(top.token) }],
      hint: `write \`${CLOSER_TEXT[top.kind]}\` here to close \`${top.kind}\` (line ${top.token.startLine})`,
    });
    retype(t, CLOSER_OF[top.kind]);
    this.stack.pop();
    this.out.push(t);
    return false;
  }

  /** A zero-width closer placed right after `out[index - 1]`. */
  private synthetic(type: TokenType, index: number): IToken {
    const prev = this.out[index - 1];
    const p = prev ? tokenEnd(prev) : { offset: 0, line: 1, column: 1 };
    return createTokenInstance(type, '', p.offset, p.offset, p.line, p.line, p.column, p.column);
  }

  /** Close a `(`, `[` or map that was never closed: report at the opener, add a synthetic closer. */
  private closeInline(open: Open): void {
    const what = open.kind === 'map' ? 'map `{`' : `\`${OPENER_TEXT[open.kind]}\``;
    const after = this.out[this.out.length - 1];
    this.report({
      code: 'PC0011',
      message: `${what} is never closed: expected \`${CLOSER_TEXT[open.kind]}\``,
      range: tokenRange(open.token),
      hint: `add \`${CLOSER_TEXT[open.kind]}\`${after && after !== open.token ? ` after \`${after.image}\`` : ''} (line ${open.token.startLine})`,
    });
    this.out.push(this.synthetic(CLOSER_OF[open.kind], this.out.length));
  }

  /** Where an unclosed block ends: before the first line indented no deeper than its statement, else `fallback`. */
  private blockEnd(open: Open, fallback: number): { at: number; before: IToken | undefined } {
    let depth = 0;
    let firstBody: IToken | undefined;
    for (let i = open.at + 1; i < fallback; i++) {
      const t = this.out[i]!;
      const type = t.tokenType;
      if (type === T.LParen || type === T.LBracket || type === T.LCurly || type === T.MapOpen) depth++;
      else if (type === T.RParen || type === T.RBracket || type === T.RCurly || type === T.MapClose) depth--;
      const next = this.out[i + 1];
      if (depth !== 0 || type !== T.Newline || !next || next.tokenType === T.Newline) continue;
      if (!firstOnLine(this.text, next)) continue;
      if (!firstBody) {
        firstBody = next;
        if (indentOf(this.text, next) <= open.indent) break; // the block body is not indented: indentation says nothing
        continue;
      }
      if (indentOf(this.text, next) <= open.indent) return { at: i, before: next };
    }
    return { at: fallback, before: undefined };
  }

  /** Close an unclosed block where its indentation ends (else at `fallback`), with PC0010. */
  private closeBlock(open: Open, fallback: number): void {
    const { at, before } = this.blockEnd(open, fallback);
    const where = before ? `before \`${before.image}\` (line ${before.startLine})` : 'at the end of the file';
    const opener = lineText(this.text, open.token);
    this.report({
      code: 'PC0010',
      message: `block \`{\` opened at line ${open.token.startLine} is never closed: expected \`}\` ${where}`,
      range: before ? tokenRange(before) : pointRange(endOfText(this.text)),
      related: [{ message: `the block \`${opener}\` opens here`, file: this.file, range: tokenRange(open.token) }],
      hint: `add \`}\` to close \`${opener}\``,
    });
    this.out.splice(at, 0, this.synthetic(T.RCurly, at));
  }

  /** A closer with nothing to close: reported and dropped. */
  private dropStray(t: IToken): void {
    this.report({
      code: 'PC0012',
      message: `unmatched \`${t.image}\`: there is no open \`${t.image === ')' ? '(' : t.image === ']' ? '[' : '{'}\` to close`,
      range: tokenRange(t),
      hint: `remove this \`${t.image}\` or add the missing opening bracket before it`,
    });
  }
}

function findLastIndex<X>(xs: readonly X[], pred: (x: X) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}
