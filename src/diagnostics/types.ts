/** Source positions and diagnostics shared by every phase. Rendering lives in src/diagnostics/render-*.ts. */
import type { Severity } from './code-info.js';
import type { DiagnosticCode } from './code-names.js';

export type { Severity } from './code-info.js';
export type { DiagnosticCode } from './code-names.js';

/** A point in a source file. `offset` is 0-based (UTF-16 code units); `line` and `column` are 1-based. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open span `[start, end)` in one file. */
export interface Range {
  start: Position;
  end: Position;
}

/** Extra location that explains a diagnostic ("first defined here"). */
export interface RelatedInfo {
  message: string;
  file: string;
  range: Range;
}

/**
 * One finding about a user's spec. Every user error is one of these; phases never throw for bad input.
 * Invariant: `code` is registered in src/diagnostics/codes.ts (the type admits nothing else) and
 * documented in docs/diagnostics.md.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** One sentence naming the thing: `column "age" is defined twice`. */
  message: string;
  /** File the range refers to (as given on the command line, or `<stdlib>/...`). */
  file: string;
  /** Smallest span: the name, not the block. Absent only for file-level problems. */
  range?: Range;
  related?: RelatedInfo[];
  /** The fix, in words a user can act on. */
  hint?: string;
}

/** Source text with its display name, as every phase receives it. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Sort by file, offset, code and drop exact duplicates, so output is stable (CUE cue/errors). */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) =>
    `${d.file}\u0000${String(d.range?.start.offset ?? -1).padStart(12, '0')}\u0000${d.code}\u0000${d.message}`;
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...diags].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
    const k = key(d);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(d);
    }
  }
  return out;
}

export const hasErrors = (diags: readonly Diagnostic[]): boolean => diags.some((d) => d.severity === 'error');
