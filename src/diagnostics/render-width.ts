/**
 * Display-width helpers for code frames: carets must line up under the exact characters on a terminal,
 * even when the line holds tabs, wide (CJK, emoji) or combining characters. Positions in a Range are
 * UTF-16 code units, terminals count cells; this module converts between the two.
 */

/** Width a tab expands to in frames (rustc uses 4). */
export const TAB_WIDTH = 4;

/** Cell width of one code point: 0 for combining/zero-width, 2 for wide, 1 otherwise. */
export function codePointWidth(cp: number): number {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** A source line made printable: tabs expanded, control characters shown as U+FFFD. */
export interface DisplayLine {
  text: string;
  /** `cells[i]` = display column (0-based) where UTF-16 index `i` of the raw line starts; length = raw.length + 1. */
  cells: number[];
}

/** Expand one raw line (no newline) for display and record where each UTF-16 index lands. */
export function toDisplayLine(raw: string): DisplayLine {
  const cells: number[] = new Array<number>(raw.length + 1);
  let text = '';
  let col = 0;
  let i = 0;
  while (i < raw.length) {
    const cp = raw.codePointAt(i) as number;
    const units = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) cells[i + k] = col;
    if (cp === 9) {
      const n = TAB_WIDTH - (col % TAB_WIDTH);
      text += ' '.repeat(n);
      col += n;
    } else if (cp < 32 || cp === 0x7f) {
      // Control characters would move the cursor; show a replacement glyph instead.
      text += '\ufffd';
      col += 1;
    } else {
      text += String.fromCodePoint(cp);
      col += codePointWidth(cp);
    }
    i += units;
  }
  cells[raw.length] = col;
  return { text, cells };
}
