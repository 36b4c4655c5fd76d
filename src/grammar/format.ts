/**
 * `formatSpec` — the canonical layout of a `.pipeline` file (`pipec fmt`). Rules (docs/language.md):
 *  - 2-space indentation per block; one statement per line; ` {` on the statement's line, `}` alone;
 *    an empty block prints as `{}`;
 *  - expressions printed canonically (format-expr.ts);
 *  - the spaces between a statement's keyword and its arguments, and between arguments, are kept as
 *    written when they are plain spaces on one line: that is how authors align columns
 *    (`tier small  "Small"`); anything else (tabs, line breaks, brackets) becomes one space;
 *  - blank lines between statements/comments are kept, at most one; none after `{`, before `}`, or at
 *    the start/end of the file; the file ends with one newline;
 *  - every comment is kept: own-line comments on their own line at the block's indentation, trailing
 *    comments on their line with their spacing; a comment inside a single-line construct that gets joined
 *    is moved above its statement.
 * Idempotent: every spacing it keeps is measured from text it prints unchanged.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import type { Expr, Statement } from './syntax.js';
import { parseSpec } from './parse.js';
import { CommentStore, render } from './format-comments.js';
import { printExpr } from './format-expr.js';

const IND = '  ';

/** Format a spec. `text` is null when the file has syntax errors (they are returned as diagnostics). */
export function formatSpec(text: string, path = '<input>'): { text: string | null; diagnostics: Diagnostic[] } {
  const { syntax, diagnostics } = parseSpec({ path, text });
  if (hasErrors(diagnostics)) return { text: null, diagnostics };
  const f = new Formatter(text, new CommentStore(syntax.comments, text));
  f.body(syntax.statements, '', 0, text.length);
  const out = f.lines.join('\n');
  return { text: out.length === 0 ? '' : out + '\n', diagnostics };
}

class Formatter {
  readonly lines: string[] = [];

  constructor(
    private readonly text: string,
    private readonly comments: CommentStore,
  ) {}

  /** Two or more line breaks between offsets `a` and `b` mean the author left a blank line. */
  private blankBetween(a: number, b: number): boolean {
    const first = this.text.indexOf('\n', a);
    return first >= 0 && first < b && this.text.indexOf('\n', first + 1) >= 0 && this.text.indexOf('\n', first + 1) < b;
  }

  /** Statements of a block (or the file) between offsets `from` and `to`, with their comments. */
  body(stmts: readonly Statement[], indent: string, from: number, to: number): void {
    let prevEnd: number | undefined;
    const ownLine = (upTo: number) => {
      for (const c of this.comments.takeBetween(from, upTo)) {
        if (prevEnd !== undefined && this.blankBetween(prevEnd, c.range.start.offset)) this.lines.push('');
        this.lines.push(indent + render(c));
        prevEnd = c.range.end.offset;
      }
    };
    stmts.forEach((s, i) => {
      ownLine(s.range.start.offset);
      if (prevEnd !== undefined && this.blankBetween(prevEnd, s.range.start.offset)) this.lines.push('');
      const next = stmts[i + 1]?.range.start.offset ?? to;
      prevEnd = this.statement(s, indent, next);
      from = prevEnd;
    });
    ownLine(to);
  }

  /** Print one statement; returns the offset where what it printed ends in the source. */
  private statement(s: Statement, indent: string, next: number): number {
    const p = { comments: this.comments, indent };
    let line = indent + s.keyword.name;
    let end = s.keyword.range.end.offset;
    s.args.forEach((a, i) => {
      // `x -1` would re-parse as `x - 1`: a later argument starting with `-` keeps parentheses.
      const first = a.kind === 'List' && a.bare ? a.items[0]! : a;
      let arg = printExpr(first, p);
      if (i > 0 && arg.startsWith('-')) arg = `(${arg})`;
      if (first !== a) arg = [arg, ...(a as { items: Expr[] }).items.slice(1).map((x) => printExpr(x, p))].join(', ');
      line += ' '.repeat(this.gap(end, a.range.start.offset)) + arg;
      end = a.range.end.offset;
    });
    const block = s.block;
    const argsEnd = block ? block.range.start.offset : s.range.end.offset;
    for (const c of this.comments.takeBetween(s.range.start.offset, argsEnd)) this.lines.push(indent + render(c));
    if (!block) {
      const trail = this.comments.takeTrailing(s.range.end.line, s.range.end.offset, next);
      this.lines.push(line + (trail ? this.comments.trailingText(trail) : ''));
      return trail ? trail.range.end.offset : s.range.end.offset;
    }
    const open = block.range.start.offset;
    const close = block.range.end.offset - 1;
    const openTrail = this.comments.takeTrailing(block.range.start.line, open + 1, close);
    if (block.statements.length === 0 && !openTrail && !this.comments.anyBetween(open, close)) {
      line += ' {}';
    } else {
      this.lines.push(line + ' {' + (openTrail ? this.comments.trailingText(openTrail) : ''));
      this.body(block.statements, indent + IND, open + 1, close);
      line = indent + '}';
    }
    const trail = this.comments.takeTrailing(block.range.end.line, block.range.end.offset, next);
    this.lines.push(line + (trail ? this.comments.trailingText(trail) : ''));
    return trail ? trail.range.end.offset : block.range.end.offset;
  }

  /** The author's spacing between two parts of a statement if it is plain spaces, else one space. */
  private gap(from: number, to: number): number {
    const between = this.text.slice(from, to);
    return between.length > 0 && /^ +$/.test(between) ? between.length : 1;
  }
}
