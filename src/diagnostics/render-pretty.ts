/**
 * Human output: a rustc-style report per diagnostic (`error[PC2001]: …`, ` --> file:line:col`, code
 * frame, `note:` frames for related locations, `help:` for the hint) and a summary line.
 * Colour is decided by the caller (see shouldUseColor) so this module stays pure.
 */
import pc from 'picocolors';
import type { Diagnostic, Range, Severity } from './types.js';
import { type FrameStyle, renderFrame, splitLines } from './render-frame.js';

/** Returns the text of a file named in a diagnostic, or undefined when it is not available. */
export type SourceLookup = (file: string) => string | undefined;

/** Options for renderPretty. */
export interface PrettyOptions {
  color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;
const createColors = (enabled: boolean): Colors => pc.createColors(enabled);

const severityLabel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

function severityColor(c: Colors, sev: Severity): (s: string) => string {
  return sev === 'error' ? c.red : sev === 'warning' ? c.yellow : c.cyan;
}

/**
 * Decide whether to colour output: `--no-color` and NO_COLOR (non-empty) win, then FORCE_COLOR
 * (anything but `0`/`false`), then whether the stream is a terminal that is not `dumb`.
 */
export function shouldUseColor(opts: { flag?: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (opts.flag === false) return false;
  if (opts.env.NO_COLOR) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return opts.isTTY && opts.env.TERM !== 'dumb';
}

/** Caches split source lines per file for one render call (large files are split once). */
function lineCache(lookup: SourceLookup): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const text = lookup(file);
      cache.set(file, text === undefined ? undefined : splitLines(text));
    }
    return cache.get(file);
  };
}

function location(file: string, range: Range | undefined): string {
  return range ? `${file}:${range.start.line}:${range.start.column}` : file;
}

/** Frame lines for one location: the ` --> ` line, then the code frame when the source is known. */
function locate(
  file: string,
  range: Range | undefined,
  lines: string[] | undefined,
  mark: string,
  style: FrameStyle,
  c: Colors,
): string[] {
  if (!range || !lines) return [` ${c.blue('-->')} ${location(file, range)}`];
  const frame = renderFrame(lines, range, mark, style);
  const pad = ' '.repeat(frame.gutterWidth);
  return [`${pad}${c.blue('-->')} ${location(file, range)}`, ...frame.lines];
}

/** Render one diagnostic as its block of lines (no trailing blank line). */
export function renderDiagnosticPretty(d: Diagnostic, lookup: SourceLookup, opts: PrettyOptions): string {
  return renderOne(d, lineCache(lookup), createColors(opts.color)).join('\n');
}

function renderOne(d: Diagnostic, linesOf: (file: string) => string[] | undefined, c: Colors): string[] {
  const sev = severityColor(c, d.severity);
  const out = [`${c.bold(sev(`${severityLabel[d.severity]}[${d.code}]`))}${c.bold(`: ${d.message}`)}`];
  out.push(...locate(d.file, d.range, linesOf(d.file), '^', { gutter: c.blue, marker: (s) => c.bold(sev(s)) }, c));
  for (const rel of d.related ?? []) {
    out.push(`${c.bold(c.cyan('note'))}: ${rel.message}`);
    out.push(...locate(rel.file, rel.range, linesOf(rel.file), '-', { gutter: c.blue, marker: c.cyan }, c));
  }
  if (d.hint) out.push(`${c.bold(c.cyan('help'))}: ${d.hint}`);
  return out;
}

/** Counts per severity. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Count diagnostics by severity. */
export function countDiagnostics(diags: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diags) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `error: 3 errors, 1 warning`; empty string when there is nothing to report. */
export function renderSummary(diags: readonly Diagnostic[], opts: PrettyOptions): string {
  const c = createColors(opts.color);
  const { errors, warnings, infos } = countDiagnostics(diags);
  const parts: string[] = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  if (infos) parts.push(`${infos} info`);
  if (parts.length === 0) return '';
  const label = errors ? c.red('error') : warnings ? c.yellow('warning') : c.cyan('info');
  return `${c.bold(label)}: ${parts.join(', ')}`;
}

/**
 * Render all diagnostics (already sorted by the caller), separated by blank lines, followed by the
 * summary line; ends with a newline. Empty string when there are no diagnostics.
 */
export function renderPretty(diags: readonly Diagnostic[], lookup: SourceLookup, opts: PrettyOptions): string {
  if (diags.length === 0) return '';
  const linesOf = lineCache(lookup);
  const c = createColors(opts.color);
  const blocks = diags.map((d) => renderOne(d, linesOf, c).join('\n'));
  return `${blocks.join('\n\n')}\n\n${renderSummary(diags, opts)}\n`;
}
