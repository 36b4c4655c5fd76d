/**
 * Turns chevrotain recognition exceptions into diagnostics written for users: what was expected, in
 * words ("expected a value after `=`"), at the offending token — never chevrotain's token-type dumps.
 * The expectation is derived from the rule that failed and the token before the failure.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic, DiagnosticCode, Position, Range } from '../diagnostics/types.js';
import * as T from './tokens.js';
import { pointRange, tokenEnd, tokenRange, tokenStart } from './ranges.js';
import { makeDiagnostic } from '../diagnostics/make.js';

const OPERATORS = new Set<TokenType>([T.Assign, T.Or, T.And, T.Not, T.EqEq, T.NotEq, T.Lt, T.LtEq, T.Gt, T.GtEq, T.Plus, T.Minus, T.Star, T.Slash, T.Caret]);
const VALUE_RULES = new Set(['expression', 'operand', 'primary', 'argItem']);

function describe(t: IToken): string {
  if (t.tokenType === EOF || Number.isNaN(t.startOffset)) return 'the end of the file';
  if (t.tokenType === T.Newline || t.image === '') return 'the end of the line';
  if (t.tokenType === T.Semicolon) return '`;`';
  const img = t.image.length > 30 ? t.image.slice(0, 29) + '…' : t.image;
  return `\`${img}\``;
}

/** Where to point for a token: the token itself, or a zero-width point where a line/file ends. */
function rangeOf(t: IToken, prev: IToken | undefined, endOfFile: Position): Range {
  if (t.tokenType === EOF || Number.isNaN(t.startOffset)) {
    return prev && !Number.isNaN(prev.startOffset) ? pointRange(tokenEnd(prev)) : pointRange(endOfFile);
  }
  if (t.tokenType === T.Newline || t.image === '') return pointRange(tokenStart(t));
  return tokenRange(t);
}

interface Explained {
  code: DiagnosticCode;
  message: string;
  hint: string;
}

function explain(e: IRecognitionException, prev: IToken | undefined): Explained {
  const t = e.token;
  const found = describe(t);
  const rule = e.context.ruleStack[e.context.ruleStack.length - 1] ?? '';
  const after = prev && !Number.isNaN(prev.startOffset) ? prev : undefined;
  if (after && OPERATORS.has(after.tokenType) && VALUE_RULES.has(rule)) {
    return {
      code: 'PC0006',
      message: `expected a value after \`${after.image}\`, found ${found}`,
      hint: `write a number, name, string or \`(...)\` after \`${after.image}\`, or remove \`${after.image}\``,
    };
  }
  if (after && (after.tokenType === T.Comma || after.tokenType === T.Colon || after.tokenType === T.LParen || after.tokenType === T.LBracket) && (VALUE_RULES.has(rule) || rule === 'list')) {
    return {
      code: 'PC0006',
      message: `expected a value after \`${after.image}\`, found ${found}`,
      hint: after.tokenType === T.Comma ? 'remove the extra `,` or add the missing item' : `write a value after \`${after.image}\``,
    };
  }
  if (rule === 'operand' && e.name === 'MismatchedTokenException') {
    // The only token `operand` consumes without lookahead is a call's closing `)`.
    return { code: 'PC0007', message: `expected \`,\` or \`)\` in the call, found ${found}`, hint: 'separate call arguments with `,`, e.g. `uniform(18, 80)`' };
  }
  if (VALUE_RULES.has(rule)) {
    return { code: 'PC0006', message: `expected a value, found ${found}`, hint: 'write a number, name, string, list `[...]`, map `{ key: value }` or `(...)` here' };
  }
  switch (rule) {
    case 'mapEntry':
      if (after && (after.tokenType === T.Identifier || after.tokenType === T.StringLiteral)) {
        return { code: 'PC0007', message: `expected \`:\` after map key \`${after.image}\`, found ${found}`, hint: 'write map entries as `key: value`' };
      }
      return { code: 'PC0007', message: `expected a map entry \`key: value\`, found ${found}`, hint: 'a map key is a name or a quoted string, e.g. `{ a: 70%, "b c": 30% }`' };
    case 'map':
      return { code: 'PC0007', message: `expected \`,\` or \`}\` in the map, found ${found}`, hint: 'separate map entries with `,`' };
    case 'list':
      return { code: 'PC0007', message: `expected \`,\` or \`]\` in the list, found ${found}`, hint: 'separate list items with `,`' };
    case 'parenExpr':
      return {
        code: 'PC0007',
        message: `expected \`)\`, found ${found}`,
        hint: t.tokenType === T.Comma ? 'for a call, write `(` right after the name, with no space: `uniform(18, 80)`' : 'close the parenthesis',
      };
    default:
      return { code: 'PC0007', message: `unexpected ${found}`, hint: 'remove it or check the statement against docs/language.md' };
  }
}

/** Convert chevrotain parser errors (one per failure point) into sorted, de-duplicated diagnostics. */
export function parserDiagnostics(errors: readonly IRecognitionException[], file: string, endOfFile: Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const range = rangeOf(e.token, prev, endOfFile);
    if (seen.has(range.start.offset)) continue;
    seen.add(range.start.offset);
    const x = explain(e, prev);
    out.push(makeDiagnostic({ code: x.code, message: x.message, file, range, hint: x.hint }));
  }
  return out;
}
