/** Test helper: a compact, stable view of diagnostics for goldens and assertions. */
import type { Diagnostic } from '../../../src/diagnostics/types.js';

/** One diagnostic as goldens store it (range as `line:col-line:col`). */
export interface DiagView {
  code: string;
  severity: string;
  file: string;
  range: string | null;
  message: string;
  hint: string | null;
  related?: string[];
}

/** Map diagnostics to their golden view. */
export function viewDiagnostics(diags: readonly Diagnostic[]): DiagView[] {
  return diags.map((d) => {
    const v: DiagView = {
      code: d.code,
      severity: d.severity,
      file: d.file,
      range: d.range ? `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}` : null,
      message: d.message,
      hint: d.hint ?? null,
    };
    if (d.related) v.related = d.related.map((r) => `${r.file}:${r.range.start.line}:${r.range.start.column} ${r.message}`);
    return v;
  });
}
