/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), one per diagnostic, so findings
 * show up as annotations on a pull request. Escaping follows the Actions toolkit (command.ts):
 * data escapes `%`, `\r`, `\n`; property values additionally escape `:` and `,`.
 */
import type { Diagnostic, Severity } from './types.js';

/** Escape the message part of a workflow command. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (`file=`, `title=`) of a workflow command. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const commandFor: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One workflow command line (no newline). Columns are only given for single-line ranges, as GitHub requires. */
export function renderGithubAnnotation(d: Diagnostic): string {
  const props: string[] = [`file=${escapeGithubProperty(d.file)}`];
  if (d.range) {
    const { start, end } = d.range;
    props.push(`line=${start.line}`);
    if (end.line === start.line) {
      // GitHub's endColumn is inclusive; our ranges are half-open.
      props.push(`col=${start.column}`, `endLine=${end.line}`, `endColumn=${Math.max(start.column, end.column - 1)}`);
    } else {
      props.push(`endLine=${end.line}`);
    }
  }
  props.push(`title=${escapeGithubProperty(d.code)}`);
  const related = (d.related ?? []).map((r) => `\nnote: ${r.message} (${r.file}:${r.range.start.line}:${r.range.start.column})`);
  const message = `${d.message}${related.join('')}${d.hint ? `\nhelp: ${d.hint}` : ''}`;
  return `::${commandFor[d.severity]} ${props.join(',')}::${escapeGithubData(message)}`;
}

/** All annotations, one per line, trailing newline; empty string when there are none. */
export function renderGithub(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${renderGithubAnnotation(d)}\n`).join('');
}
