/**
 * Lexing: source text → tokens, comments and lexical diagnostics (unknown characters, unterminated
 * strings). Unterminated strings are retyped as strings so the parser can go on after reporting them.
 */
import type { IToken } from 'chevrotain';
import type { Comment } from './syntax.js';
import type { Diagnostic } from '../diagnostics/types.js';
import * as T from './tokens.js';
import { retype } from './brackets.js';
import { tokenRange } from './ranges.js';
import { makeDiagnostic } from '../diagnostics/make.js';

/** What the lexer produced for one file. */
export interface LexResult {
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

/** Describe an unknown character for a message: visible ones quoted, others by code point. */
function showChar(text: string): string {
  const cp = text.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) ? `\`${String.fromCodePoint(cp)}\` (${hex})` : hex;
}

/** Lex a whole file with the shared lexer. Never throws. */
export function lexSpec(text: string, file: string): LexResult {
  const res = T.pipelineLexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of res.errors) {
    const chunk = text.slice(e.offset, e.offset + e.length);
    const line = e.line ?? 1;
    const column = e.column ?? 1;
    const many = [...chunk].length > 1;
    diagnostics.push(makeDiagnostic({
      code: 'PC0001',
      message: many ? `unknown characters starting with ${showChar(chunk)}` : `unknown character ${showChar(chunk)}`,
      file,
      range: {
        start: { offset: e.offset, line, column },
        end: { offset: e.offset + e.length, line, column: column + e.length },
      },
      hint: 'names use letters, digits and `_`; put other text in a string "..." or after `#` in a comment',
    }));
  }
  for (const t of res.tokens) {
    if (t.tokenType !== T.UnterminatedString) continue;
    diagnostics.push(makeDiagnostic({
      code: 'PC0002',
      message: 'unterminated string: missing the closing `"`',
      file,
      range: tokenRange(t),
      hint: 'close the string with `"` on the same line; write `\\"` for a quote inside it and `\\n` for a line break',
    }));
    retype(t, T.StringLiteral);
  }
  const comments: Comment[] = (res.groups['comments'] ?? []).map((c) => ({ kind: 'Comment', text: c.image.slice(1), range: tokenRange(c) }));
  return { tokens: res.tokens, comments, diagnostics };
}
