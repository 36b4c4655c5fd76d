/** Shared helpers for the grammar tests: compact, readable renderings of trees and diagnostics. */
import type { Diagnostic, Range } from '../../src/diagnostics/types.js';
import { parseSpec } from '../../src/grammar/index.js';

/** `3:5-3:9` (1-based line:column, end exclusive). */
export function rangeText(r: Range | undefined): string {
  return r ? `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}` : '-';
}

/** One line per diagnostic: `PC0006 1:12-1:12 expected a value after ...`. */
export function diagLines(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => `${d.code} ${rangeText(d.range)} ${d.message}`);
}

/** Parse a snippet and return its diagnostic lines. */
export function parseDiags(text: string): string[] {
  return diagLines(parseSpec({ path: 'test.pipeline', text }).diagnostics);
}

/** JSON of a value with every Range shortened to `l:c-l:c` and offsets checked against the text. */
export function treeJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => (isRange(v) ? rangeText(v) : v),
    1,
  );
}

/** The tree with all ranges removed: for "same tree modulo ranges" comparisons. */
export function stripRanges(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'range' || k === 'opRange' || k === 'keyRange' || k === 'path' || k === 'comments' ? undefined : v)));
}

function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && 'start' in v && 'end' in v && typeof (v as Range).start.line === 'number';
}
