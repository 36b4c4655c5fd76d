/** Conversions from chevrotain token positions to the Range/Position of src/diagnostics/types.ts. */
import type { IToken } from 'chevrotain';
import type { Position, Range } from '../diagnostics/types.js';

/** Position where a token starts. */
export function tokenStart(t: IToken): Position {
  return { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}

/** Position just after a token's last character (only Newline tokens span lines). */
export function tokenEnd(t: IToken): Position {
  if (t.image.length === 0) return tokenStart(t);
  // A line break ends at the start of the next line (synthetic closers are placed after one).
  if (t.image === '\n' || t.image === '\r' || t.image === '\r\n') {
    return { offset: t.startOffset + t.image.length, line: (t.startLine ?? 1) + 1, column: 1 };
  }
  return { offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? 1, column: (t.endColumn ?? 1) + 1 };
}

/** The exact range of one token (zero-width for synthetic tokens inserted by the bracket pass). */
export function tokenRange(t: IToken): Range {
  return { start: tokenStart(t), end: tokenEnd(t) };
}

/** From the start of `a` to the end of `b`. */
export function spanRange(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** A sub-range of a single-line token, by offsets relative to the token start. */
export function innerRange(t: IToken, start: number, end: number): Range {
  const s = tokenStart(t);
  return {
    start: { offset: s.offset + start, line: s.line, column: s.column + start },
    end: { offset: s.offset + end, line: s.line, column: s.column + end },
  };
}

/** Zero-width range at a position. */
export function pointRange(p: Position): Range {
  return { start: p, end: p };
}

/** Position at the very end of `text` (for "unexpected end of file"). */
export function endOfText(text: string): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: text.length, line, column: text.length - lineStart + 1 };
}
