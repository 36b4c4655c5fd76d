/**
 * What the bracket pass asks of the source text about a token's line: its indentation, whether the
 * token starts the line, and a short excerpt of the line for messages.
 */
import type { IToken } from 'chevrotain';

/** Offset of the first character of `t`'s line. */
const lineStart = (t: IToken): number => t.startOffset - ((t.startColumn ?? 1) - 1);

/** Indentation (spaces and tabs, in characters) of `t`'s line. */
export function indentOf(text: string, t: IToken): number {
  let i = lineStart(t);
  let n = 0;
  while (text[i] === ' ' || text[i] === '\t') (i++, n++);
  return n;
}

/** Whether `t` is the first token of its line. */
export function firstOnLine(text: string, t: IToken): boolean {
  return indentOf(text, t) === (t.startColumn ?? 1) - 1;
}

/** The line up to and including `t`'s first character, trimmed, its last 40 characters at most. */
export function lineText(text: string, t: IToken): string {
  const s = text.slice(lineStart(t), t.startOffset + 1).trim();
  return s.length > 40 ? '…' + s.slice(-39) : s;
}
