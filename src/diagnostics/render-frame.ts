/**
 * The code frame under a diagnostic: source lines with a line-number gutter and markers under the exact
 * range (rustc style). Multi-line ranges mark each line from its first non-blank character; long ones
 * are elided in the middle. Columns are display cells (tabs, wide characters), see render-width.ts.
 */
import type { Range } from './types.js';
import { toDisplayLine } from './render-width.js';

/** Colour hooks; identity functions give plain text. */
export interface FrameStyle {
  gutter(s: string): string;
  marker(s: string): string;
}

/** Lines of a frame, without the trailing newline, plus the gutter width they were laid out with. */
export interface Frame {
  lines: string[];
  gutterWidth: number;
}

/** Ranges spanning more lines than this show the first two and last two lines only. */
const MAX_FRAME_LINES = 5;

/** Split text into lines once; `\r\n` and `\n` both end a line. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(Math.max(n, lo), hi);

/** Gutter width needed to show line numbers up to `line`. */
export function gutterWidthFor(range: Range): number {
  return String(Math.max(range.start.line, range.end.line, 1)).length;
}

/**
 * Build the frame for `range` in `lines` (from splitLines). `markChar` is `^` for the primary range and
 * `-` for related locations. Out-of-bounds positions are clamped, so a bad range never throws.
 */
export function renderFrame(lines: readonly string[], range: Range, markChar: string, style: FrameStyle): Frame {
  const last = Math.max(lines.length, 1);
  const startLine = clamp(range.start.line, 1, last);
  let endLine = clamp(Math.max(range.end.line, startLine), startLine, last);
  let endCol = range.end.column;
  // A range that ends at column 1 of the next line really ends at the end of the previous one.
  if (endLine > startLine && endCol <= 1) {
    endLine -= 1;
    endCol = (lines[endLine - 1] ?? '').length + 1;
  }
  const gutterWidth = String(endLine).length;
  const pad = ' '.repeat(gutterWidth);
  const out: string[] = [style.gutter(`${pad} |`)];
  let shown = Array.from({ length: endLine - startLine + 1 }, (_, i) => startLine + i);
  const elide = shown.length > MAX_FRAME_LINES;
  if (elide) shown = [startLine, startLine + 1, endLine - 1, endLine];
  shown.forEach((lineNo, idx) => {
    if (elide && idx === 2) out.push(style.gutter('...'));
    const raw = lines[lineNo - 1] ?? '';
    const display = toDisplayLine(raw);
    const firstNonBlank = raw.length - raw.trimStart().length;
    let from = lineNo === startLine ? range.start.column - 1 : firstNonBlank;
    let to = lineNo === endLine ? endCol - 1 : raw.trimEnd().length;
    from = clamp(from, 0, raw.length);
    to = clamp(to, from, raw.length);
    const startCell = display.cells[from] ?? 0;
    const width = Math.max(1, (display.cells[to] ?? startCell) - startCell);
    out.push(`${style.gutter(`${String(lineNo).padStart(gutterWidth)} |`)}${display.text ? ` ${display.text}` : ''}`.trimEnd());
    out.push(`${style.gutter(`${pad} |`)} ${' '.repeat(startCell)}${style.marker(markChar.repeat(width))}`);
  });
  return { lines: out, gutterWidth };
}
