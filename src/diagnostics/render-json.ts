/**
 * Machine output for `pipec check --format json`. The shape below is a public contract; bump
 * RENDER_JSON_VERSION on any incompatible change. Every key is always present
 * (`null`/`[]` when empty) so consumers never test for missing fields.
 *
 * {
 *   "version": 1,
 *   "diagnostics": [{ "code", "severity", "message", "file",
 *                     "range": {"start": {"line","column","offset"}, "end": {...}} | null,
 *                     "hint": string | null,
 *                     "related": [{ "message", "file", "range" }] }],
 *   "summary": { "errors", "warnings", "infos", "files" }
 * }
 * `pipec check` adds `"feasibility": [{ "file", "feasibility", "deep"? }]` (docs/feasibility.md).
 */
import type { Diagnostic, Range } from './types.js';
import { countDiagnostics } from './render-pretty.js';

/** Version of the JSON output shape. */
export const RENDER_JSON_VERSION = 1;

/** A range with keys in a fixed order (line, column, offset). */
export interface JsonRange {
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
}

/** One diagnostic in the JSON output. */
export interface JsonDiagnostic {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  file: string;
  range: JsonRange | null;
  hint: string | null;
  related: { message: string; file: string; range: JsonRange }[];
}

/** The whole JSON document. */
export interface JsonReport {
  version: number;
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number; files: number };
}

function toJsonRange(r: Range): JsonRange {
  const pos = (p: Range['start']) => ({ line: p.line, column: p.column, offset: p.offset });
  return { start: pos(r.start), end: pos(r.end) };
}

/** Build the report object; `files` is the number of spec files checked. */
export function toJsonReport(diags: readonly Diagnostic[], files: number): JsonReport {
  return {
    version: RENDER_JSON_VERSION,
    diagnostics: diags.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file,
      range: d.range ? toJsonRange(d.range) : null,
      hint: d.hint ?? null,
      related: (d.related ?? []).map((r) => ({ message: r.message, file: r.file, range: toJsonRange(r.range) })),
    })),
    summary: { ...countDiagnostics(diags), files },
  };
}

/** Serialise the report: two-space indented, trailing newline. */
export function renderJson(diags: readonly Diagnostic[], files: number): string {
  return `${JSON.stringify(toJsonReport(diags, files), null, 2)}\n`;
}
