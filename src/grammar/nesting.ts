/**
 * The nesting limit (issue 12): the parser and every tree walker after it recurse once per bracket
 * level, so 3,000 nested parentheses used to end in "Maximum call stack size exceeded". Checked on
 * the token stream before parsing: deeper input gets one PC0101 diagnostic and is not parsed.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/types.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import * as T from './tokens.js';
import { tokenRange } from './ranges.js';

/** Deepest bracket nesting the language accepts; real specs stay under 10. */
export const MAX_NESTING = 64;

/** PC0101 at the first bracket past MAX_NESTING, or null. */
export function nestingDiagnostic(tokens: readonly IToken[], file: string): Diagnostic | null {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LCurly || type === T.MapOpen) depth++;
    else if (type === T.RParen || type === T.RBracket || type === T.RCurly || type === T.MapClose) depth--;
    if (depth > MAX_NESTING) {
      return makeDiagnostic({
        code: 'PC0101', file, range: tokenRange(t),
        message: `brackets are nested more than ${MAX_NESTING} levels deep`,
        hint: 'flatten the expression: name intermediate results with separate `derive` statements',
      });
    }
  }
  return null;
}
