/**
 * Comment bookkeeping for the formatter: every comment of the file is printed exactly once, either where
 * a printer claims it (trailing a line, own line in a block or multi-line map/list) or hoisted above the
 * statement it was inside of. Lookups are by offset over the sorted comment array.
 */
import type { Comment } from './syntax.js';

/** The comments of one file, with a "printed" mark each. */
export class CommentStore {
  private readonly used: boolean[];

  constructor(
    private readonly comments: readonly Comment[],
    private readonly text: string,
  ) {
    this.used = comments.map(() => false);
  }

  /** Index of the first comment starting at or after `offset` (binary search). */
  private lowerBound(offset: number): number {
    let lo = 0;
    let hi = this.comments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.comments[mid]!.range.start.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Claim every unprinted comment starting in `[from, to)`, in source order. */
  takeBetween(from: number, to: number): Comment[] {
    const out: Comment[] = [];
    for (let i = this.lowerBound(from); i < this.comments.length; i++) {
      const c = this.comments[i]!;
      if (c.range.start.offset >= to) break;
      if (!this.used[i]) {
        this.used[i] = true;
        out.push(c);
      }
    }
    return out;
  }

  /** Claim the unprinted comment on `line` starting in `[from, to)` (a trailing comment), if any. */
  takeTrailing(line: number, from: number, to = Infinity): Comment | undefined {
    const i = this.lowerBound(from);
    const c = this.comments[i];
    if (!c || this.used[i] || c.range.start.line !== line || c.range.start.offset >= to) return undefined;
    this.used[i] = true;
    return c;
  }

  /** Whether any comment starts in `[from, to)`. */
  anyBetween(from: number, to: number): boolean {
    const c = this.comments[this.lowerBound(from)];
    return c !== undefined && c.range.start.offset < to;
  }

  /**
   * ` # text` with the author's spacing before `#` kept (at least one space), so aligned trailing
   * comments stay aligned and formatting stays idempotent.
   */
  trailingText(c: Comment): string {
    let i = c.range.start.offset;
    let gap = 0;
    while (i > 0 && this.text[i - 1] === ' ') (i--, gap++);
    return ' '.repeat(Math.max(1, gap)) + render(c);
  }
}

/** A comment as printed: `#` plus its text without trailing whitespace. */
export function render(c: Comment): string {
  return ('#' + c.text).trimEnd();
}
